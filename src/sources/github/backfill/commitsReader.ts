/**
 * Backfilled commits: `GET /repos/{owner}/{repo}/commits?sha=<default branch>&since=…` → one change
 * per commit with its parents (metrics contract §1), as the push webhook would have given it.
 */
import { z } from 'zod';
import type { ChangeEventInput } from '../../../contract/events.js';
import { servicesOfRepo } from '../../listServices.js';
import { toIsoInstant } from '../../toIsoInstant.js';
import { findRevertedShas } from '../../versionFromRef.js';
import {
  type BackfillKindReader,
  type ReaderContext,
  readApiObject,
  repoPath,
} from './backfillKindReader.js';
import { readPageLinks } from './readPageLinks.js';

const gitSignature = z.looseObject({ date: z.string().nullish() }).nullish();

const commitSchema = z.looseObject({
  sha: z.string().min(1),
  commit: z.looseObject({ message: z.string().nullish(), author: gitSignature, committer: gitSignature }),
  parents: z.array(z.looseObject({ sha: z.string().min(1) })),
});

const commitFilesSchema = z.looseObject({
  files: z
    .array(z.looseObject({ filename: z.string().min(1), previous_filename: z.string().nullish() }))
    .nullish(),
});

/** A commit as GitHub lists it (the fields read here). */
export type ListedCommit = z.output<typeof commitSchema>;

/** Seconds precision, the form GitHub's `since` parameters are documented with. */
export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** When a commit was made: its committer date, else its author date, as an ISO UTC instant. */
export function commitDate(commit: ListedCommit): string | undefined {
  const date = commit.commit.committer?.date ?? commit.commit.author?.date;
  return date ? toIsoInstant(date) : undefined;
}

/**
 * The change of a commit on the default branch `branch` of `repo`: `committedAt` its date (see
 * `commitDate`), `parents` all its parents, `reverts` the shas its message names in git's wording,
 * `files` when given. `pushedAt` is not known from the API and left out (never erasing a stored
 * one). Undefined when the commit carries no date.
 */
export function changeOfCommit(
  repo: string,
  branch: string,
  commit: ListedCommit,
  files: string[] | undefined,
): ChangeEventInput | undefined {
  const committedAt = commitDate(commit);
  if (committedAt === undefined) return undefined;
  const reverts = findRevertedShas(commit.commit.message);
  return {
    type: 'change',
    repo,
    sha: commit.sha,
    committedAt,
    parents: commit.parents.map((parent) => parent.sha),
    branch,
    ...(reverts.length > 0 ? { reverts } : {}),
    ...(files ? { files } : {}),
  };
}

/** The paths a commit touched (renames under both names), following GitHub's pages of files. */
async function filesOfCommit(context: ReaderContext, sha: string): Promise<string[]> {
  const files = new Set<string>();
  for (let path: string | undefined = `${repoPath(context.repo)}/commits/${sha}`; path !== undefined; ) {
    const { data, headers } = await context.fetcher.get(path);
    const commit = readApiObject(commitFilesSchema, data, 'commit', path);
    for (const file of commit.files ?? []) {
      files.add(file.filename);
      if (file.previous_filename) files.add(file.previous_filename);
    }
    path = readPageLinks(typeof headers.link === 'string' ? headers.link : undefined).next;
  }
  return [...files];
}

/**
 * Reads the default branch's commits made since the window's start, newest first. Each commit's
 * files are fetched (one request per commit) only when the repository holds a service with a
 * `path` (a monorepo), where they decide which service a change belongs to.
 */
export function commitsReader(context: ReaderContext): BackfillKindReader {
  const withFiles = servicesOfRepo(context.organisation, context.repo).some(
    (service) => service.path !== undefined,
  );
  const query = new URLSearchParams({
    sha: context.branch,
    since: isoSeconds(context.since),
    per_page: String(context.perPage),
  });
  return {
    kind: 'commits',
    firstPath: `${repoPath(context.repo)}/commits?${query}`,
    readsToEnd: true,
    async readPage(items, path) {
      const events: ChangeEventInput[] = [];
      const skipped: string[] = [];
      for (const item of items) {
        const commit = readApiObject(commitSchema, item, 'commit', path);
        const files = withFiles ? await filesOfCommit(context, commit.sha) : undefined;
        const change = changeOfCommit(context.repo, context.branch, commit, files);
        if (change) events.push(change);
        else skipped.push(`commit ${commit.sha} carries no date`);
      }
      return { events, skipped, reachedSince: false };
    },
  };
}
