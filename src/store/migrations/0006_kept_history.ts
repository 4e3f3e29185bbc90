import { type Kysely, sql } from 'kysely';

// Frozen once landed: fix forward in a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // The whole measured history (every service's facts with the incidents attributed) of one state of
  // the store and the settings, so a start on an unchanged store reads it instead of assembling it.
  await db.schema
    .createTable('kept_history')
    .addColumn('id', 'smallint', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('figures', 'bytea', (c) => c.notNull())
    .addColumn('records', 'text', (c) => c.notNull())
    .addColumn('built_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // read whole on every start: kept uncompressed, so reading costs no decompression
  await sql`alter table kept_history alter column figures set storage external`.execute(db);
  await sql`alter table kept_history alter column records set storage external`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('kept_history').execute();
}
