import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseEvents } from '../../../contract/events.js';
import { testOrganisation } from '../../testOrganisation.js';
import {
  commitChanges,
  deploymentEvents,
  memoryTarget,
  now,
  organisation,
  pullRequestChanges,
  replayClient,
  shas,
  since,
} from './backfillScenario.js';
import { type GithubReplay, requestKey, startGithubReplay } from './githubReplay.js';
import { type GithubBackfillOptions, runGithubBackfill } from './runGithubBackfill.js';

let replay: GithubReplay;
beforeEach(async () => {
  replay = await startGithubReplay();
});
afterEach(async () => {
  await replay.close();
});

const get = (target: string) => requestKey('GET', target);
const pulls = 'state=closed&base=main&sort=updated&direction=desc&per_page=2';
const commits = 'sha=main&since=2026-03-01T00:00:00Z&per_page=2';
const expectedRequests = {
  repository: [get('/repos/acme/search')],
  pulls: [
    get(`/repos/acme/search/pulls?${pulls}`),
    get('/repos/acme/search/pulls/12/commits?per_page=100'),
    get(`/repositories/612345678/pulls?${pulls}&page=2`),
    get('/repos/acme/search/pulls/11/commits?per_page=100'),
    get('/repos/acme/search/pulls/10/commits?per_page=100'),
    get(`/repositories/612345678/pulls?${pulls}&page=3`),
  ],
  commits: [
    get(`/repos/acme/search/commits?${commits}`),
    get(`/repositories/612345678/commits?${commits}&page=2`),
    get(`/repositories/612345678/commits?${commits}&page=3`),
  ],
  deployments: [
    get('/repos/acme/search/deployments?per_page=2'),
    get('/repos/acme/search/deployments/9004/statuses?per_page=100'),
    get('/repos/acme/search/deployments/9003/statuses?per_page=100'),
    get('/repositories/612345678/deployments?per_page=2&page=2'),
    get('/repos/acme/search/deployments/9002/statuses?per_page=100'),
    get('/repos/acme/search/deployments/9001/statuses?per_page=100'),
    get('/repositories/612345678/deployments?per_page=2&page=3'),
  ],
};
const allEvents = [...pullRequestChanges, ...commitChanges, ...deploymentEvents];

const noWait = async () => {
  throw new Error('the run waited without a rate limit');
};
const run = (target: GithubBackfillOptions['target'], options: Partial<GithubBackfillOptions> = {}) =>
  runGithubBackfill({
    octokit: replayClient(replay.baseUrl),
    repo: 'acme/search',
    since,
    organisation,
    target,
    perPage: 2,
    now: () => now,
    wait: noWait,
    ...options,
  });

describe('runGithubBackfill', () => {
  it('reads merged pull requests, default-branch commits and deployments into canonical events', async () => {
    const memory = memoryTarget();
    const summary = await run(memory.target);

    expect(memory.events()).toEqual(allEvents);
    expect(parseEvents(memory.events())).toMatchObject({ ok: true });
    expect(memory.pages.map((page) => [page.kind, page.eventType, page.events.length])).toEqual([
      ['pulls', 'backfill.pulls', 1],
      ['pulls', 'backfill.pulls', 2],
      ['commits', 'backfill.commits', 2],
      ['commits', 'backfill.commits', 2],
      ['commits', 'backfill.commits', 1],
      ['deployments', 'backfill.deployments', 2],
      ['deployments', 'backfill.deployments', 2],
    ]);
    for (const page of memory.pages) {
      expect(page.deliveryId).toMatch(new RegExp(`^backfill:acme/search:${page.kind}:[0-9a-f]{24}$`));
    }
    expect(summary).toEqual({
      repo: 'acme/search',
      since: '2026-03-01T00:00:00.000Z',
      changes: 5,
      pullRequests: 3,
      deployments: 4,
      pages: 9,
      duplicatePages: 0,
      requests: 17,
      skipped: [],
      durationMs: 0,
    });
    expect(memory.cursors.size).toBe(0);
  });

  it('follows Link rel="next" page by page and stops once a list reaches back past the window', async () => {
    const progress = vi.fn();
    await run(memoryTarget().target, { onProgress: progress });
    expect(replay.requests).toEqual([
      ...expectedRequests.repository,
      ...expectedRequests.pulls,
      ...expectedRequests.commits,
      ...expectedRequests.deployments,
    ]);
    expect(progress.mock.calls.map(([p]) => [p.kind, p.pages, p.lastPage, p.events, p.done])).toEqual([
      ['pulls', 1, undefined, 1, false],
      ['pulls', 2, undefined, 3, false],
      ['pulls', 3, 3, 3, true],
      ['commits', 1, 3, 2, false],
      ['commits', 2, 3, 4, false],
      ['commits', 3, 3, 5, true],
      ['deployments', 1, undefined, 2, false],
      ['deployments', 2, undefined, 4, false],
      ['deployments', 3, 3, 4, true],
    ]);
  });

  it('waits out a used-up rate limit until its reset, says so, then carries on', async () => {
    const reset = Date.parse('2026-03-10T12:15:00Z') / 1000;
    replay.answerOnce(get(`/repositories/612345678/commits?${commits}&page=2`), {
      status: 403,
      headers: {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(reset),
        'x-ratelimit-used': '5000',
        'x-ratelimit-resource': 'core',
      },
      body: {
        message: 'API rate limit exceeded for user ID 5100001.',
        documentation_url:
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-rate-limit',
        status: '403',
      },
    });
    const wait = vi.fn(async (_ms: number) => {});
    const onPause = vi.fn();
    const memory = memoryTarget();
    const summary = await run(memory.target, { wait, onPause });

    expect(wait.mock.calls).toEqual([[15 * 60_000 + 1_000]]);
    expect(onPause).toHaveBeenCalledWith({
      until: Date.parse('2026-03-10T12:15:01Z'),
      reason: "GitHub's rate limit (core) is used up",
      path: `/repositories/612345678/commits?${commits.replace('00:00:00Z', '00%3A00%3A00Z')}&page=2`,
    });
    expect(memory.events()).toEqual(allEvents);
    expect(summary.requests).toBe(18);
    const pageTwo = get(`/repositories/612345678/commits?${commits}&page=2`);
    expect(replay.requests.filter((request) => request === pageTwo)).toHaveLength(2);
  });

  it('fails clearly when GitHub fails mid-way, and the next run resumes from the saved cursor', async () => {
    const pageTwo = get(`/repositories/612345678/commits?${commits}&page=2`);
    replay.answerOnce(pageTwo, { status: 502, body: { message: 'Server Error' } });
    const memory = memoryTarget();
    await expect(run(memory.target)).rejects.toThrow(
      /^the backfill of acme\/search stopped reading commits \(page 2\): GitHub answered 502 for GET \/repositories\/612345678\/commits\?.*page=2: Server Error\nEvery page read before is stored .* run the same command again to resume\.$/s,
    );
    expect(memory.events()).toEqual([...pullRequestChanges, ...commitChanges.slice(0, 2)]);
    expect(memory.cursors.get('acme/search:pulls')).toMatchObject({ done: true, next: null, pages: 3 });
    expect(memory.cursors.get('acme/search:commits')).toEqual({
      since: '2026-03-01T00:00:00.000Z',
      startedAt: '2026-03-10T12:00:00.000Z',
      next: expect.stringMatching(/^\/repositories\/612345678\/commits\?.*&page=2$/),
      pages: 1,
      done: false,
    });

    replay.requests.length = 0;
    const later = Date.parse('2026-03-10T13:00:00Z');
    const summary = await run(memory.target, { now: () => later, since: Date.parse('2026-03-07T13:00:00Z') });
    expect(replay.requests).toEqual([
      ...expectedRequests.repository,
      ...expectedRequests.commits.slice(1),
      ...expectedRequests.deployments,
    ]);
    expect(summary).toMatchObject({
      since: '2026-03-01T00:00:00.000Z',
      resumed: '2026-03-10T12:00:00.000Z',
      changes: 3,
      pullRequests: 0,
      deployments: 4,
      pages: 5,
    });
    expect(memory.events()).toEqual(allEvents);
    expect(memory.cursors.size).toBe(0);
  });

  it('starts over when asked to, ignoring an interrupted run', async () => {
    const memory = memoryTarget();
    memory.cursors.set('acme/search:pulls', {
      since: '2026-02-01T00:00:00.000Z',
      startedAt: '2026-03-09T00:00:00.000Z',
      next: '/repositories/612345678/pulls?page=9',
      pages: 8,
      done: false,
    });
    const summary = await run(memory.target, { restart: true });
    expect(summary.resumed).toBeUndefined();
    expect(replay.requests.slice(0, 2)).toEqual([...expectedRequests.repository, expectedRequests.pulls[0]]);
    expect(memory.events()).toEqual(allEvents);
  });

  it('stores nothing new the second time: every page is a duplicate delivery', async () => {
    const memory = memoryTarget();
    await run(memory.target);
    const second = await run(memory.target);
    expect(second).toMatchObject({
      changes: 0,
      pullRequests: 0,
      deployments: 0,
      pages: 9,
      duplicatePages: 7,
    });
    expect(memory.pages).toHaveLength(7);
  });

  it("fetches each commit's files only for a monorepo, and skips deployments it cannot map", async () => {
    const monorepo = testOrganisation([
      { name: 'api', repo: 'acme/search', path: 'services/api' },
      { name: 'indexer', repo: 'acme/search', path: 'services/indexer' },
    ]);
    const memory = memoryTarget();
    const summary = await run(memory.target, { organisation: monorepo });
    const files = Object.fromEntries(
      memory.pages
        .filter((page) => page.kind === 'commits')
        .flatMap((page) => page.events)
        .map((event) => [
          event.type === 'change' ? event.sha : '',
          event.type === 'change' ? event.files : [],
        ]),
    );
    expect(files).toEqual({
      [shas.c5]: ['services/api/src/ranking.ts', 'services/api/test/ranking.test.ts'],
      [shas.c4]: ['docs/README.md', 'README.md'],
      [shas.c3]: ['services/api/src/ranking.ts', 'services/api/test/ranking.test.ts'],
      [shas.c2]: ['services/indexer/src/rebuild.ts', 'services/indexer/src/tokenizer.ts'],
      [shas.c1]: ['package.json', 'package-lock.json'],
    });
    expect(replay.requests.filter((request) => /\/commits\/[0-9a-f]{40}$/.test(request))).toHaveLength(5);
    expect(summary.deployments).toBe(0);
    expect(summary.skipped).toHaveLength(4);
    expect(summary.skipped[0]).toMatch(
      /^deployment 9004: repository acme\/search holds several services \(api, indexer\)/,
    );
  });

  it('refuses a repository the organisation does not map, before asking GitHub', async () => {
    const other = testOrganisation([{ name: 'web', repo: 'acme/web' }]);
    await expect(run(memoryTarget().target, { organisation: other })).rejects.toThrow(
      'repository acme/search is not mapped to a service in the organisation file',
    );
    await expect(run(memoryTarget().target, { repo: 'acme' })).rejects.toThrow(
      '--repo acme: give it as owner/name',
    );
    expect(replay.requests).toEqual([]);
  });
});
