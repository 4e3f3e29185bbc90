import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replayClient } from './backfillScenario.js';
import { createGithubFetcher } from './createGithubFetcher.js';
import { type GithubReplay, startGithubReplay } from './githubReplay.js';

let replay: GithubReplay;
beforeEach(async () => {
  replay = await startGithubReplay();
});
afterEach(async () => {
  await replay.close();
});

const now = Date.parse('2026-03-10T12:00:00Z');
const fetcherOf = (octokit: Octokit, maxPauses?: number) =>
  createGithubFetcher({
    octokit,
    now: () => now,
    wait: async () => {},
    ...(maxPauses === undefined ? {} : { maxPauses }),
  });

describe('createGithubFetcher', () => {
  it('reads a page, its next page relative to the base URL and the page count', async () => {
    const fetcher = fetcherOf(replayClient(replay.baseUrl));
    const page = await fetcher.getPage('/repos/acme/search/deployments?per_page=2');
    expect(page.items).toHaveLength(2);
    expect(page).toMatchObject({
      next: '/repositories/612345678/deployments?per_page=2&page=2',
      lastPage: 4,
    });
    expect(fetcher.requests).toBe(1);
  });

  it('names a repository GitHub does not show, and a token it refuses', async () => {
    const fetcher = fetcherOf(replayClient(replay.baseUrl));
    await expect(fetcher.get('/repos/acme/missing')).rejects.toThrow(
      'GitHub answered 404 for GET /repos/acme/missing: the repository does not exist or the token cannot see it',
    );
    const anonymous = fetcherOf(
      new Octokit({ baseUrl: replay.baseUrl, log: { debug() {}, info() {}, warn() {}, error() {} } }),
    );
    await expect(anonymous.get('/repos/acme/search')).rejects.toThrow(
      /^GitHub refused the token for GET \/repos\/acme\/search \(401 Bad credentials.*\): check GITHUB_TOKEN$/,
    );
  });

  it('tells a missing permission (403 with requests left) from a rate limit', async () => {
    replay.answerOnce('GET /repos/acme/search/deployments?per_page=2', {
      status: 403,
      headers: { 'x-ratelimit-remaining': '4990' },
      body: { message: 'Resource not accessible by personal access token', status: '403' },
    });
    const wait = vi.fn(async () => {});
    const fetcher = createGithubFetcher({ octokit: replayClient(replay.baseUrl), now: () => now, wait });
    await expect(fetcher.getPage('/repos/acme/search/deployments?per_page=2')).rejects.toThrow(
      "GitHub refused GET /repos/acme/search/deployments?per_page=2 (403 Resource not accessible by personal access token): the token needs read access to the repository's contents, pull requests and deployments",
    );
    expect(wait).not.toHaveBeenCalled();
  });

  it('pauses as long as retry-after says, and gives up after too many pauses', async () => {
    const tooMany = { status: 429, headers: { 'retry-after': '20' }, body: { message: 'Too Many Requests' } };
    replay.answerOnce('GET /repos/acme/search', tooMany);
    replay.answerOnce('GET /repos/acme/search', tooMany);
    const wait = vi.fn(async (_ms: number) => {});
    const fetcher = createGithubFetcher({
      octokit: replayClient(replay.baseUrl),
      now: () => now,
      wait,
      maxPauses: 1,
    });
    await expect(fetcher.get('/repos/acme/search')).rejects.toThrow(
      'GitHub kept refusing GET /repos/acme/search for its rate limit after 1 pauses',
    );
    expect(wait.mock.calls).toEqual([[20_000]]);
  });

  it('says when GitHub cannot be reached', async () => {
    const fetcher = fetcherOf(replayClient(replay.baseUrl));
    await replay.close();
    await expect(fetcher.get('/repos/acme/search')).rejects.toThrow(
      /^cannot reach GitHub for GET \/repos\/acme\/search: /,
    );
    replay = await startGithubReplay();
  });
});
