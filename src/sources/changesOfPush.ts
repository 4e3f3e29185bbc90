/**
 * The changes of a push (GitHub and GitLab): one per commit, in push order, parents chained.
 */
import type { ChangeEventInput } from '../contract/events.js';
import { findRevertedShas } from './versionFromRef.js';

/** A pushed commit as both tools describe it (timestamp already an ISO instant). */
export interface PushedCommit {
  id: string;
  timestamp: string;
  message?: string | null | undefined;
  added?: string[] | null | undefined;
  modified?: string[] | null | undefined;
  removed?: string[] | null | undefined;
}

/** The paths a commit touched (added, modified, removed, each once), or undefined when not listed. */
export function filesOfCommit(
  commit: Pick<PushedCommit, 'added' | 'modified' | 'removed'>,
): string[] | undefined {
  const lists = [commit.added, commit.modified, commit.removed];
  if (lists.every((list) => list === null || list === undefined)) return undefined;
  return [...new Set(lists.flatMap((list) => list ?? []))];
}

/**
 * One change per commit of a push to `branch` of `repo`, in push order: `committedAt` is the commit's
 * timestamp, `files` what it touched, `reverts` the shas its message names in git's wording
 * (`This reverts commit <sha>`). Each commit's parent is the commit before it; the first one's is
 * `firstParent` when known.
 */
export function changesOfPush(push: {
  repo: string;
  branch: string;
  pushedAt: string;
  firstParent: string | undefined;
  commits: readonly PushedCommit[];
}): ChangeEventInput[] {
  let parent = push.firstParent;
  return push.commits.map((commit): ChangeEventInput => {
    const files = filesOfCommit(commit);
    const reverts = findRevertedShas(commit.message);
    const change: ChangeEventInput = {
      type: 'change',
      repo: push.repo,
      sha: commit.id,
      committedAt: commit.timestamp,
      ...(parent ? { parents: [parent] } : {}),
      pushedAt: push.pushedAt,
      branch: push.branch,
      ...(reverts.length > 0 ? { reverts } : {}),
      ...(files ? { files } : {}),
    };
    parent = commit.id;
    return change;
  });
}
