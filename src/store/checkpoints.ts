/**
 * The live checkpoints: one row each with the state it started from, the append-only log of accepted
 * commands (the truth: replaying it onto the initial state gives the current state), snapshots that
 * shorten the replay, and the hashed keys people reconnect with.
 */
import { timingSafeEqual } from 'node:crypto';
import { type Kysely, type QueryCreator, sql } from 'kysely';
import type { CheckpointCommand, CheckpointState } from '../core/workshop/index.js';
import { type ActionChanges, writeActionChanges } from './checkpointActions.js';
import { checkpointChannel } from './checkpointFeed.js';
import type { Database } from './schema.js';
import { hashToken } from './tokens.js';

/** A checkpoint as stored, without its log. */
export interface CheckpointRecord {
  id: string;
  squad: string;
  tribe: string;
  title: string | null;
  edition: string;
  joinCode: string;
  createdAt: Date;
  createdBy: string | null;
}

/** A command of the log with the version it produced. */
export interface LoggedCommand {
  version: number;
  command: CheckpointCommand;
}

/** What it takes to rebuild a checkpoint: the latest snapshot (or the initial state) and the commands after it. */
export interface CheckpointLog {
  record: CheckpointRecord;
  base: CheckpointState;
  commands: LoggedCommand[];
}

const toRecord = (row: {
  id: string;
  squad: string;
  tribe: string;
  title: string | null;
  edition: string;
  join_code: string;
  created_at: Date;
  created_by: string | null;
}): CheckpointRecord => ({
  id: row.id,
  squad: row.squad,
  tribe: row.tribe,
  title: row.title,
  edition: row.edition,
  joinCode: row.join_code,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

const recordColumns = [
  'id',
  'squad',
  'tribe',
  'title',
  'edition',
  'join_code',
  'created_at',
  'created_by',
] as const;

/** Stores a new checkpoint, its initial state and the facilitator's key (hashed), in one transaction. */
export async function insertCheckpoint(
  db: Kysely<Database>,
  input: {
    record: CheckpointRecord;
    initialState: CheckpointState;
    facilitator: { participantId: string; key: string };
  },
): Promise<void> {
  const { record } = input;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('checkpoints')
      .values({
        id: record.id,
        squad: record.squad,
        tribe: record.tribe,
        title: record.title,
        edition: record.edition,
        join_code: record.joinCode,
        created_at: record.createdAt,
        created_by: record.createdBy,
        initial_state: JSON.stringify(input.initialState),
      })
      .execute();
    await trx
      .insertInto('checkpoint_participants')
      .values({
        checkpoint_id: record.id,
        participant_id: input.facilitator.participantId,
        key_hash: hashToken(input.facilitator.key),
        created_at: record.createdAt,
      })
      .execute();
  });
}

/** The checkpoint with this id, or undefined. */
export async function getCheckpoint(db: Kysely<Database>, id: string): Promise<CheckpointRecord | undefined> {
  const row = await db
    .selectFrom('checkpoints')
    .select(recordColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

/** A squad's checkpoints, newest first. */
export async function listCheckpoints(
  db: Kysely<Database>,
  squad: string,
  limit = 100,
): Promise<CheckpointRecord[]> {
  const rows = await db
    .selectFrom('checkpoints')
    .select(recordColumns)
    .where('squad', '=', squad)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

/** The latest snapshot (or the initial state) and every command after it; undefined for an unknown id. */
export async function loadCheckpointLog(
  db: Kysely<Database>,
  id: string,
): Promise<CheckpointLog | undefined> {
  const row = await db
    .selectFrom('checkpoints')
    .select([...recordColumns, 'initial_state'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const snapshot = await db
    .selectFrom('checkpoint_snapshots')
    .select(['version', 'state'])
    .where('checkpoint_id', '=', id)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const base = (snapshot?.state ?? row.initial_state) as CheckpointState;
  return { record: toRecord(row), base, commands: await listCommandsAfter(db, id, base.version) };
}

/** The logged commands after `version`, in order. */
export async function listCommandsAfter(
  db: Kysely<Database>,
  id: string,
  version: number,
): Promise<LoggedCommand[]> {
  const rows = await db
    .selectFrom('checkpoint_commands')
    .select(['version', 'command'])
    .where('checkpoint_id', '=', id)
    .where('version', '>', version)
    .orderBy('version')
    .execute();
  return rows.map((row) => ({ version: row.version, command: row.command as CheckpointCommand }));
}

/** How an append went: written, or another writer took the version first. */
export type AppendOutcome = 'appended' | 'conflict';

/** One accepted command to log, with the changes it makes to the tracked actions. */
export interface CommandToLog {
  checkpointId: string;
  version: number;
  command: CheckpointCommand;
  recordedAt: Date;
  actions?: ActionChanges | undefined;
}

/**
 * Appends accepted commands (of different checkpoints, or consecutive ones of one) in one statement
 * and one transaction, with their changes to the tracked actions: the cost of a write is mostly per
 * statement, so a busy server logs many rooms' commands for the price of one. With `notify`, other
 * instances hear of each when the transaction commits. An entry whose version is already taken is
 * not written and comes back as `conflict`: its room reloads and retries.
 */
export async function appendCheckpointCommands(
  db: Kysely<Database>,
  entries: readonly CommandToLog[],
  notify: boolean,
): Promise<AppendOutcome[]> {
  if (entries.length === 0) return [];
  const keyOf = (id: string, version: number) => `${id} ${version}`;
  const insert = (trx: QueryCreator<Database>) =>
    trx
      .insertInto('checkpoint_commands')
      .values(
        entries.map((entry) => ({
          checkpoint_id: entry.checkpointId,
          version: entry.version,
          type: entry.command.type,
          actor_id: entry.command.actorId,
          command: JSON.stringify(entry.command),
          recorded_at: entry.recordedAt,
        })),
      )
      .onConflict((oc) => oc.columns(['checkpoint_id', 'version']).doNothing())
      .returning(['checkpoint_id', 'version']);
  const outcomesOf = (inserted: readonly { checkpoint_id: string; version: number }[]): AppendOutcome[] => {
    const written = new Set(inserted.map((row) => keyOf(row.checkpoint_id, row.version)));
    return entries.map((entry) =>
      written.has(keyOf(entry.checkpointId, entry.version)) ? 'appended' : 'conflict',
    );
  };
  if (entries.every((entry) => entry.actions === undefined)) {
    // One statement is atomic by itself, its notifications sent when it commits: no transaction to
    // open and close, which would cost three more round trips to the server.
    const inserted = notify
      ? await db
          .with('inserted', insert)
          .selectFrom('inserted')
          .select(['checkpoint_id', 'version'])
          .select(
            sql<string>`pg_notify(${checkpointChannel}, checkpoint_id || ' ' || version)`.as('notified'),
          )
          .execute()
      : await insert(db).execute();
    return outcomesOf(inserted);
  }
  return db.transaction().execute(async (trx) => {
    const outcomes = outcomesOf(await insert(trx).execute());
    for (const [index, entry] of entries.entries()) {
      if (outcomes[index] === 'appended' && entry.actions !== undefined) {
        await writeActionChanges(trx, entry.actions, entry.recordedAt);
      }
    }
    if (notify) {
      const written = entries
        .filter((_, index) => outcomes[index] === 'appended')
        .map((entry) => keyOf(entry.checkpointId, entry.version));
      if (written.length > 0) {
        await sql`select pg_notify(${checkpointChannel}, payload) from unnest(${written}::text[]) as payload`.execute(
          trx,
        );
      }
    }
    return outcomes;
  });
}

/** Appends one accepted command; see `appendCheckpointCommands`. */
export async function appendCheckpointCommand(
  db: Kysely<Database>,
  entry: CommandToLog & { notify: boolean },
): Promise<AppendOutcome> {
  const [outcome] = await appendCheckpointCommands(db, [entry], entry.notify);
  return outcome ?? 'conflict';
}

/** Keeps the state after `state.version`; a snapshot already there is left as it is. */
export async function saveCheckpointSnapshot(
  db: Kysely<Database>,
  state: CheckpointState,
  now: Date,
): Promise<void> {
  await db
    .insertInto('checkpoint_snapshots')
    .values({
      checkpoint_id: state.id,
      version: state.version,
      state: JSON.stringify(state),
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['checkpoint_id', 'version']).doNothing())
    .execute();
}

/** Records (or replaces) the key a participant reconnects with, hashed. */
export async function saveParticipantKey(
  db: Kysely<Database>,
  input: { checkpointId: string; participantId: string; key: string; now: Date },
): Promise<void> {
  await db
    .insertInto('checkpoint_participants')
    .values({
      checkpoint_id: input.checkpointId,
      participant_id: input.participantId,
      key_hash: hashToken(input.key),
      created_at: input.now,
    })
    .onConflict((oc) =>
      oc.columns(['checkpoint_id', 'participant_id']).doUpdateSet({
        key_hash: sql`excluded.key_hash`,
        created_at: sql`excluded.created_at`,
      }),
    )
    .execute();
}

/** Whether `key` is the participant's key, compared in constant time. */
export async function isParticipantKey(
  db: Kysely<Database>,
  checkpointId: string,
  participantId: string,
  key: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('checkpoint_participants')
    .select('key_hash')
    .where('checkpoint_id', '=', checkpointId)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  const expected = Buffer.from(row?.key_hash ?? hashToken('no key'), 'hex');
  const actual = Buffer.from(hashToken(key), 'hex');
  return timingSafeEqual(expected, actual) && row !== undefined;
}
