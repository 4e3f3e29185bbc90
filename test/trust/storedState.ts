import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { EventSet } from '../../src/core/events.js';
import { loadEventSet } from '../../src/store/events.js';
import type { Database } from '../../src/store/schema.js';

/** What a request may have written: every stored event and every accepted delivery (with its raw payload). */
export interface StoredState {
  events: EventSet;
  accepted: { source: string; delivery_id: string; event_count: number; payload: unknown }[];
}

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** The stored events and accepted deliveries in a stable order, to compare before and after a request. */
export async function readStoredState(db: Kysely<Database>): Promise<StoredState> {
  const events = await loadEventSet(db);
  const accepted = await db
    .selectFrom('deliveries')
    .select(['source', 'delivery_id', 'event_count', 'payload'])
    .where('outcome', '=', 'accepted')
    .orderBy('id')
    .execute();
  return {
    events: {
      changes: [...events.changes].sort(byKey((c) => `${c.repo}\u0000${c.sha}`)),
      deployments: [...events.deployments].sort(byKey((d) => `${d.source}\u0000${d.id}`)),
      incidents: [...events.incidents].sort(byKey((i) => `${i.source}\u0000${i.id}`)),
    },
    accepted: accepted.map((row) => ({ ...row, event_count: Number(row.event_count) })),
  };
}

/**
 * A digest of every stored event row and accepted delivery: one query, cheap enough to take before and
 * after each of hundreds of requests (any insert or update, however small, changes it).
 */
export async function storedFingerprint(db: Kysely<Database>): Promise<string> {
  const digest = (table: string, order: string) =>
    `(select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by ${order})), '') from ${table} t)`;
  const row = await sql<{ fingerprint: string }>`select ${sql.raw(
    [
      digest('changes', 'repo, sha'),
      digest('deployments', 'source, id'),
      digest('incidents', 'source, id'),
      // Deliveries are only ever inserted: their count and last id tell whether one was.
      "(select count(*) || ':' || coalesce(max(id), 0) from deliveries where outcome = 'accepted')",
    ].join(" || '/' || "),
  )} as fingerprint`.execute(db);
  return row.rows[0]?.fingerprint ?? '';
}

/** Whether the app still answers its health check with 200 (a request must never leave it broken). */
export async function isHealthy(app: FastifyInstance): Promise<boolean> {
  const response = await app.inject({ method: 'GET', url: '/api/health' });
  return response.statusCode === 200;
}

/** The message an error response gives: `message`, or the problems listed as `field: message`. */
export function messageOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as {
      message?: unknown;
      problems?: { field?: unknown; message?: unknown }[];
    };
    if (typeof parsed.message === 'string') return parsed.message;
    if (Array.isArray(parsed.problems))
      return parsed.problems.map((p) => `${String(p.field)}: ${String(p.message)}`).join('; ');
  } catch {
    // not JSON: no message
  }
  return '';
}
