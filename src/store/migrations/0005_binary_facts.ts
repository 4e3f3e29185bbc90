import { type Kysely, sql } from 'kysely';

// Frozen once landed: fix forward in a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Facts are kept as binary columns of numbers and JSON names from now on. Every service's facts are
  // derived again: marked stale, then dropped, so the next rebuild derives exactly those services.
  await sql`
    insert into service_facts_stale (kind, name)
    select 'service', service from service_facts`.execute(db);
  await sql`delete from service_facts`.execute(db);
  await db.schema.alterTable('service_facts').dropColumn('facts').execute();
  await db.schema
    .alterTable('service_facts')
    .addColumn('figures', 'bytea', (c) => c.notNull())
    .addColumn('names', 'text', (c) => c.notNull())
    .execute();
  // read whole on every cold measurement: kept uncompressed, so reading costs no decompression
  await sql`alter table service_facts alter column figures set storage external`.execute(db);
  await sql`alter table service_facts alter column names set storage external`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    insert into service_facts_stale (kind, name)
    select 'service', service from service_facts`.execute(db);
  await sql`delete from service_facts`.execute(db);
  await db.schema.alterTable('service_facts').dropColumn('figures').dropColumn('names').execute();
  await db.schema
    .alterTable('service_facts')
    .addColumn('facts', 'text', (c) => c.notNull())
    .execute();
  await sql`alter table service_facts alter column facts set storage external`.execute(db);
}
