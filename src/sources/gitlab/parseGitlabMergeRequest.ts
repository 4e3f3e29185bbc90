/**
 * GitLab Merge Request Hook, action `merge` → the change of the merge commit, with its request.
 */
import { z } from 'zod';
import type { ChangeEventInput } from '../../contract/events.js';
import { servicesOfRepo } from '../listServices.js';
import { instant, labelList, parsePayload } from '../parsePayload.js';
import { type Extraction, ignoredBecause, type SourceContext, type SourceError, taken } from '../types.js';
import { findRevertedShas } from '../versionFromRef.js';

const mergeRequestSchema = z.looseObject({
  object_attributes: z.looseObject({
    iid: z.number().int().nonnegative(),
    action: z.string().nullish(),
    state: z.string().nullish(),
    title: z.string().nullish(),
    description: z.string().nullish(),
    source_branch: z.string(),
    target_branch: z.string(),
    created_at: instant,
    updated_at: instant.nullish(),
    merged_at: instant.nullish(),
    merge_commit_sha: z.string().nullish(),
    squash_commit_sha: z.string().nullish(),
    squash: z.boolean().nullish(),
    last_commit: z.looseObject({ id: z.string() }).nullish(),
    labels: labelList,
  }),
  labels: labelList,
  project: z.looseObject({ path_with_namespace: z.string().min(1), default_branch: z.string().min(1) }),
});

/**
 * What a revert merge request undoes: recognised by a title starting `Revert "` or a source branch
 * starting `revert-`; names the shas the description gives as `This reverts commit <sha>`, else the
 * merge request it names as `This reverts merge request !12` (`group/project!12`), else `unknown`.
 */
export function revertsOfMergeRequest(
  repo: string,
  title: string | null | undefined,
  sourceBranch: string,
  description: string | null | undefined,
): string[] | undefined {
  if (!(title ?? '').startsWith('Revert "') && !sourceBranch.startsWith('revert-')) return undefined;
  const shas = findRevertedShas(description);
  if (shas.length > 0) return shas;
  const reference = description?.match(/reverts merge request !(\d+)/i)?.[1];
  return [reference ? `${repo}!${reference}` : 'unknown'];
}

/**
 * Reads a merge (`object_attributes.action: merge`) into the project's default branch. The change's
 * sha is `merge_commit_sha`, else `squash_commit_sha`, else (a fast-forward merge without squash) the
 * last commit; `committedAt` and `pr.mergedAt` are `merged_at`, else `updated_at` (the hook has no
 * merge time of its own), `pr.openedAt` is `created_at`; labels and reverts as for GitHub.
 */
export function parseGitlabMergeRequest(payload: unknown, context: SourceContext): Extraction | SourceError {
  const parsed = parsePayload(mergeRequestSchema, payload);
  if ('error' in parsed) return parsed;
  const { object_attributes: mr, project, labels } = parsed.data;
  const repo = project.path_with_namespace;
  if (mr.action !== 'merge')
    return ignoredBecause(`merge request ${mr.action ?? mr.state ?? 'event'}: only merges are changes`);
  if (mr.target_branch !== project.default_branch) {
    return ignoredBecause(
      `merge request merged into ${mr.target_branch}, not the default branch ${project.default_branch}`,
    );
  }
  if (servicesOfRepo(context.organisation, repo).length === 0) {
    return ignoredBecause(`project ${repo} is not mapped to a service`);
  }
  const sha =
    mr.merge_commit_sha || mr.squash_commit_sha || (mr.squash === true ? undefined : mr.last_commit?.id);
  if (!sha)
    return ignoredBecause('merged merge request names no commit (squashed without a squash commit sha)');
  const mergedAt = mr.merged_at ?? mr.updated_at ?? new Date(context.receivedAt).toISOString();
  const reverts = revertsOfMergeRequest(repo, mr.title, mr.source_branch, mr.description);
  const change: ChangeEventInput = {
    type: 'change',
    repo,
    sha,
    committedAt: mergedAt,
    branch: mr.target_branch,
    pr: { number: mr.iid, openedAt: mr.created_at, mergedAt },
    labels: labels.length > 0 ? labels : mr.labels,
    ...(reverts ? { reverts } : {}),
  };
  return taken([change]);
}
