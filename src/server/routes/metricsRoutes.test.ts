import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/testApp.js';
import type { Organisation } from '../../core/org/organisation.js';

const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const start = Date.parse('2026-01-05T10:00:00Z'); // a Monday

const organisation: Organisation = {
  name: 'Acme',
  timezone: 'UTC',
  environments: { production: ['production', 'production-*'] },
  attributionWindowHours: 24,
  tribes: [
    {
      name: 'ecommerce',
      squads: [
        { name: 'search', services: [{ name: 'vehicle-search', repo: 'acme/search' }] },
        { name: 'product', services: [{ name: 'listings', repo: 'acme/listings' }] },
      ],
    },
  ],
};

/** A deployment of `service` every `every` days from `from` for `count` times, each carrying one change. */
function history(
  service: string,
  repo: string,
  from: number,
  count: number,
  every: number,
  leadHours: number,
) {
  const events: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const finishedAt = from + i * every * day;
    const sha = `${service}-${i}`;
    events.push({
      type: 'change',
      repo,
      sha,
      committedAt: iso(finishedAt - leadHours * 3_600_000),
      parents: i === 0 ? [] : [`${service}-${i - 1}`],
    });
    events.push({
      type: 'deployment',
      id: `${service}-d${i}`,
      source: 'ci',
      service,
      environment: 'production',
      sha,
      status: 'success',
      finishedAt: iso(finishedAt),
    });
  }
  return events;
}

describe('the leaderboard and drill-downs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ organisation, now: '2026-03-02T00:00:00Z' });
    // vehicle-search: daily in both periods, lead time 2 h before, 1 h in the window.
    // listings: weekly before the window (lead time 48 h), daily inside it (lead time 20 h).
    const events = [
      ...history('vehicle-search', 'acme/search', start, 28, 1, 2),
      ...history('vehicle-search', 'acme/search', start + 28 * day, 28, 1, 1).map((e) =>
        JSON.parse(JSON.stringify(e).replaceAll('vehicle-search-', 'vehicle-search-late-')),
      ),
      ...history('listings', 'acme/listings', start, 4, 7, 48),
      ...history('listings', 'acme/listings', start + 28 * day, 28, 1, 20).map((e) =>
        JSON.parse(JSON.stringify(e).replaceAll('listings-', 'listings-late-')),
      ),
    ];
    const response = await t.app.inject({ method: 'POST', url: '/api/events', payload: { events } });
    expect(response.statusCode, response.body).toBe(200);
  });
  afterAll(() => t?.close());

  const window = `from=${iso(start + 28 * day)}&to=${iso(start + 56 * day)}`;

  it('ranks rows by a figure, rows without data last, and compares each with its own previous period', async () => {
    const response = await t.app.inject(`/api/leaderboard?groupBy=service&sort=leadTimeMedian&${window}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.previous).toEqual({ from: iso(start), to: iso(start + 28 * day) });
    expect(body.order).toBe('asc');
    expect(body.rows.map((r: { key: string }) => r.key)).toEqual(['vehicle-search', 'listings']);
    const [search, listings] = body.rows;
    expect(search).toMatchObject({
      squad: 'search',
      tribe: 'ecommerce',
      service: 'vehicle-search',
      environment: 'production',
    });
    // The first deployment of each service carries nothing (no listed commits): 27 changes before, 28 now
    // (the late chain's first change has no parent in the history, so the ancestry walk takes it).
    expect(search.leadTime.median).toBe(3600);
    expect(listings.leadTime.median).toBe(72_000);
    expect(listings.previous.deploymentFrequency.count).toBe(4);
    expect(listings.deploymentFrequency.count).toBe(28);
    // listings went from weekly (band 4) to daily (band 5 or more): an improvement of at least one band.
    expect(listings.improvement.bands.deploymentFrequency).toBeGreaterThanOrEqual(1);
    const improved = (
      await t.app.inject(`/api/leaderboard?groupBy=service&sort=improvement&${window}`)
    ).json();
    expect(improved.rows[0].key).toBe('listings');
  });

  it('filters by tribe and squad, and groups by squad as the union of its services', async () => {
    const bySquad = (await t.app.inject(`/api/leaderboard?groupBy=squad&squad=product&${window}`)).json();
    expect(bySquad.rows.map((r: { key: string }) => r.key)).toEqual(['product']);
    const byTribe = (await t.app.inject(`/api/metrics?groupBy=tribe&${window}`)).json();
    expect(byTribe.groups[0].deploymentFrequency.count).toBe(56);
  });

  it('drills down to the deployments and changes behind a figure', async () => {
    const deployments = (await t.app.inject(`/api/deployments?service=listings&${window}`)).json();
    expect(deployments.total).toBe(28);
    expect(deployments.deployments[0]).toMatchObject({ service: 'listings', failed: false, rework: false });
    const changes = (await t.app.inject(`/api/changes?squad=product&${window}&limit=5`)).json();
    expect(changes.total).toBe(28);
    expect(changes.changes).toHaveLength(5);
    expect(changes.changes[0]).toMatchObject({ repo: 'acme/listings', leadTimeSeconds: 72_000 });
    const nobody = (await t.app.inject(`/api/deployments?squad=nobody&${window}`)).json();
    expect(nobody.total).toBe(0);
  });

  it('measures one environment on its own when asked', async () => {
    const response = (
      await t.app.inject(`/api/metrics?groupBy=service&environment=staging&${window}`)
    ).json();
    expect(response.environment).toBe('staging');
    expect(
      response.groups.every(
        (g: { deploymentFrequency: { count: number } }) => g.deploymentFrequency.count === 0,
      ),
    ).toBe(true);
    expect(response.groups[0].missing[0]).toMatchObject({
      metric: 'deploymentFrequency',
      reason: 'no-deployments',
    });
  });

  it.each([
    ['groupBy=team', /groupBy: must be one of service, squad, tribe, organisation/],
    ['from=yesterday', /from: must be an ISO 8601 date-time with an offset/],
    ['from=2026-03-01&to=2026-02-01', /from: must be before to/],
    ['sort=luck', /sort: must be one of/],
  ])('refuses %s naming the parameter', async (query, message) => {
    const url = query.startsWith('sort') ? `/api/leaderboard?${query}` : `/api/metrics?${query}`;
    const response = await t.app.inject(url);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(message);
  });
});
