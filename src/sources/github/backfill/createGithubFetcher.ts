/**
 * GET requests to GitHub's REST API through an Octokit instance: pages read from the `Link` header,
 * pauses on rate limits (the wait is injected), and errors that say what went wrong and where.
 */
import type { Octokit } from '@octokit/rest';
import { type RateLimitPause, rateLimitPause } from './rateLimitPause.js';
import { readPageLinks } from './readPageLinks.js';

/** A request GitHub refused or that could not be sent; `status` 0 when nothing answered. */
export class GithubRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly path: string,
  ) {
    super(message);
    this.name = 'GithubRequestError';
  }
}

/** One page of a list: its items, the next page (relative to the API's base URL) and the page count. */
export interface GithubPage {
  items: unknown[];
  next: string | undefined;
  lastPage: number | undefined;
}

/** A rate-limit pause of a request. */
export interface GithubPause extends RateLimitPause {
  path: string;
}

/** What a fetcher needs: the API client, the clock and the way to wait. */
export interface GithubFetcherOptions {
  octokit: Octokit;
  now: () => number;
  /** Sleeps `ms` milliseconds (injected so tests do not sleep). */
  wait: (ms: number) => Promise<void>;
  /** Told before each pause. */
  onPause?: (pause: GithubPause) => void;
  /** How many times one request may pause before the run gives up (default 10). */
  maxPauses?: number;
}

/** Reads GitHub's REST API; `requests` counts the requests sent, retries included. */
export interface GithubFetcher {
  get(path: string): Promise<{ data: unknown; headers: Record<string, unknown> }>;
  getPage(path: string): Promise<GithubPage>;
  /** Every item of a short list under one object (a deployment's statuses, a pull request's commits). */
  getAll(path: string): Promise<unknown[]>;
  readonly requests: number;
}

interface OctokitFailure {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, unknown> };
}

function describeFailure(status: number, answered: boolean, path: string, message: string): string {
  const request = `GET ${path}`;
  if (!answered) return `cannot reach GitHub for ${request}: ${message}`;
  if (status === 401) return `GitHub refused the token for ${request} (401 ${message}): check GITHUB_TOKEN`;
  if (status === 403) {
    return `GitHub refused ${request} (403 ${message}): the token needs read access to the repository's contents, pull requests and deployments`;
  }
  if (status === 404) {
    return `GitHub answered 404 for ${request}: the repository does not exist or the token cannot see it`;
  }
  return `GitHub answered ${status} for ${request}: ${message}`;
}

/** Creates a fetcher over `octokit` (its `baseUrl` decides the host: github.com or an Enterprise Server). */
export function createGithubFetcher(options: GithubFetcherOptions): GithubFetcher {
  const { octokit, now, wait } = options;
  const baseUrl = String(octokit.request.endpoint.DEFAULTS.baseUrl).replace(/\/+$/, '');
  const maxPauses = options.maxPauses ?? 10;
  let requests = 0;

  // Links come back absolute; kept relative, a saved cursor does not depend on the host's spelling.
  const relative = (url: string): string => (url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url);

  async function get(path: string): Promise<{ data: unknown; headers: Record<string, unknown> }> {
    for (let pauses = 0; ; pauses++) {
      requests++;
      try {
        const response = await octokit.request({
          method: 'GET',
          url: path,
          headers: { 'x-github-api-version': '2022-11-28' },
        });
        return { data: response.data, headers: response.headers as Record<string, unknown> };
      } catch (error) {
        const failure = error as OctokitFailure;
        const answered = failure.response !== undefined;
        const status = answered && typeof failure.status === 'number' ? failure.status : 0;
        const message = typeof failure.message === 'string' ? failure.message : String(error);
        const pause = rateLimitPause(status, failure.response?.headers ?? {}, message, now());
        if (pause === undefined) {
          throw new GithubRequestError(describeFailure(status, answered, path, message), status, path);
        }
        if (pauses >= maxPauses) {
          throw new GithubRequestError(
            `GitHub kept refusing GET ${path} for its rate limit after ${maxPauses} pauses`,
            status,
            path,
          );
        }
        options.onPause?.({ ...pause, path });
        await wait(pause.until - now());
      }
    }
  }

  async function getPage(path: string): Promise<GithubPage> {
    const { data, headers } = await get(path);
    if (!Array.isArray(data)) {
      throw new GithubRequestError(
        `GitHub answered GET ${path} with something that is not a list`,
        200,
        path,
      );
    }
    const links = readPageLinks(typeof headers.link === 'string' ? headers.link : undefined);
    return {
      items: data,
      next: links.next === undefined ? undefined : relative(links.next),
      lastPage: links.lastPage,
    };
  }

  async function getAll(path: string): Promise<unknown[]> {
    const items: unknown[] = [];
    for (let next: string | undefined = path; next !== undefined; ) {
      const page: GithubPage = await getPage(next);
      items.push(...page.items);
      next = page.next;
    }
    return items;
  }

  return {
    get,
    getPage,
    getAll,
    get requests() {
      return requests;
    },
  };
}
