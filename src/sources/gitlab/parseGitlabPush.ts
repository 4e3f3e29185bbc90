/**
 * GitLab Push Hook → one change per pushed commit, in push order (metrics contract §1).
 */
import { z } from 'zod';
import { changesOfPush } from '../changesOfPush.js';
import { servicesOfRepo } from '../listServices.js';
import { instant, parsePayload } from '../parsePayload.js';
import { type Extraction, ignoredBecause, type SourceContext, type SourceError, taken } from '../types.js';
import { branchOfRef, isZeroSha } from '../versionFromRef.js';

const paths = z.array(z.string()).nullish();

const pushSchema = z.looseObject({
  ref: z.string(),
  before: z.string().nullish(),
  after: z.string().nullish(),
  project: z.looseObject({ path_with_namespace: z.string().min(1), default_branch: z.string().min(1) }),
  commits: z
    .array(
      z.looseObject({
        id: z.string().min(1),
        timestamp: instant,
        message: z.string().nullish(),
        added: paths,
        modified: paths,
        removed: paths,
      }),
    )
    .nullish(),
  total_commits_count: z.number().int().nonnegative().nullish(),
});

/**
 * Reads a push to the project's default branch (`project.default_branch`; the repository is
 * `project.path_with_namespace`); other branches, branch deletions and unmapped projects are ignored.
 *
 * Commits arrive oldest first. GitLab lists only the newest 20 (`total_commits_count` tells the
 * rest), so the first listed commit's parent is `before` only when none were left out and `before`
 * is not all zeros; each later commit's parent is the one listed before it. The push hook carries no
 * push time, so `pushedAt` is the arrival time.
 */
export function parseGitlabPush(payload: unknown, context: SourceContext): Extraction | SourceError {
  const parsed = parsePayload(pushSchema, payload);
  if ('error' in parsed) return parsed;
  const push = parsed.data;
  const repo = push.project.path_with_namespace;
  const branch = branchOfRef(push.ref);
  if (branch === undefined) return ignoredBecause(`${push.ref} is not a branch`);
  if (isZeroSha(push.after)) return ignoredBecause(`branch ${branch} was deleted`);
  if (branch !== push.project.default_branch) {
    return ignoredBecause(`branch ${branch} is not the default branch ${push.project.default_branch}`);
  }
  if (servicesOfRepo(context.organisation, repo).length === 0) {
    return ignoredBecause(`project ${repo} is not mapped to a service`);
  }
  const commits = push.commits ?? [];
  if (commits.length === 0) return ignoredBecause('the push carries no commits');
  const truncated = (push.total_commits_count ?? commits.length) > commits.length;
  const pushedAt = new Date(context.receivedAt).toISOString();
  const firstParent = truncated || isZeroSha(push.before) ? undefined : (push.before ?? undefined);
  const events = changesOfPush({ repo, branch, pushedAt, firstParent, commits });
  return taken(events);
}
