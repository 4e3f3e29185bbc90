/**
 * The Octokit instance the backfill reads GitHub through.
 */
import { Octokit } from '@octokit/rest';

const quiet = (): void => {};

/**
 * An Octokit for `token` on `baseUrl` (default `https://api.github.com`; an Enterprise Server's is
 * `https://<host>/api/v3`). It never retries by itself, and logs nothing: the backfill pauses on
 * rate limits and reports failures itself.
 */
export function createGithubClient(token: string, baseUrl?: string): Octokit {
  return new Octokit({
    auth: token,
    ...(baseUrl ? { baseUrl } : {}),
    userAgent: 'devops-checkpoint-backfill',
    request: { retries: 0 },
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
}
