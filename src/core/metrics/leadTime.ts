import type { Change, Instant } from '../events.js';
import type { LeadTimeStart } from './measureConfig.js';

/** Lead time of one carried change and its parts, in seconds (metrics contract §4, lead time). */
export interface LeadTime {
  /** The start instant chosen by `leadTimeStart` (ms). */
  startAt: Instant;
  /** `finishedAt − startAt` in seconds, null when negative (dropped as a data-quality problem). */
  leadTimeSeconds: number | null;
  negative: boolean;
  /** Start → pull request opened, else → pushed; null when neither is known. */
  codingSeconds: number | null;
  /** Pull request opened → merged; null unless both are known. */
  reviewSeconds: number | null;
  /** Pull request merged, else pushed → deployment finished; null when neither is known. */
  waitingSeconds: number | null;
}

/**
 * The instant lead time starts from: `firstCommitAt` (default) is the pull request's first commit when
 * known (squash-safe); `pushedAt` and `prOpenedAt` are those instants; each falls back to `committedAt`
 * when its field is missing.
 */
export function leadTimeStartOf(change: Change, start: LeadTimeStart): Instant {
  switch (start) {
    case 'firstCommitAt':
      return change.pr?.firstCommitAt ?? change.committedAt;
    case 'pushedAt':
      return change.pushedAt ?? change.committedAt;
    case 'prOpenedAt':
      return change.pr?.openedAt ?? change.committedAt;
    case 'committedAt':
      return change.committedAt;
  }
}

const seconds = (from: Instant | undefined, to: Instant | undefined): number | null =>
  from === undefined || to === undefined ? null : (to - from) / 1000;

/** Lead time of a change carried by a deployment finished at `finishedAt` (ms), with its parts (seconds). */
export function leadTime(change: Change, finishedAt: Instant, start: LeadTimeStart): LeadTime {
  const startAt = leadTimeStartOf(change, start);
  const total = (finishedAt - startAt) / 1000;
  const negative = total < 0;
  return {
    startAt,
    leadTimeSeconds: negative ? null : total,
    negative,
    codingSeconds: seconds(startAt, change.pr?.openedAt ?? change.pushedAt),
    reviewSeconds: seconds(change.pr?.openedAt, change.pr?.mergedAt),
    waitingSeconds: seconds(change.pr?.mergedAt ?? change.pushedAt, finishedAt),
  };
}
