/**
 * GitHub `pull_request` closed and merged → the change of its merge commit, with its pull request.
 */
import { z } from 'zod';
import type { ChangeEventInput } from '../../contract/events.js';
import { servicesOfRepo } from '../listServices.js';
import { identifier, instant, labelList, parsePayload } from '../parsePayload.js';
import { type Extraction, ignoredBecause, type SourceContext, type SourceError, taken } from '../types.js';
import { findRevertedShas } from '../versionFromRef.js';

const pullRequestSchema = z.looseObject({
  action: z.string(),
  pull_request: z.looseObject({
    number: z.number().int().nonnegative(),
    title: z.string().nullish(),
    body: z.string().nullish(),
    created_at: instant,
    merged_at: instant.nullish(),
    merged: z.boolean().nullish(),
    merge_commit_sha: identifier.nullish(),
    labels: labelList,
    head: z.looseObject({ ref: z.string() }),
    base: z.looseObject({ ref: z.string() }),
  }),
  repository: z.looseObject({ full_name: z.string().min(1), default_branch: z.string().min(1) }),
});

/**
 * What a revert pull request undoes. Recognised as a revert when the title starts with `Revert "` or
 * the head branch with `revert-` (GitHub's revert button does both). Names the reverted shas when the
 * body says `This reverts commit <sha>`; else the reverted pull request (`owner/repo#12`) when the body
 * says `Reverts owner/repo#12` (GitHub's wording); else `unknown`. An entry that is not a sha still
 * marks the change as a revert (rework) but matches no change.
 */
export function revertsOfPullRequest(
  repo: string,
  title: string | null | undefined,
  headRef: string,
  body: string | null | undefined,
): string[] | undefined {
  const isRevert = (title ?? '').startsWith('Revert "') || headRef.startsWith('revert-');
  if (!isRevert) return undefined;
  const shas = findRevertedShas(body);
  if (shas.length > 0) return shas;
  const reference = body?.match(/\breverts\s+([\w.-]+\/[\w.-]+)?#(\d+)/i);
  if (reference?.[2]) return [`${reference[1] ?? repo}#${reference[2]}`];
  return ['unknown'];
}

/**
 * Reads a merged pull request (`action: closed`, `merged: true`) into the base branch, which must be
 * the default branch. The change is the merge commit (`merge_commit_sha`) with `committedAt` and
 * `pr.mergedAt` = `merged_at`, `pr.openedAt` = `created_at` (the webhook does not give the first
 * commit's time, so `pr.firstCommitAt` is left out), `labels` from the pull request and `reverts`.
 */
export function parseGithubPullRequest(payload: unknown, context: SourceContext): Extraction | SourceError {
  const parsed = parsePayload(pullRequestSchema, payload);
  if ('error' in parsed) return parsed;
  const { action, pull_request: pr, repository } = parsed.data;
  const repo = repository.full_name;
  if (action !== 'closed') return ignoredBecause(`pull request ${action}: only merges are changes`);
  if (pr.merged !== true || !pr.merged_at) return ignoredBecause('pull request closed without merging');
  if (!pr.merge_commit_sha) return ignoredBecause('merged pull request has no merge_commit_sha');
  if (pr.base.ref !== repository.default_branch) {
    return ignoredBecause(
      `pull request merged into ${pr.base.ref}, not the default branch ${repository.default_branch}`,
    );
  }
  if (servicesOfRepo(context.organisation, repo).length === 0) {
    return ignoredBecause(`repository ${repo} is not mapped to a service`);
  }
  const reverts = revertsOfPullRequest(repo, pr.title, pr.head.ref, pr.body);
  const change: ChangeEventInput = {
    type: 'change',
    repo,
    sha: pr.merge_commit_sha,
    committedAt: pr.merged_at,
    branch: pr.base.ref,
    pr: { number: pr.number, openedAt: pr.created_at, mergedAt: pr.merged_at },
    labels: pr.labels,
    ...(reverts ? { reverts } : {}),
  };
  return taken([change]);
}
