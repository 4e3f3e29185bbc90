import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/testApp.js';
import { countEvents } from '../../store/events.js';
import { createToken } from '../../store/tokens.js';

const token = 'ci-ingest-token';
const hour = 3_600_000;
const at = (iso: string, plusHours = 0) => new Date(Date.parse(iso) + plusHours * hour).toISOString();

/** A small, fully known history of vehicle-search (repo acme/search) in production. */
function history() {
  const base = '2026-02-02T09:00:00Z';
  return [
    {
      type: 'change',
      repo: 'acme/search',
      sha: 'c0',
      committedAt: at(base, -48),
      parents: [],
      pushedAt: at(base, -48),
    },
    {
      type: 'deployment',
      id: 'd0',
      source: 'ci',
      service: 'vehicle-search',
      environment: 'production',
      sha: 'c0',
      status: 'success',
      finishedAt: at(base, -47),
    },
    {
      type: 'change',
      repo: 'acme/search',
      sha: 'c1',
      committedAt: at(base, 0),
      parents: ['c0'],
      pushedAt: at(base, 1),
    },
    {
      type: 'change',
      repo: 'acme/search',
      sha: 'c2',
      committedAt: at(base, 2),
      parents: ['c1'],
      pushedAt: at(base, 3),
    },
    {
      type: 'deployment',
      id: 'd1',
      source: 'ci',
      service: 'vehicle-search',
      environment: 'production',
      sha: 'c2',
      status: 'in_progress',
      startedAt: at(base, 3),
    },
    {
      type: 'deployment',
      id: 'd1',
      source: 'ci',
      service: 'vehicle-search',
      environment: 'production',
      sha: 'c2',
      status: 'success',
      finishedAt: at(base, 4),
    },
    {
      type: 'incident',
      id: 'PD-1',
      source: 'pagerduty',
      services: ['vehicle-search'],
      openedAt: at(base, 5),
      acknowledgedAt: at(base, 5.25),
    },
    {
      type: 'incident',
      id: 'PD-1',
      source: 'pagerduty',
      services: ['vehicle-search'],
      openedAt: at(base, 5),
      resolvedAt: at(base, 6),
    },
  ];
}

describe('POST /api/events', () => {
  let t: TestApp;
  let readToken: string;
  beforeAll(async () => {
    t = await createTestApp({
      env: { HOST: '0.0.0.0', CHECKPOINT_INGEST_TOKEN: token },
      now: '2026-03-01T00:00:00Z',
    });
    readToken = (
      await createToken(t.db.kysely, {
        name: 'dashboards',
        scope: 'read',
        now: new Date('2026-03-01T00:00:00Z'),
      })
    ).token;
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    for (const table of ['changes', 'deployments', 'incidents', 'deliveries'] as const)
      await t.db.kysely.deleteFrom(table).execute();
  });

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/events',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const metrics = async () => {
    const response = await t.app.inject({
      url: '/api/metrics?groupBy=service&from=2026-02-01&to=2026-03-01',
      headers: { authorization: `Bearer ${readToken}` },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(
      body.groups.find((g: { key: string }) => g.key === 'vehicle-search').deploymentFrequency.count,
    ).toBe(1);
    return body;
  };
  const search = async () => {
    const response = await t.app.inject({
      url: '/api/metrics?groupBy=service&from=2026-02-01&to=2026-03-01',
      headers: { authorization: 'Bearer admin' },
    });
    return response;
  };

  it('stores a batch and measures it exactly as the contract says', async () => {
    const response = await post({ events: history() });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ stored: 8, duplicate: false });
    const body = await metrics();
    const group = body.groups.find((g: { key: string }) => g.key === 'vehicle-search');
    // d0 finished 2026-01-31 (before the window, and the first deployment: it carries nothing).
    // d1 finished 2026-02-02T13:00Z and carries c1 and c2 (ancestors of c2 not deployed by d0):
    //   c1 lead time 13:00 − 09:00 = 4 h = 14400 s, c2 13:00 − 11:00 = 2 h = 7200 s → median 10800, mean 10800.
    // PD-1 opened 14:00, 1 h after d1, no causedBy → attributed to d1 (rule 2): 1 failed of 1.
    // Recovery: resolved 15:00 → 7200 s after d1 finished; restore 3600 s; acknowledge 900 s.
    expect(group).toMatchObject({
      squad: 'search',
      tribe: 'ecommerce',
      deploymentFrequency: { count: 1 },
      leadTime: {
        count: 2,
        median: 10800,
        mean: 10800,
        p90: 14400,
        band: { value: 5, label: 'Less than one day' },
      },
      changeFailureRate: { failed: 1, total: 1, rate: 1, band: { value: 1, label: '76–100%' } },
      failedDeploymentRecoveryTime: { count: 1, median: 7200 },
      timeToRestore: { count: 1, median: 3600, acknowledge: { count: 1, median: 900 } },
      reworkRate: { rework: 0, total: 1, rate: 0 },
    });
  });

  it('gives identical metrics when the same batch arrives twice, and for any order of arrival', async () => {
    await post({ events: history() });
    const once = await metrics();
    expect((await post({ events: history() })).json()).toEqual({ stored: 0, duplicate: true });
    await post({ events: history() }, { 'idempotency-key': 'a-retry-with-its-own-key' });
    expect(await metrics()).toEqual(once);
    for (const table of ['changes', 'deployments', 'incidents', 'deliveries'] as const)
      await t.db.kysely.deleteFrom(table).execute();
    const reversed = history().reverse();
    for (const event of reversed) expect((await post(event)).statusCode).toBe(200);
    expect(await metrics()).toEqual(once);
  });

  it('rejects a whole batch with any invalid event, listing index, field and message, storing nothing', async () => {
    const events = history();
    events[2] = { ...events[2], committedAt: 'yesterday' } as (typeof events)[number];
    events[5] = { ...events[5], finishedAt: undefined } as unknown as (typeof events)[number];
    const response = await post({ events });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: 'invalid events',
      problems: [
        { index: 2, field: 'committedAt', message: 'must be an ISO 8601 date-time with an offset' },
        { index: 5, field: 'finishedAt', message: 'is required when status is success' },
      ],
    });
    expect(await countEvents(t.db.kysely)).toMatchObject({ changes: 0, deployments: 0, incidents: 0 });
  });

  it.each([
    ['not JSON', '{"events": [', 400, /JSON/],
    ['an unknown type', { type: 'release' }, 400, /type must be one of change, deployment, incident/],
    ['events that is not a list', { events: 'all of them' }, 400, /events/],
    ['an empty batch', { events: [] }, 400, /empty/],
  ])('refuses %s with a message naming the problem', async (_name, payload, status, message) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(status);
    expect(JSON.stringify(response.json())).toMatch(message);
  });

  it('takes NDJSON', async () => {
    const ndjson = history()
      .map((e) => JSON.stringify(e))
      .join('\n');
    const response = await post(ndjson, { 'content-type': 'application/x-ndjson' });
    expect(response.json()).toEqual({ stored: 8, duplicate: false });
    const broken = await post(`${ndjson}\n{oops`, { 'content-type': 'application/x-ndjson' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toMatch(/line 9 is not valid JSON/);
  });

  it('takes 10,000 events in one batch and refuses 10,001', async () => {
    const changes = Array.from({ length: 10_000 }, (_, i) => ({
      type: 'change',
      repo: 'acme/bulk',
      sha: `s${i}`,
      committedAt: '2026-02-10T10:00:00Z',
    }));
    const response = await post({ events: changes });
    expect(response.statusCode, response.body).toBe(200);
    expect((await countEvents(t.db.kysely)).changes).toBe(10_000);
    const tooMany = await post({ events: [...changes, { ...changes[0], sha: 'one-more' }] });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().problems[0].message).toBe('a batch holds at most 10000 events (got 10001)');
  }, 60_000);

  it('needs an ingest or admin token', async () => {
    expect((await post(history(), { authorization: '' })).statusCode).toBe(401);
    expect((await post(history(), { authorization: 'Bearer wrong' })).statusCode).toBe(401);
    expect((await search()).statusCode).toBe(401);
  });
});
