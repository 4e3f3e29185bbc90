import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/support/databases.js';
import { parseEvents } from '../contract/events.js';
import type { CanonicalEvent } from '../core/events.js';
import { countEvents, ingestEvents, loadEventSet, mergeBatch } from './events.js';
import type { Db } from './openDb.js';

const events = (inputs: unknown[]): CanonicalEvent[] => {
  const parsed = parseEvents(inputs);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.events;
};
let deliveries = 0;
const delivery = (deliveryId = `d${++deliveries}`) => ({
  source: 'api',
  deliveryId,
  eventType: 'events',
  receivedAt: new Date('2026-03-01T00:00:00Z'),
  payload: { note: 'raw' },
});

const inProgress = {
  type: 'deployment',
  id: 'gh-1',
  source: 'github',
  service: 'vehicle-search',
  environment: 'production',
  sha: 'aaa',
  status: 'in_progress',
  startedAt: '2026-03-01T10:00:00Z',
};
const success = {
  ...inProgress,
  status: 'success',
  startedAt: undefined,
  finishedAt: '2026-03-01T10:20:00Z',
  labels: ['hotfix'],
};
const triggered = {
  type: 'incident',
  id: 'PD-1',
  source: 'pagerduty',
  services: ['vehicle-search'],
  openedAt: '2026-03-01T11:00:00Z',
};
const resolved = {
  ...triggered,
  acknowledgedAt: '2026-03-01T11:05:00Z',
  resolvedAt: '2026-03-01T12:00:00Z',
  changeRelated: false,
};
const change = {
  type: 'change',
  repo: 'acme/search',
  sha: 'aaa',
  committedAt: '2026-03-01T09:00:00+01:00',
  parents: ['999'],
  pushedAt: '2026-03-01T08:30:00Z',
  pr: { number: 7, openedAt: '2026-02-28T16:00:00Z', firstCommitAt: '2026-02-28T15:00:00Z' },
  labels: ['feature'],
};

describe.each(backends)('event store on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  const stored = async () => loadEventSet(db.kysely);
  const reset = async () => {
    await db.kysely.deleteFrom('changes').execute();
    await db.kysely.deleteFrom('deployments').execute();
    await db.kysely.deleteFrom('incidents').execute();
  };

  it('stores each kind of event with every field, times as UTC instants', async () => {
    await reset();
    await ingestEvents(db.kysely, delivery(), events([change, success, resolved]));
    const set = await stored();
    expect(set.changes).toEqual([
      {
        repo: 'acme/search',
        sha: 'aaa',
        committedAt: Date.parse('2026-03-01T08:00:00Z'),
        parents: ['999'],
        pushedAt: Date.parse('2026-03-01T08:30:00Z'),
        pr: {
          number: 7,
          openedAt: Date.parse('2026-02-28T16:00:00Z'),
          firstCommitAt: Date.parse('2026-02-28T15:00:00Z'),
        },
        labels: ['feature'],
        reverts: [],
        arrival: expect.any(Number),
      },
    ]);
    expect(set.deployments[0]).toMatchObject({
      status: 'success',
      finishedAt: Date.parse('2026-03-01T10:20:00Z'),
      labels: ['hotfix'],
    });
    expect(set.incidents[0]).toMatchObject({
      resolvedAt: Date.parse('2026-03-01T12:00:00Z'),
      changeRelated: false,
    });
  });

  it('merges by identity: a success overtaking its in-progress event stays a success and keeps both times', async () => {
    await reset();
    await ingestEvents(db.kysely, delivery(), events([success]));
    await ingestEvents(db.kysely, delivery(), events([inProgress]));
    const [deployment] = (await stored()).deployments;
    expect(deployment).toMatchObject({
      status: 'success',
      startedAt: Date.parse('2026-03-01T10:00:00Z'),
      finishedAt: Date.parse('2026-03-01T10:20:00Z'),
      labels: ['hotfix'],
    });
  });

  it('gives the same stored state whatever the order of arrival', async () => {
    const orders = [
      [
        [inProgress, triggered],
        [success, resolved],
      ],
      [
        [resolved, success],
        [triggered, inProgress],
      ],
      [[success, inProgress, resolved, triggered]],
    ];
    const results = [];
    for (const order of orders) {
      await reset();
      for (const batch of order) await ingestEvents(db.kysely, delivery(), events(batch));
      const set = await stored();
      results.push({
        deployments: set.deployments.map(({ arrival: _, ...d }) => d),
        incidents: set.incidents,
      });
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it('applies the same merge in one batch as across batches (the core reference)', async () => {
    await reset();
    const batch = events([inProgress, change, success, triggered, resolved]);
    await ingestEvents(db.kysely, delivery(), batch);
    const reference = mergeBatch(batch);
    const set = await stored();
    const withoutArrival = <T extends { arrival?: number }>(items: T[]) =>
      items.map(({ arrival: _, ...rest }) => rest);
    expect(withoutArrival(set.deployments)).toEqual(withoutArrival(reference.deployments));
    expect(set.incidents).toEqual(reference.incidents);
    expect(withoutArrival(set.changes)).toEqual(withoutArrival(reference.changes));
  });

  it('changes nothing when the same event arrives twice, and refuses a delivery id already accepted', async () => {
    await reset();
    await ingestEvents(db.kysely, delivery(), events([change, success]));
    const before = await stored();
    await ingestEvents(db.kysely, delivery(), events([change, success]));
    expect(await stored()).toEqual(before);
    const first = await ingestEvents(db.kysely, delivery('same'), events([resolved]));
    const again = await ingestEvents(db.kysely, delivery('same'), events([{ ...resolved, id: 'PD-2' }]));
    expect(first).toEqual({ status: 'accepted', stored: 1 });
    expect(again).toEqual({ status: 'duplicate' });
    expect((await stored()).incidents.map((i) => i.id)).toEqual(['PD-1']);
    const outcomes = await db.kysely
      .selectFrom('deliveries')
      .select(['outcome', 'payload'])
      .where('delivery_id', '=', 'same')
      .execute();
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['accepted', 'duplicate']);
    expect(outcomes.find((o) => o.outcome === 'accepted')?.payload).toEqual({ note: 'raw' });
  });

  it('keeps push order: arrival follows the order of the batch', async () => {
    await reset();
    const shas = Array.from({ length: 50 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    await ingestEvents(
      db.kysely,
      delivery(),
      events(
        shas.map((sha) => ({ type: 'change', repo: 'acme/x', sha, committedAt: '2026-03-01T00:00:00Z' })),
      ),
    );
    const set = await stored();
    expect([...set.changes].sort((a, b) => a.arrival - b.arrival).map((c) => c.sha)).toEqual(shas);
  });

  it('reads the same events whatever the number of table pages read per statement', async () => {
    await reset();
    const quoted = { ...change, sha: 'q"\\\u00e9\tz', labels: ['a"b', 'ünï\\code'], files: ['dir/a "b".ts'] };
    // enough rows to fill several pages of each table
    const many = Array.from({ length: 300 }, (_, i) => [
      { ...change, sha: `c${i}`, files: [`services/${'x'.repeat(100)}/${i}.ts`] },
      { ...success, id: `gh-${i}`, sha: `c${i}`, commits: [`c${i}`] },
      { ...resolved, id: `PD-${i}` },
    ]).flat();
    await ingestEvents(db.kysely, delivery(), events([quoted, ...many]));
    await ingestEvents(db.kysely, delivery(), events([{ ...change, sha: 'c7' }, inProgress, triggered]));
    const whole = await stored();
    expect(whole.changes).toHaveLength(301);
    expect(whole.changes.find((c) => c.sha === quoted.sha)).toMatchObject({
      labels: quoted.labels,
      files: quoted.files,
    });
    const pages = await db.kysely
      .selectFrom('changes')
      .select((eb) => eb.fn.countAll().as('rows'))
      .select(sql<string>`count(distinct (ctid::text::point)[0])`.as('pages'))
      .executeTakeFirstOrThrow();
    expect(Number(pages.pages)).toBeGreaterThan(3);
    const byArrival = <T extends { arrival?: number; openedAt?: number; id?: string }>(items: T[]) =>
      [...items].sort(
        (a, b) =>
          (a.arrival ?? a.openedAt ?? 0) - (b.arrival ?? b.openedAt ?? 0) ||
          String(a.id).localeCompare(String(b.id)),
      );
    for (const pagesPerRead of [1, 2, 3]) {
      const inRanges = await loadEventSet(db.kysely, { pagesPerRead });
      expect(byArrival(inRanges.changes)).toEqual(byArrival(whole.changes));
      expect(byArrival(inRanges.deployments)).toEqual(byArrival(whole.deployments));
      expect(byArrival(inRanges.incidents)).toEqual(byArrival(whole.incidents));
    }
  });

  it('rolls back the whole delivery when any statement fails', async () => {
    await reset();
    const bad = events([change])[0] as CanonicalEvent & { type: 'change' };
    const poisoned = { ...bad, sha: 'bbb', committedAt: Number.NaN };
    await expect(
      ingestEvents(db.kysely, delivery('poison'), [...events([success]), poisoned]),
    ).rejects.toThrow();
    expect(await countEvents(db.kysely)).toMatchObject({ changes: 0, deployments: 0, incidents: 0 });
    const rows = await db.kysely
      .selectFrom('deliveries')
      .selectAll()
      .where('delivery_id', '=', 'poison')
      .execute();
    expect(rows).toEqual([]);
  });
});
