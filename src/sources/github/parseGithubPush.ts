/**
 * GitHub `push` → one change per pushed commit, in push order (metrics contract §1).
 */
import { z } from 'zod';
import { changesOfPush } from '../changesOfPush.js';
import { servicesOfRepo } from '../listServices.js';
import { instant, parsePayload } from '../parsePayload.js';
import { type Extraction, ignoredBecause, type SourceContext, type SourceError, taken } from '../types.js';
import { branchOfRef, isZeroSha } from '../versionFromRef.js';

const paths = z.array(z.string()).nullish();

const commitSchema = z.looseObject({
  id: z.string().min(1),
  timestamp: instant,
  message: z.string().nullish(),
  added: paths,
  modified: paths,
  removed: paths,
});

const pushSchema = z.looseObject({
  ref: z.string(),
  before: z.string().nullish(),
  deleted: z.boolean().nullish(),
  forced: z.boolean().nullish(),
  commits: z.array(commitSchema).nullish(),
  head_commit: commitSchema.nullish(),
  repository: z.looseObject({
    full_name: z.string().min(1),
    default_branch: z.string().min(1),
    pushed_at: instant.nullish(),
  }),
});

/**
 * Reads a push to the repository's default branch (`repository.default_branch`); pushes to other
 * branches, tags and branch deletions are ignored, as are repositories mapped to no service.
 *
 * Each commit becomes a change with `committedAt` (its timestamp), `pushedAt` (`repository.pushed_at`,
 * else the head commit's timestamp, else the arrival time), `branch`, `files` and, when the message
 * says `This reverts commit <sha>`, `reverts`. `parents` is inferred: each commit's parent is the
 * previous commit of the push, the first one's is `before` (not when it is all zeros or the push
 * was forced, where `before` need not be an ancestor).
 */
export function parseGithubPush(payload: unknown, context: SourceContext): Extraction | SourceError {
  const parsed = parsePayload(pushSchema, payload);
  if ('error' in parsed) return parsed;
  const push = parsed.data;
  const repo = push.repository.full_name;
  const branch = branchOfRef(push.ref);
  if (branch === undefined) return ignoredBecause(`${push.ref} is not a branch`);
  if (push.deleted) return ignoredBecause(`branch ${branch} was deleted`);
  if (branch !== push.repository.default_branch) {
    return ignoredBecause(`branch ${branch} is not the default branch ${push.repository.default_branch}`);
  }
  if (servicesOfRepo(context.organisation, repo).length === 0) {
    return ignoredBecause(`repository ${repo} is not mapped to a service`);
  }
  const listed = push.commits ?? [];
  const commits = listed.length > 0 ? listed : push.head_commit ? [push.head_commit] : [];
  if (commits.length === 0) return ignoredBecause('the push carries no commits');

  const pushedAt =
    push.repository.pushed_at ?? push.head_commit?.timestamp ?? new Date(context.receivedAt).toISOString();
  const firstParent =
    listed.length === 0 || push.forced || isZeroSha(push.before) ? undefined : (push.before ?? undefined);
  const events = changesOfPush({ repo, branch, pushedAt, firstParent, commits });
  return taken(events);
}
