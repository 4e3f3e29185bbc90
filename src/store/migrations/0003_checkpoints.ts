import { type Kysely, sql } from 'kysely';

// Frozen once landed: fix forward in a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per live checkpoint; the state it started from is kept so the command log replays onto it
  // even after the measurements or the previous actions have changed.
  await db.schema
    .createTable('checkpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('squad', 'text', (c) => c.notNull())
    .addColumn('tribe', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('join_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('initial_state', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('checkpoints_squad_created')
    .on('checkpoints')
    .columns(['squad', 'created_at'])
    .execute();

  // The truth of a checkpoint: every accepted command, append-only. The primary key is the optimistic
  // lock between instances: two cannot both write the next version.
  await db.schema
    .createTable('checkpoint_commands')
    .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('command', 'jsonb', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('checkpoint_commands_pk', ['checkpoint_id', 'version'])
    .execute();

  // A cache only: the state after a version, so loading replays tens of commands instead of thousands.
  await db.schema
    .createTable('checkpoint_snapshots')
    .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('checkpoint_snapshots_pk', ['checkpoint_id', 'version'])
    .execute();

  // The key each person (facilitator included) reconnects with; only its hash is kept.
  await db.schema
    .createTable('checkpoint_participants')
    .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('checkpoint_participants_pk', ['checkpoint_id', 'participant_id'])
    .execute();

  // The actions agreed at checkpoints, tracked to done after the workshop has ended.
  await db.schema
    .createTable('checkpoint_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The order actions were agreed in: several are often added within one clock tick.
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id').onDelete('cascade'))
    .addColumn('squad', 'text', (c) => c.notNull())
    .addColumn('tribe', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('due', 'text')
    .addColumn('capability', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('checkpoint_actions_squad_status')
    .on('checkpoint_actions')
    .columns(['squad', 'status'])
    .execute();
  await db.schema
    .createIndex('checkpoint_actions_checkpoint')
    .on('checkpoint_actions')
    .column('checkpoint_id')
    .execute();
  await sql`comment on table checkpoint_commands is 'append-only: never update or delete a row'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'checkpoint_actions',
    'checkpoint_participants',
    'checkpoint_snapshots',
    'checkpoint_commands',
    'checkpoints',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
