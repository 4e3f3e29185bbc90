/**
 * The actions agreed at checkpoints, tracked to done: written as the workshop adds, changes or removes
 * them (in the transaction of the command), and updated afterwards by the squad. A later checkpoint
 * reviews them, and its review changes their status here too.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ActionStatus, CheckpointAction } from '../core/workshop/index.js';
import type { Database } from './schema.js';

/** An action as tracked. */
export interface TrackedAction {
  id: string;
  checkpointId: string;
  squad: string;
  tribe: string;
  title: string;
  owner: string;
  /** `YYYY-MM-DD`, or null. */
  due: string | null;
  capability: string | null;
  status: ActionStatus;
  createdAt: Date;
  updatedAt: Date;
}

/** What one command changed in the actions of a checkpoint. */
export interface ActionChanges {
  checkpointId: string;
  squad: string;
  tribe: string;
  /** Added or edited actions of this checkpoint. */
  upserted: CheckpointAction[];
  removed: string[];
  /** Statuses of earlier checkpoints' actions set while reviewing them. */
  statuses: { id: string; status: ActionStatus }[];
}

const toTracked = (row: Selectable<Database['checkpoint_actions']>): TrackedAction => ({
  id: row.id,
  checkpointId: row.checkpoint_id,
  squad: row.squad,
  tribe: row.tribe,
  title: row.title,
  owner: row.owner,
  due: row.due,
  capability: row.capability,
  status: row.status as ActionStatus,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Applies the changes of one command; run inside the transaction that logs the command. */
export async function writeActionChanges(
  db: Kysely<Database> | Transaction<Database>,
  changes: ActionChanges,
  now: Date,
): Promise<void> {
  for (const action of changes.upserted) {
    const values = {
      title: action.title,
      owner: action.owner,
      due: action.due,
      capability: action.capability,
      status: action.status,
      updated_at: now,
    };
    await db
      .insertInto('checkpoint_actions')
      .values({
        id: action.id,
        checkpoint_id: changes.checkpointId,
        squad: changes.squad,
        tribe: changes.tribe,
        created_at: now,
        ...values,
      })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  }
  if (changes.removed.length > 0) {
    await db
      .deleteFrom('checkpoint_actions')
      .where('checkpoint_id', '=', changes.checkpointId)
      .where('id', 'in', changes.removed)
      .execute();
  }
  for (const { id, status } of changes.statuses) {
    await db
      .updateTable('checkpoint_actions')
      .set({ status, updated_at: now })
      .where('id', '=', id)
      .execute();
  }
}

/** Tracked actions, newest checkpoint first, filtered by squad, status or checkpoints. */
export async function listActions(
  db: Kysely<Database>,
  filter: { squad?: string | undefined; status?: ActionStatus | undefined; checkpointIds?: string[] },
): Promise<TrackedAction[]> {
  if (filter.checkpointIds?.length === 0) return [];
  let query = db
    .selectFrom('checkpoint_actions as a')
    .innerJoin('checkpoints as c', 'c.id', 'a.checkpoint_id')
    .selectAll('a');
  if (filter.squad !== undefined) query = query.where('a.squad', '=', filter.squad);
  if (filter.status !== undefined) query = query.where('a.status', '=', filter.status);
  if (filter.checkpointIds !== undefined) query = query.where('a.checkpoint_id', 'in', filter.checkpointIds);
  const rows = await query
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .orderBy('a.seq')
    .limit(1000)
    .execute();
  return rows.map(toTracked);
}

/** The action with this id, or undefined. */
export async function getAction(db: Kysely<Database>, id: string): Promise<TrackedAction | undefined> {
  const row = await db.selectFrom('checkpoint_actions').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toTracked(row);
}

/** Sets an action's status after the workshop; the updated action, or undefined when there is none. */
export async function setActionStatus(
  db: Kysely<Database>,
  id: string,
  status: ActionStatus,
  now: Date,
): Promise<TrackedAction | undefined> {
  const row = await db
    .updateTable('checkpoint_actions')
    .set({ status, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row === undefined ? undefined : toTracked(row);
}
