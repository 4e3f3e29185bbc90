import { type Kysely, sql } from 'kysely';
import type { EncodedHistory } from '../core/metrics/historyCodec.js';
import type { Database } from './schema.js';

/** The kept whole history when it was measured from `state`, else undefined. */
export async function readKeptHistory(
  db: Kysely<Database>,
  state: string,
): Promise<EncodedHistory | undefined> {
  // as base64, which both drivers give as text and Node decodes natively (their hex is twice as long)
  const result = await sql<{ figures: string; records: string }>`
    select encode(figures, 'base64') as figures, records from kept_history where id = 1 and state = ${state}`.execute(
    db,
  );
  const row = result.rows[0];
  return row === undefined
    ? undefined
    : { figures: Buffer.from(row.figures, 'base64'), records: row.records };
}

/** Keeps the whole history measured from `state`, in place of the one kept before. */
export async function keepHistory(
  db: Kysely<Database>,
  state: string,
  encoded: EncodedHistory,
  at: Date,
): Promise<void> {
  await db
    .insertInto('kept_history')
    .values({ id: 1, state, ...encoded, built_at: at })
    .onConflict((c) =>
      c.column('id').doUpdateSet((eb) => ({
        state: eb.ref('excluded.state'),
        figures: eb.ref('excluded.figures'),
        records: eb.ref('excluded.records'),
        built_at: eb.ref('excluded.built_at'),
      })),
    )
    .execute();
}
