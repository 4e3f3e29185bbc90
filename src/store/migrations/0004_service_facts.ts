import { type Kysely, sql } from 'kysely';

// Frozen once landed: fix forward in a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Each service's measured facts (logical deployments, lead times, rules 3–4), derived from its
  // deployments and its repository's changes, with a fingerprint of the settings they were derived with.
  await db.schema
    .createTable('service_facts')
    .addColumn('service', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('built_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // read whole on every cold measurement: kept uncompressed, so reading costs no decompression
  await sql`alter table service_facts alter column facts set storage external`.execute(db);

  // What changed since the facts were derived: a service's deployments or a repository's changes. An
  // append-only log, so concurrent writers never wait on one another's marks; a rebuild deletes exactly
  // the entries it has seen.
  await db.schema
    .createTable('service_facts_stale')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  // Marked by the database itself, in the writing transaction, whoever writes (ingestion, import, a
  // correction by hand).
  for (const [table, kind, column] of [
    ['deployments', 'service', 'service'],
    ['changes', 'repo', 'repo'],
  ] as const) {
    await sql
      .raw(`
        create function mark_${table}_stale() returns trigger language plpgsql as $$
        begin
          insert into service_facts_stale (kind, name)
          select distinct '${kind}', ${column} from touched;
          return null;
        end $$`)
      .execute(db);
    for (const [event, rows] of [
      ['insert', 'new'],
      ['update', 'new'],
      ['update', 'old'],
      ['delete', 'old'],
    ] as const) {
      await sql
        .raw(`
          create trigger ${table}_${event}_${rows}_stale after ${event} on ${table}
          referencing ${rows} table as touched for each statement execute function mark_${table}_stale()`)
        .execute(db);
    }
  }
  await sql`
    insert into service_facts_stale (kind, name)
    select 'service', service from (select distinct service from deployments) s
    union all
    select 'repo', repo from (select distinct repo from changes) r`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['deployments', 'changes']) {
    for (const trigger of ['insert_new', 'update_new', 'update_old', 'delete_old']) {
      await sql.raw(`drop trigger ${table}_${trigger}_stale on ${table}`).execute(db);
    }
    await sql.raw(`drop function mark_${table}_stale()`).execute(db);
  }
  await db.schema.dropTable('service_facts_stale').execute();
  await db.schema.dropTable('service_facts').execute();
}
