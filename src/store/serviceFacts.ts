import { type Kysely, sql } from 'kysely';
import type { Incident } from '../core/events.js';
import type { EncodedFacts } from '../core/metrics/factsCodec.js';
import { inSnapshot, loadAllIncidents } from './events.js';
import type { Database } from './schema.js';

/** A write to a service's deployments (`service`) or a repository's changes (`repo`) since facts were derived. */
export interface StaleMark {
  id: string;
  kind: 'service' | 'repo';
  name: string;
}

/** What a rebuild of facts needs to know: what changed, and which facts are kept with which settings. */
export interface FactsState {
  stale: StaleMark[];
  /** Service → fingerprint of the settings its kept facts were derived with. */
  kept: Map<string, string>;
}

export async function readFactsState(db: Kysely<Database>): Promise<FactsState> {
  return inSnapshot(db, async (tx) => {
    const stale = await tx.selectFrom('service_facts_stale').select(['id', 'kind', 'name']).execute();
    const kept = await tx.selectFrom('service_facts').select(['service', 'fingerprint']).execute();
    return {
      stale: stale.map((m) => ({ id: String(m.id), kind: m.kind, name: m.name })),
      kept: new Map(kept.map((k) => [k.service, k.fingerprint])),
    };
  });
}

/** A service's facts as derived, or null when the service has no deployment left. */
export interface BuiltFacts {
  service: string;
  fingerprint: string;
  facts: EncodedFacts | null;
}

/** Keeps (or drops) some services' facts. */
export async function saveFacts(db: Kysely<Database>, built: readonly BuiltFacts[], at: Date): Promise<void> {
  if (built.length === 0) return;
  await db.transaction().execute(async (tx) => {
    const dropped = built.filter((b) => b.facts === null).map((b) => b.service);
    if (dropped.length > 0) await tx.deleteFrom('service_facts').where('service', 'in', dropped).execute();
    const rows = built.flatMap((b) =>
      b.facts === null ? [] : [{ service: b.service, fingerprint: b.fingerprint, ...b.facts, built_at: at }],
    );
    for (let i = 0; i < rows.length; i += 200) {
      await tx
        .insertInto('service_facts')
        .values(rows.slice(i, i + 200))
        .onConflict((c) =>
          c.column('service').doUpdateSet((eb) => ({
            fingerprint: eb.ref('excluded.fingerprint'),
            figures: eb.ref('excluded.figures'),
            names: eb.ref('excluded.names'),
            built_at: eb.ref('excluded.built_at'),
          })),
        )
        .execute();
    }
  });
}

/**
 * Deletes the marks a rebuild has seen, and only those: a write committed meanwhile left a mark of its
 * own, which the next rebuild sees.
 */
export async function clearStale(db: Kysely<Database>, seen: readonly StaleMark[]): Promise<void> {
  for (let i = 0; i < seen.length; i += 10_000) {
    const ids = seen.slice(i, i + 10_000).map((m) => m.id);
    await sql`
      delete from service_facts_stale
      where id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::bigint)`.execute(db);
  }
}

/**
 * The position of the latest mark: it moves with every write to deployments or changes, deletes and
 * updates included, so it tells cheaply whether the facts' inputs changed.
 */
export async function lastMark(db: Kysely<Database>): Promise<number> {
  const row = await sql<{ last: string; called: boolean }>`
    select last_value as last, is_called as called from service_facts_stale_id_seq`.execute(db);
  const r = row.rows[0];
  return r?.called ? Number(r.last) : 0;
}

/** Every service's kept facts and the incidents, of one state of the store. */
export interface KeptFacts {
  facts: ({ service: string; fingerprint: string } & EncodedFacts)[];
  incidents: Incident[];
  /** How many marks say some facts are behind the events. */
  stale: number;
}

export async function readKeptFacts(db: Kysely<Database>): Promise<KeptFacts> {
  return inSnapshot(db, async (tx) => {
    const stale = await sql<{ n: string }>`select count(*) as n from service_facts_stale`.execute(tx);
    // as base64, which both drivers give as text and Node decodes natively (their hex is twice as long)
    const rows = await sql<{ service: string; fingerprint: string; figures: string; names: string }>`
      select service, fingerprint, encode(figures, 'base64') as figures, names from service_facts`.execute(
      tx,
    );
    const facts = rows.rows.map((row) => ({ ...row, figures: Buffer.from(row.figures, 'base64') }));
    const incidents = await loadAllIncidents(tx);
    return { facts, incidents, stale: Number(stale.rows[0]?.n ?? 0) };
  });
}
