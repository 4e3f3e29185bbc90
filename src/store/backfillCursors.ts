import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** Where a backfill got to: stored as JSON, read back as it was saved (the caller checks its shape). */
export type BackfillCursorValue = Record<string, unknown>;

/** The saved cursor of (`source`, `scope`), or undefined when there is none. */
export async function loadBackfillCursor(
  db: Kysely<Database>,
  source: string,
  scope: string,
): Promise<BackfillCursorValue | undefined> {
  const row = await db
    .selectFrom('backfill_cursors')
    .select('cursor')
    .where('source', '=', source)
    .where('scope', '=', scope)
    .executeTakeFirst();
  return row?.cursor;
}

/** Saves the cursor of (`source`, `scope`), replacing any saved before. */
export async function saveBackfillCursor(
  db: Kysely<Database>,
  source: string,
  scope: string,
  cursor: BackfillCursorValue,
  now: Date,
): Promise<void> {
  await db
    .insertInto('backfill_cursors')
    .values({ source, scope, cursor: JSON.stringify(cursor), updated_at: now })
    .onConflict((oc) =>
      oc.columns(['source', 'scope']).doUpdateSet({
        cursor: sql`excluded.cursor`,
        updated_at: sql`excluded.updated_at`,
      }),
    )
    .execute();
}

/** Forgets the cursors of `scopes` under `source`: the next run starts afresh. */
export async function clearBackfillCursors(
  db: Kysely<Database>,
  source: string,
  scopes: readonly string[],
): Promise<void> {
  if (scopes.length === 0) return;
  await db
    .deleteFrom('backfill_cursors')
    .where('source', '=', source)
    .where('scope', 'in', [...scopes])
    .execute();
}
