import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

export interface SourceActivity {
  source: string;
  lastDeliveryAt: Date | null;
  /** Deliveries in the 24 hours before `now`, by outcome. */
  last24h: { accepted: number; rejected: number; duplicate: number; ignored: number };
  lastError: { at: Date; message: string } | null;
}

/** What each source has delivered recently: counts by outcome over a day, the last delivery and the last error. */
export async function listSourceActivity(
  db: Kysely<Database>,
  now: Date,
): Promise<Map<string, SourceActivity>> {
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const counts = await sql<{ source: string; outcome: string; count: string; last: Date | null }>`
    select source, outcome, count(*) filter (where received_at >= ${since}) as count, max(received_at) as last
    from deliveries group by source, outcome`.execute(db);
  const errors = await sql<{ source: string; received_at: Date; detail: string | null }>`
    select distinct on (source) source, received_at, detail from deliveries
    where outcome = 'rejected' order by source, received_at desc`.execute(db);
  const activity = new Map<string, SourceActivity>();
  const entry = (source: string) => {
    let found = activity.get(source);
    if (!found) {
      found = {
        source,
        lastDeliveryAt: null,
        last24h: { accepted: 0, rejected: 0, duplicate: 0, ignored: 0 },
        lastError: null,
      };
      activity.set(source, found);
    }
    return found;
  };
  for (const row of counts.rows) {
    const found = entry(row.source);
    const outcome = row.outcome as keyof SourceActivity['last24h'];
    if (outcome in found.last24h) found.last24h[outcome] = Number(row.count);
    if (row.last && (!found.lastDeliveryAt || row.last > found.lastDeliveryAt))
      found.lastDeliveryAt = row.last;
  }
  for (const row of errors.rows)
    entry(row.source).lastError = { at: row.received_at, message: row.detail ?? 'rejected' };
  return activity;
}
