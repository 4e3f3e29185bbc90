import { type Kysely, sql } from 'kysely';

// Frozen once landed: fix forward in a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Where a backfill or reconciliation got to, so an interrupted run resumes instead of starting over.
  await db.schema
    .createTable('backfill_cursors')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('cursor', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('backfill_cursors_pk', ['source', 'scope'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('backfill_cursors').execute();
}
