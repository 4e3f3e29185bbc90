import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/support/databases.js';
import { apply, type CheckpointCommand, type CheckpointState } from '../core/workshop/index.js';
import { command, newCheckpoint } from '../core/workshop/testCheckpoint.js';
import { listActions, setActionStatus } from './checkpointActions.js';
import {
  appendCheckpointCommand,
  type CheckpointRecord,
  getCheckpoint,
  insertCheckpoint,
  isParticipantKey,
  listCheckpoints,
  loadCheckpointLog,
  saveCheckpointSnapshot,
  saveParticipantKey,
} from './checkpoints.js';
import type { Db } from './openDb.js';

const record = (id: string, squad: string, createdAt: string): CheckpointRecord => ({
  id,
  squad,
  tribe: 'money',
  title: null,
  edition: '2025',
  joinCode: `code-of-${id}`,
  createdAt: new Date(createdAt),
  createdBy: 'local',
});

describe.each(backends)('checkpoints in the store ($name)', (backend) => {
  let db: Db;
  const initial = newCheckpoint({ id: 'cp-1', squad: 'payments' });
  beforeAll(async () => {
    db = await backend.open();
    for (const [id, at] of [
      ['cp-1', '2026-01-05T10:00:00Z'],
      ['cp-2', '2026-04-05T10:00:00Z'],
    ] as const) {
      await insertCheckpoint(db.kysely, {
        record: record(id, 'payments', at),
        initialState: { ...initial, id },
        facilitator: { participantId: 'fac', key: `key-of-${id}` },
      });
    }
  });
  afterAll(() => db?.close());

  /** Applies and logs commands on cp-1, as a room does; returns the last state. */
  async function log(state: CheckpointState, ...commands: CheckpointCommand[]): Promise<CheckpointState> {
    let current = state;
    for (const next of commands) {
      const result = apply(current, next);
      if (!result.ok) throw new Error(result.error.message);
      const outcome = await appendCheckpointCommand(db.kysely, {
        checkpointId: current.id,
        version: result.state.version,
        command: next,
        recordedAt: new Date(next.at),
        notify: backend.name === 'postgres',
        actions:
          next.type === 'addAction'
            ? {
                checkpointId: current.id,
                squad: 'payments',
                tribe: 'money',
                upserted: result.state.actions,
                removed: [],
                statuses: [],
              }
            : undefined,
      });
      expect(outcome).toBe('appended');
      current = result.state;
    }
    return current;
  }

  /** cp-1 as its log has it now. */
  async function current(): Promise<CheckpointState> {
    const loaded = (await loadCheckpointLog(db.kysely, 'cp-1'))!;
    let state = loaded.base;
    for (const logged of loaded.commands) {
      const result = apply(state, logged.command);
      if (!result.ok) throw new Error(result.error.message);
      state = result.state;
    }
    return state;
  }

  it('finds checkpoints by id and lists a squad’s newest first', async () => {
    expect(await getCheckpoint(db.kysely, 'cp-1')).toEqual(
      record('cp-1', 'payments', '2026-01-05T10:00:00Z'),
    );
    expect(await getCheckpoint(db.kysely, 'nothing')).toBeUndefined();
    expect((await listCheckpoints(db.kysely, 'payments')).map((found) => found.id)).toEqual(['cp-2', 'cp-1']);
    expect((await listCheckpoints(db.kysely, 'payments', 1)).map((found) => found.id)).toEqual(['cp-2']);
    expect(await listCheckpoints(db.kysely, 'nobody')).toEqual([]);
  });

  it('logs each version once: a second writer of the same version is told of the conflict', async () => {
    const state = await log(initial, command('join', 'ann', { name: 'Ann', role: 'participant' }));
    const rival = command('join', 'bob', { name: 'Bob', role: 'participant' });
    const outcome = await appendCheckpointCommand(db.kysely, {
      checkpointId: 'cp-1',
      version: 1,
      command: rival,
      recordedAt: new Date(),
      notify: false,
    });
    expect(outcome).toBe('conflict');
    const loaded = await loadCheckpointLog(db.kysely, 'cp-1');
    expect(loaded?.base).toEqual(initial);
    expect(loaded?.commands).toEqual([
      { version: 1, command: command('join', 'ann', { name: 'Ann', role: 'participant' }) },
    ]);
    expect(state.version).toBe(1);
    expect(await loadCheckpointLog(db.kysely, 'nothing')).toBeUndefined();
  });

  it('starts a load from the latest snapshot and the commands after it', async () => {
    const state = await current();
    await saveCheckpointSnapshot(db.kysely, state, new Date());
    await saveCheckpointSnapshot(db.kysely, state, new Date());
    const later = await log(state, command('setPhase', 'fac', { phase: 'actions' }));
    const loaded = (await loadCheckpointLog(db.kysely, 'cp-1'))!;
    expect(loaded.base).toEqual(state);
    expect(loaded.commands.map((logged) => logged.version)).toEqual([later.version]);
  });

  it('tracks the actions logged with their commands, in the order they were agreed', async () => {
    await log(
      await current(),
      command('addAction', 'fac', { actionId: 'a-2', title: 'Second', owner: 'Ann' }),
      command('addAction', 'fac', { actionId: 'a-1', title: 'First?', owner: 'Bob', due: '2026-02-01' }),
    );
    const tracked = await listActions(db.kysely, { squad: 'payments' });
    expect(tracked.map((action) => [action.id, action.title, action.due, action.status])).toEqual([
      ['a-2', 'Second', null, 'open'],
      ['a-1', 'First?', '2026-02-01', 'open'],
    ]);
    const done = await setActionStatus(db.kysely, 'a-1', 'done', new Date('2026-02-02T00:00:00Z'));
    expect(done).toMatchObject({ id: 'a-1', status: 'done', updatedAt: new Date('2026-02-02T00:00:00Z') });
    expect((await listActions(db.kysely, { status: 'done' })).map((action) => action.id)).toEqual(['a-1']);
    expect(await listActions(db.kysely, { checkpointIds: ['cp-2'] })).toEqual([]);
    expect(await listActions(db.kysely, { checkpointIds: [] })).toEqual([]);
    expect(await setActionStatus(db.kysely, 'nothing', 'done', new Date())).toBeUndefined();
  });

  it('checks a participant’s key against its hash, per checkpoint', async () => {
    expect(await isParticipantKey(db.kysely, 'cp-1', 'fac', 'key-of-cp-1')).toBe(true);
    expect(await isParticipantKey(db.kysely, 'cp-1', 'fac', 'key-of-cp-2')).toBe(false);
    expect(await isParticipantKey(db.kysely, 'cp-2', 'fac', 'key-of-cp-1')).toBe(false);
    expect(await isParticipantKey(db.kysely, 'cp-1', 'ann', 'key-of-cp-1')).toBe(false);
    await saveParticipantKey(db.kysely, {
      checkpointId: 'cp-1',
      participantId: 'fac',
      key: 'new key',
      now: new Date(),
    });
    expect(await isParticipantKey(db.kysely, 'cp-1', 'fac', 'key-of-cp-1')).toBe(false);
    expect(await isParticipantKey(db.kysely, 'cp-1', 'fac', 'new key')).toBe(true);
  });
});
