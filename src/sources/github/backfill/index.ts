/**
 * The GitHub backfill: history read from GitHub's REST API into canonical events, page by page,
 * resumable from a saved cursor. Storing is the caller's (see `BackfillTarget`).
 */
export { type BackfillCursor, type BackfillKind, backfillKinds, backfillScope } from './backfillCursor.js';
export { createGithubClient } from './createGithubClient.js';
export { type GithubPause, GithubRequestError } from './createGithubFetcher.js';
export { parseSince } from './parseSince.js';
export {
  type BackfillPageEvents,
  type BackfillProgress,
  type BackfillTarget,
  type GithubBackfillOptions,
  type GithubBackfillSummary,
  runGithubBackfill,
} from './runGithubBackfill.js';
