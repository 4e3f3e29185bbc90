/**
 * Backfilled pull requests: `GET /repos/{owner}/{repo}/pulls?state=closed&base=<default branch>`,
 * most recently updated first → the change of each merge commit with its pull request, read by the
 * webhook adapter's own rules (`parseGithubPullRequest`), plus `pr.firstCommitAt`, which only the
 * API gives: the earliest date among the pull request's commits.
 */
import { z } from 'zod';
import type { ChangeEventInput } from '../../../contract/events.js';
import { instant } from '../../parsePayload.js';
import { parseGithubPullRequest } from '../parseGithubPullRequest.js';
import {
  type BackfillKindReader,
  type ReaderContext,
  readApiObject,
  repoPath,
} from './backfillKindReader.js';
import { GithubRequestError } from './createGithubFetcher.js';

const pullSchema = z.looseObject({
  number: z.number().int().nonnegative(),
  updated_at: instant,
  merged_at: instant.nullish(),
});

const gitSignature = z.looseObject({ date: z.string().nullish() }).nullish();
const pullCommitSchema = z.looseObject({
  sha: z.string().min(1),
  commit: z.looseObject({ author: gitSignature, committer: gitSignature }),
});

/**
 * The start of the work: the earliest author date among `commits` (author dates survive a rebase
 * or an amended commit, committer dates do not), else the earliest committer date.
 */
export function firstCommitAt(commits: readonly z.output<typeof pullCommitSchema>[]): string | undefined {
  const times = commits
    .map((commit) => Date.parse(commit.commit.author?.date ?? commit.commit.committer?.date ?? ''))
    .filter((time) => !Number.isNaN(time));
  return times.length === 0 ? undefined : new Date(Math.min(...times)).toISOString();
}

/**
 * Reads merged pull requests into the default branch merged inside the window. GitHub lists the
 * closed ones by last update; once one was last updated before the window, every later one was too
 * and no merge inside the window remains. Costs one request per merged pull request (its commits;
 * GitHub lists at most 250 of them, the earliest of those gives `firstCommitAt`).
 */
export function pullRequestsReader(context: ReaderContext): BackfillKindReader {
  const query = new URLSearchParams({
    state: 'closed',
    base: context.branch,
    sort: 'updated',
    direction: 'desc',
    per_page: String(context.perPage),
  });
  const repository = { full_name: context.repo, default_branch: context.branch };
  return {
    kind: 'pulls',
    firstPath: `${repoPath(context.repo)}/pulls?${query}`,
    readsToEnd: false,
    async readPage(items, path) {
      const events: ChangeEventInput[] = [];
      const skipped: string[] = [];
      let reachedSince = false;
      for (const item of items) {
        const pull = readApiObject(pullSchema, item, 'pull request', path);
        if (Date.parse(pull.updated_at) < context.since) {
          reachedSince = true;
          continue;
        }
        if (!pull.merged_at || Date.parse(pull.merged_at) < context.since) continue;
        const commitsPath = `${repoPath(context.repo)}/pulls/${pull.number}/commits?per_page=100`;
        const commits = (await context.fetcher.getAll(commitsPath)).map((commit) =>
          readApiObject(pullCommitSchema, commit, 'pull request commit', commitsPath),
        );
        // The listed pull request has every field the webhook's has except `merged`, implied by merged_at.
        const payload = {
          action: 'closed',
          number: pull.number,
          pull_request: { ...(item as object), merged: true },
          repository,
        };
        const read = parseGithubPullRequest(payload, {
          organisation: context.organisation,
          receivedAt: context.now(),
        });
        if ('error' in read) {
          throw new GithubRequestError(
            `GitHub answered GET ${path} with an unexpected pull request: ${read.error}`,
            200,
            path,
          );
        }
        if (read.ignored) skipped.push(`pull request #${pull.number}: ${read.ignored}`);
        const start = firstCommitAt(commits);
        for (const event of read.events) {
          if (event.type === 'change' && event.pr && start) event.pr.firstCommitAt = start;
          events.push(event as ChangeEventInput);
        }
      }
      return { events, skipped, reachedSince };
    },
  };
}
