import { type Kysely, sql } from 'kysely';

// Frozen once landed: fix forward in a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence event_arrival`.execute(db);

  await db.schema
    .createTable('changes')
    .addColumn('repo', 'text', (c) => c.notNull())
    .addColumn('sha', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('pushed_at', 'timestamptz')
    .addColumn('branch', 'text')
    .addColumn('parents', 'jsonb')
    .addColumn('pr_number', 'integer')
    .addColumn('pr_opened_at', 'timestamptz')
    .addColumn('pr_merged_at', 'timestamptz')
    .addColumn('pr_first_commit_at', 'timestamptz')
    .addColumn('labels', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('reverts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('files', 'jsonb')
    .addColumn('arrival', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('changes_pk', ['repo', 'sha'])
    .execute();

  await db.schema
    .createTable('deployments')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('environment', 'text', (c) => c.notNull())
    .addColumn('sha', 'text')
    .addColumn('version', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('commits', 'jsonb')
    .addColumn('rollback', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('labels', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('arrival', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('deployments_pk', ['source', 'id'])
    .execute();
  await db.schema
    .createIndex('deployments_service_finished')
    .on('deployments')
    .columns(['service', 'finished_at'])
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('services', 'jsonb', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('severity', 'text')
    .addColumn('caused_by', 'text')
    .addColumn('change_related', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('arrival', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('incidents_pk', ['source', 'id'])
    .execute();

  // Every request that brought events, kept with its raw payload so a better parser can re-read it.
  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('payload', 'jsonb')
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`create unique index deliveries_accepted_once on deliveries (source, delivery_id) where outcome = 'accepted'`.execute(
    db,
  );
  await db.schema
    .createIndex('deliveries_source_received')
    .on('deliveries')
    .columns(['source', 'received_at'])
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('oidc_subject', 'text', (c) => c.unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('scopes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('disabled_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('service_ownership')
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('squad', 'text', (c) => c.notNull())
    .addColumn('tribe', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'timestamptz', (c) => c.notNull())
    .addColumn('valid_to', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('service_ownership_service')
    .on('service_ownership')
    .columns(['service', 'valid_from'])
    .execute();

  await db.schema
    .createTable('organisation_versions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('loaded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('source_path', 'text')
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'organisation_versions',
    'service_ownership',
    'sessions',
    'users',
    'api_tokens',
    'deliveries',
    'incidents',
    'deployments',
    'changes',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop sequence event_arrival`.execute(db);
}
