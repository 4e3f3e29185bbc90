import { expect } from 'vitest';
import type { Db } from '../../src/store/openDb.js';
import { type ServerProcess, startServerProcess } from '../support/serverProcess.js';
import { createTestApp } from '../support/testApp.js';
import type { StoredState } from './storedState.js';

/** Crash tests: a burst of batches, the server killed (SIGKILL) while requests are in flight. */
export const org = new URL('../fixtures/org/good.yaml', import.meta.url).pathname;
const window = 'groupBy=service&from=2025-12-01&to=2026-03-01';
const hour = 3_600_000;
const batchCount = 200;
const concurrency = 8;
const killAfterAcknowledged = 50;

/** Batch `b`: four changes, the production deployment carrying them, every fifth time an incident. */
export function batch(b: number) {
  const finished = Date.parse('2026-01-05T08:00:00Z') + b * 2 * hour;
  const at = (offset: number) => new Date(finished + offset * hour).toISOString();
  const shas = [0, 1, 2, 3].map((k) => `crash-${b}-${k}`);
  const events: Record<string, unknown>[] = shas.map((sha, k) => ({
    type: 'change',
    repo: 'acme/search',
    sha,
    committedAt: at(-(k + 1) * 3),
  }));
  events.push({
    type: 'deployment',
    id: `crash-${b}`,
    source: 'ci',
    service: 'vehicle-search',
    environment: 'production',
    sha: shas[0],
    commits: shas,
    status: 'success',
    finishedAt: at(0),
  });
  if (b % 5 === 0) {
    events.push({
      type: 'incident',
      id: `crash-incident-${b}`,
      source: 'pagerduty',
      services: ['vehicle-search'],
      openedAt: at(0.5),
      resolvedAt: at(1.5),
    });
  }
  return { key: `crash-batch-${b}`, events };
}

export interface Burst {
  acknowledged: Set<number>;
  /** Batches sent but unanswered when the server died: they may or may not have been stored. */
  inFlight: Set<number>;
}

/** Sends every batch with `concurrency` senders and kills the server once enough are acknowledged. */
export async function burstAndKill(server: ServerProcess): Promise<Burst> {
  const acknowledged = new Set<number>();
  const pending = new Set<number>();
  let inFlightAtKill = new Set<number>();
  const unexpected: string[] = [];
  let next = 0;
  let killed = false;
  const send = async () => {
    while (next < batchCount) {
      const b = next++;
      const { key, events } = batch(b);
      pending.add(b);
      try {
        const response = await fetch(`${server.url}/api/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({ events }),
          signal: AbortSignal.timeout(20_000),
        });
        if (response.status === 200) acknowledged.add(b);
        else if (response.status !== 503)
          unexpected.push(`batch ${b}: ${response.status} ${await response.text()}`);
      } catch {
        // the connection died with the server: not acknowledged, nothing is owed
      } finally {
        pending.delete(b);
      }
      if (!killed && acknowledged.size >= killAfterAcknowledged) {
        killed = true;
        inFlightAtKill = new Set(pending);
        server.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, send));
  expect(killed, 'the server was killed mid-burst').toBe(true);
  // Before the kill every answer is a 200; while the server dies, at most a 503 (never a 500).
  expect(unexpected).toEqual([]);
  await server.exited;
  return { acknowledged, inFlight: inFlightAtKill };
}

const withoutAges = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (key, field) => (key === 'ageSeconds' ? undefined : field)));

/** The metrics a server answers for the crash window (ages of open items depend on the clock: dropped). */
export async function metricsOf(url: string): Promise<unknown> {
  const response = await fetch(`${url}/api/metrics?${window}`);
  expect(response.status).toBe(200);
  return withoutAges(((await response.json()) as { groups: unknown }).groups);
}

/** The metrics of a clean ingestion of the given batches into a fresh database (in-memory PGlite by default). */
export async function cleanMetricsOf(batches: number[], db?: Db): Promise<unknown> {
  const t = await createTestApp(db ? { db } : {});
  try {
    for (const b of batches) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/events',
        payload: { events: batch(b).events },
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    const response = await t.app.inject({ url: `/api/metrics?${window}` });
    return withoutAges(response.json().groups);
  } finally {
    await t.close();
  }
}

/**
 * What the store holds after the crash: every acknowledged batch once, each stored batch whole (its
 * delivery and all its events, or nothing), and only batches that were acknowledged or in flight.
 * Returns the batches stored.
 */
export function checkStoredAfterCrash(state: StoredState, burst: Burst): number[] {
  const deliveries = state.accepted.filter((d) => d.source === 'api').map((d) => d.delivery_id);
  expect(new Set(deliveries).size, 'each delivery stored once').toBe(deliveries.length);
  const stored = deliveries.map((key) => Number(key.replace('crash-batch-', ''))).sort((a, b) => a - b);
  for (const b of burst.acknowledged) expect(stored, `acknowledged batch ${b}`).toContain(b);
  for (const b of stored) expect(burst.acknowledged.has(b) || burst.inFlight.has(b), `batch ${b}`).toBe(true);
  const expected = stored.map((b) => batch(b).events);
  const keys = (events: Record<string, unknown>[], type: string) =>
    events
      .filter((e) => e.type === type)
      .map((e) => (type === 'change' ? String(e.sha) : String(e.id)))
      .sort();
  expect(state.events.changes.map((c) => c.sha).sort()).toEqual(keys(expected.flat(), 'change'));
  expect(state.events.deployments.map((d) => d.id).sort()).toEqual(keys(expected.flat(), 'deployment'));
  expect(state.events.incidents.map((i) => i.id).sort()).toEqual(keys(expected.flat(), 'incident'));
  return stored;
}

export { startServerProcess };
