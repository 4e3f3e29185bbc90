/**
 * What each kind of backfilled object (commits, pull requests, deployments) shares: where its list
 * starts, and how one listed page becomes canonical events (metrics contract §1).
 */
import type { z } from 'zod';
import type { CanonicalEventInput } from '../../../contract/events.js';
import type { Organisation } from '../../../core/org/organisation.js';
import { parsePayload } from '../../parsePayload.js';
import type { BackfillKind } from './backfillCursor.js';
import { type GithubFetcher, GithubRequestError } from './createGithubFetcher.js';

/** What a reader needs: the API, the repository as GitHub spells it, its default branch, the window. */
export interface ReaderContext {
  fetcher: GithubFetcher;
  /** `owner/name` as GitHub spells it (`full_name`), the key changes are stored under. */
  repo: string;
  /** The default branch: the deployable one. */
  branch: string;
  /** The window's start, ms since the Unix epoch. */
  since: number;
  organisation: Organisation;
  /** Items per page requested (GitHub allows up to 100). */
  perPage: number;
  now: () => number;
}

/** The events of one page, why some objects gave none, and whether the list reached back past `since`. */
export interface PageReading {
  events: CanonicalEventInput[];
  skipped: string[];
  /** True when the page holds objects older than the window: later pages hold only older ones. */
  reachedSince: boolean;
}

/** Reads one kind of object. */
export interface BackfillKindReader {
  kind: BackfillKind;
  /** The first page's path, relative to the API's base URL. */
  firstPath: string;
  /** True when the list is read to its end (its page count is known from the first page). */
  readsToEnd: boolean;
  readPage(items: readonly unknown[], path: string): Promise<PageReading>;
}

/** The `/repos/<owner>/<name>` prefix of `repo`'s API paths. */
export const repoPath = (repo: string): string =>
  `/repos/${repo
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/')}`;

/** Validates an object GitHub sent; a wrong shape fails the run naming the request and the field. */
export function readApiObject<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
  path: string,
): z.output<T> {
  const parsed = parsePayload(schema, value);
  if ('error' in parsed) {
    throw new GithubRequestError(
      `GitHub answered GET ${path} with an unexpected ${what}: ${parsed.error}`,
      200,
      path,
    );
  }
  return parsed.data;
}
