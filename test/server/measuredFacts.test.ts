import { setTimeout } from 'node:timers/promises';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEvents } from '../../src/contract/events.js';
import type { Change, Deployment, EventSet, Incident } from '../../src/core/events.js';
import { analyseDelivery } from '../../src/core/metrics/analyseDelivery.js';
import { eventSets, T } from '../../src/core/metrics/generatedHistories.js';
import { encodeHistory } from '../../src/core/metrics/historyCodec.js';
import { listChanges } from '../../src/core/metrics/listChanges.js';
import { listDeployments } from '../../src/core/metrics/listDeployments.js';
import { listIncidents } from '../../src/core/metrics/listIncidents.js';
import type { Organisation } from '../../src/core/org/organisation.js';
import { Measurements } from '../../src/server/measurement/measurements.js';
import { ingestEvents } from '../../src/store/events.js';
import { keepHistory } from '../../src/store/keptHistory.js';
import { createToken } from '../../src/store/tokens.js';
import { backends } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/testApp.js';

// The services of the generated histories: a, b (a monorepo path) and c declared, d not.
const organisation: Organisation = {
  name: 'Generated',
  timezone: 'Europe/Amsterdam',
  environments: { production: ['production', 'prod-*'] },
  attributionWindowHours: 24,
  tribes: [
    {
      name: 'one',
      squads: [
        {
          name: 'ab',
          services: [
            { name: 'a', repo: 'r/a' },
            { name: 'b', repo: 'r/b', path: 'src' },
          ],
        },
        { name: 'c', services: [{ name: 'c', repo: 'r/c' }] },
      ],
    },
  ],
};

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const wire = {
  change: (c: Change) => ({
    type: 'change',
    repo: c.repo,
    sha: c.sha,
    committedAt: iso(c.committedAt),
    parents: c.parents,
    pushedAt: iso(c.pushedAt),
    pr: c.pr?.firstCommitAt === undefined ? undefined : { firstCommitAt: iso(c.pr.firstCommitAt) },
    labels: c.labels,
    reverts: c.reverts,
    files: c.files,
  }),
  deployment: (d: Deployment) => ({
    type: 'deployment',
    id: d.id,
    source: d.source,
    service: d.service,
    environment: d.environment,
    sha: d.sha,
    status: d.status,
    finishedAt: iso(d.finishedAt),
    commits: d.commits,
    rollback: d.rollback,
    labels: d.labels,
  }),
  incident: (i: Incident) => ({
    type: 'incident',
    id: i.id,
    source: i.source,
    services: i.services,
    openedAt: iso(i.openedAt),
    acknowledgedAt: iso(i.acknowledgedAt),
    resolvedAt: iso(i.resolvedAt),
    causedBy: i.causedBy,
    changeRelated: i.changeRelated,
  }),
};

const day = 86_400_000;
const windows = [
  { from: T - day, to: T + 10 * day },
  { from: T + 2 * day, to: T + 5 * day },
];

/** Every figure of every grouping and window, from the kept facts and from every stored event. */
async function bothWays(measurements: Measurements) {
  const fromFacts = await measurements.snapshot();
  const fromEvents = await measurements.detailed();
  const figures = (snapshot: typeof fromFacts) =>
    (['service', 'squad', 'tribe', 'organisation'] as const).flatMap((grouping) =>
      snapshot
        .groups(grouping)
        .flatMap((group) =>
          windows.map((window) => ({ grouping, key: group.key, ...snapshot.summarise(group, window) })),
        ),
    );
  return { facts: figures(fromFacts), events: figures(fromEvents) };
}

const samples: EventSet[] = fc.sample(eventSets, { numRuns: 12, seed: 20261126 });
let stamps = 0;

/** Each kept service with when its facts were derived (ms). */
async function keptServices(app: TestApp): Promise<Map<string, number>> {
  const rows = await app.db.kysely.selectFrom('service_facts').select(['service', 'built_at']).execute();
  return new Map(rows.map((r) => [r.service, new Date(r.built_at).getTime()]));
}

describe('production figures from the kept facts', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const post = async (app: TestApp, events: unknown[]) => {
    const response = await app.app.inject({
      method: 'POST',
      url: '/api/events',
      headers: { authorization: `Bearer ${token}` },
      payload: { events },
    });
    if (events.length === 0) return;
    expect(response.statusCode, response.body).toBe(200);
  };
  let token = '';

  it('equal those analysed from every stored event, after arrival in any order and every update', async () => {
    t = await createTestApp({ organisation, now: new Date(T + 12 * day).toISOString() });
    token = await ingestToken(t);
    const measurements = new Measurements(t.context);
    for (const events of samples) {
      // each history on an empty store (deleting marks what it touched, like any write)
      for (const table of ['incidents', 'deployments', 'changes'] as const)
        await t.db.kysely.deleteFrom(table).execute();
      await measurements.facts.refresh();
      // deployments before their changes, incidents first: arrival order must not matter
      const app = t;
      await post(app, events.incidents.map(wire.incident));
      await post(app, events.deployments.map(wire.deployment));
      await post(app, events.changes.map(wire.change));
      const first = await bothWays(measurements);
      expect(first.facts).toEqual(first.events);

      // updates: a deployment moves to another service, a change becomes a hotfix, an incident resolves
      const moved = events.deployments[0];
      const relabelled = events.changes.find((c) => c.repo === 'r/b');
      const updates = [
        ...(moved ? [wire.deployment({ ...moved, service: moved.service === 'c' ? 'a' : 'c' })] : []),
        ...(relabelled ? [wire.change({ ...relabelled, labels: ['hotfix'] })] : []),
        ...events.incidents
          .slice(0, 1)
          .map((i) => wire.incident({ ...i, resolvedAt: i.openedAt + 3_600_000 })),
      ];
      // whichever keeper rebuilds (this one, or the app's once ingestion is quiet) stamps the facts now
      const before = await keptServices(app);
      app.setNow(new Date(T + 12 * day + ++stamps * 60_000).toISOString());
      await post(app, updates);
      await measurements.facts.refresh();
      const after = await keptServices(app);
      const now = app.context.clock();
      const rebuilt = [
        ...[...after].filter(([, builtAt]) => builtAt === now).map(([service]) => service),
        ...[...before.keys()].filter((service) => !after.has(service)),
      ];
      const expected = new Set<string>();
      if (moved) expected.add(moved.service).add(moved.service === 'c' ? 'a' : 'c');
      if (relabelled) {
        // b's repository changed; d has no declared repository, so any change may concern it
        for (const s of ['b', 'd']) if (events.deployments.some((d) => d.service === s)) expected.add(s);
      }
      expect(new Set(rebuilt)).toEqual(expected);
      const second = await bothWays(measurements);
      expect(second.facts).toEqual(second.events);
    }
  });

  it('tell a drill-down which events to analyse: its records are those of every stored event', async () => {
    t = await createTestApp({ organisation, now: new Date(T + 12 * day).toISOString() });
    token = await ingestToken(t);
    const measurements = new Measurements(t.context);
    for (const events of samples.slice(0, 8)) {
      for (const table of ['incidents', 'deployments', 'changes'] as const)
        await t.db.kysely.deleteFrom(table).execute();
      await post(t, events.incidents.map(wire.incident));
      await post(t, events.deployments.map(wire.deployment));
      await post(t, events.changes.map(wire.change));
      const whole = (await measurements.detailed()).model;
      for (const selected of [['a'], ['b'], ['c'], ['d'], ['a', 'b']]) {
        const part = await measurements.selection(selected);
        const member = (service: string) => selected.includes(service);
        for (const window of windows) {
          const records = (model: typeof whole) => ({
            deployments: listDeployments(model, window, member, selected),
            changes: listChanges(model, window, member, selected),
            incidents: listIncidents(model, window, member, selected),
          });
          expect(records(part), selected.join()).toEqual(records(whole));
        }
      }
      // the lists of one page, asked for together, share one analysis
      const [one, other] = await Promise.all([
        measurements.selection(['c', 'd']),
        measurements.selection(['d', 'c']),
      ]);
      expect(one).toBe(other);
      // through the API: the squad of a and b, newest first
      const [window] = windows;
      if (window === undefined) throw new Error('no window');
      const query = `squad=ab&from=${iso(window.from)}&to=${iso(window.to)}&limit=1000`;
      const listed = (await t.app.inject(`/api/deployments?${query}`)).json();
      const ab = (service: string) => service === 'a' || service === 'b';
      expect(listed.deployments.map((d: { id: string }) => d.id)).toEqual(
        listDeployments(whole, window, ab, ['a', 'b'])
          .map((d) => d.id)
          .reverse(),
      );
    }
  });

  it('leave a drill-down to every stored event while they are behind the store', async () => {
    t = await createTestApp({ organisation, now: new Date(T + 12 * day).toISOString() });
    const app = t;
    const measurements = new Measurements(app.context);
    const at = (hours: number) => iso(T + hours * 3_600_000);
    // stored directly, so no live update wakes the app's own keeper (it refreshes once after start)
    await setTimeout(1_500);
    const store = async (name: string, events: unknown[]) => {
      const parsed = parseEvents(events);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      const delivery = {
        source: 'test',
        deliveryId: name,
        eventType: 'events',
        receivedAt: new Date(),
        payload: null,
      };
      await ingestEvents(app.db.kysely, delivery, parsed.events);
    };
    const deployment = (id: string, hours: number) => ({
      type: 'deployment',
      id,
      source: 'ci',
      service: 'a',
      environment: 'production',
      sha: `${id}sha`,
      status: 'success',
      finishedAt: at(hours),
    });
    await store('first', [deployment('a1', 1)]);
    await measurements.facts.refresh();
    await measurements.facts.stop();
    // a's new deployment, and an incident of c caused by it: facts without a2 cannot tell it reaches a
    await store('late', [
      deployment('a2', 30),
      {
        type: 'incident',
        id: 'i1',
        source: 'pd',
        services: ['c'],
        openedAt: at(31),
        causedBy: 'a2',
        changeRelated: true,
      },
    ]);
    const model = await measurements.selection(['a']);
    const window = { from: T, to: T + 3 * day };
    const listed = listDeployments(model, window, (service) => service === 'a', ['a']);
    expect(listed.map((d) => [d.id, d.failed])).toEqual([
      ['a1', false],
      ['a2', true],
    ]);
    const marks = await app.db.kysely.selectFrom('service_facts_stale').select('id').execute();
    expect(marks.length, 'the facts were still behind').toBeGreaterThan(0);
  });

  it('follow a correction that deletes events, which moves no arrival', async () => {
    const events = samples.find((s) => s.deployments.length > 4) ?? samples[0];
    if (events === undefined) throw new Error('no sample');
    t = await createTestApp({ organisation, now: new Date(T + 12 * day).toISOString() });
    token = await ingestToken(t);
    const measurements = new Measurements(t.context);
    await post(t, [...events.changes.map(wire.change), ...events.deployments.map(wire.deployment)]);
    const whole = { from: T - day, to: T + 12 * day };
    const count = async () => {
      const snapshot = await measurements.snapshot();
      const [everyone] = snapshot.groups('organisation');
      if (everyone === undefined) throw new Error('no organisation group');
      return snapshot.summarise(everyone, whole).deploymentFrequency.count;
    };
    expect(await count()).toBeGreaterThan(0);
    await t.db.kysely.deleteFrom('deployments').execute();
    expect(await count()).toBe(0);
    const both = await bothWays(measurements);
    expect(both.facts).toEqual(both.events);
  });

  it('are kept whole for the next start on an unchanged store, and not once the store or settings change', async () => {
    const events = samples.find((s) => s.incidents.length > 1 && s.deployments.length > 4) ?? samples[0];
    const other = samples.find((s) => s !== events && s.deployments.length > 0);
    if (events === undefined || other === undefined) throw new Error('no samples');
    t = await createTestApp({ organisation, now: new Date(T + 12 * day).toISOString() });
    token = await ingestToken(t);
    const app = t;
    await post(app, [
      ...events.changes.map(wire.change),
      ...events.deployments.map(wire.deployment),
      ...events.incidents.map(wire.incident),
    ]);
    // the server's measurements keep the history they assemble, once the store has been quiet a moment
    expect((await app.app.inject('/api/metrics?groupBy=service')).statusCode).toBe(200);
    const keptState = async (before?: string) => {
      for (let tries = 0; tries < 100; tries++) {
        const row = await app.db.kysely.selectFrom('kept_history').select('state').executeTakeFirst();
        if (row !== undefined && row.state !== before) return row.state;
        await setTimeout(50);
      }
      throw new Error('no history kept');
    };
    const state = await keptState();

    // a drill-down from the kept history reads the incidents once, and shows every stored event's records
    const started = new Measurements(app.context);
    const [window] = windows;
    if (window === undefined) throw new Error('no window');
    const whole = (await started.detailed()).model;
    const snapshot = await started.snapshot();
    for (const selected of [['a'], ['c', 'd']]) {
      const member = (service: string) => selected.includes(service);
      const part = await snapshot.records(selected);
      for (const list of [listDeployments, listChanges, listIncidents] as const) {
        expect(list(part, window, member, selected)).toEqual(list(whole, window, member, selected));
      }
    }

    // a later start reads what is kept for the state: shown by keeping another history under it
    const later = new Measurements(app.context);
    const planted = analyseDelivery(other, later.measureConfig());
    await keepHistory(app.db.kysely, state, encodeHistory(planted, ['a', 'b', 'c', 'd']), new Date());
    const read = await later.snapshot();
    expect([...read.history.columns.finishedAt]).toEqual([...planted.columns.finishedAt]);
    expect(read.history.incidents).toEqual(planted.incidents);

    // a write: the history is assembled again, from what is stored
    await post(app, [
      wire.deployment({ ...(events.deployments[0] as Deployment), id: 'late', finishedAt: T + 9 * day }),
    ]);
    const written = await bothWays(new Measurements(app.context));
    expect(written.facts).toEqual(written.events);

    // another attribution window: what was kept for the old one is not read
    expect((await app.app.inject('/api/metrics?groupBy=service')).statusCode).toBe(200);
    const current = await keptState(state);
    await keepHistory(app.db.kysely, current, encodeHistory(planted, ['a']), new Date());
    await app.context.organisation.apply({ ...organisation, attributionWindowHours: 2 }, new Date(T));
    const reloaded = await bothWays(new Measurements(app.context));
    expect(reloaded.facts).toEqual(reloaded.events);

    // a damaged one is measured again
    await app.context.organisation.apply(organisation, new Date(T));
    await keepHistory(app.db.kysely, current, { figures: new Uint8Array(3), records: '{}' }, new Date());
    const repaired = await bothWays(new Measurements(app.context));
    expect(repaired.facts).toEqual(repaired.events);
  });

  it('are rebuilt when the settings they were derived with change', async () => {
    const events = samples.find((s) => s.deployments.some((d) => d.service === 'c')) ?? samples[0];
    if (events === undefined) throw new Error('no sample');
    t = await createTestApp({ organisation, now: new Date(T + 12 * day).toISOString() });
    token = await ingestToken(t);
    const measurements = new Measurements(t.context);
    await post(t, [...events.changes.map(wire.change), ...events.deployments.map(wire.deployment)]);
    await measurements.facts.refresh();
    // c is onboarded later: its earlier deployments become history
    const tribes = organisation.tribes.map((tribe) => ({
      ...tribe,
      squads: tribe.squads.map((squad) => ({
        ...squad,
        services: squad.services.map((s) => (s.name === 'c' ? { ...s, onboardedAt: '2026-01-08' } : s)),
      })),
    }));
    await t.context.organisation.apply({ ...organisation, tribes }, new Date(T));
    const after = await bothWays(measurements);
    expect(after.facts).toEqual(after.events);
    expect(await measurements.facts.refresh()).toEqual([]);
  });
});

async function ingestToken(t: TestApp): Promise<string> {
  return (await createToken(t.db.kysely, { name: 'facts', scope: 'ingest', now: new Date() })).token;
}

for (const backend of backends) {
  describe(`kept facts shared by two instances (${backend.name})`, () => {
    it('stay those of the latest events while both rebuild as events arrive', async () => {
      const db = await backend.open();
      const now = new Date(T + 12 * day).toISOString();
      const one = await createTestApp({ db, organisation, now });
      const two = await createTestApp({ db, organisation, now });
      try {
        const events = samples.find((s) => s.deployments.length > 8) ?? samples[0];
        if (events === undefined) throw new Error('no sample');
        const token = await ingestToken(one);
        const send = (app: TestApp, inputs: unknown[]) =>
          app.app.inject({
            method: 'POST',
            url: '/api/events',
            headers: { authorization: `Bearer ${token}` },
            payload: { events: inputs },
          });
        const first = new Measurements(one.context);
        const second = new Measurements(two.context);
        await send(one, events.changes.map(wire.change));
        const half = Math.floor(events.deployments.length / 2);
        await send(two, events.deployments.slice(0, half).map(wire.deployment));
        // both instances rebuild while the rest arrives through either of them
        await Promise.all([
          first.facts.refresh(),
          send(one, events.deployments.slice(half).map(wire.deployment)),
          second.facts.refresh(),
          send(two, events.incidents.map(wire.incident)),
          first.facts.refresh(),
        ]);
        for (const measurements of [first, second]) {
          const both = await bothWays(measurements);
          expect(both.facts).toEqual(both.events);
        }
      } finally {
        await one.close();
        await two.close();
        await db.close();
      }
    });
  });
}
