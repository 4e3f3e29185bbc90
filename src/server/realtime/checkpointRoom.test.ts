import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend } from '../../../test/support/databases.js';
import { storeCheckpoint } from '../../../test/support/storedCheckpoint.js';
import { newCheckpoint } from '../../core/workshop/testCheckpoint.js';
import { listCommandsAfter } from '../../store/checkpoints.js';
import type { Db } from '../../store/openDb.js';
import { CheckpointRoom, type RoomConnection } from './checkpointRoom.js';
import { CommandWriter } from './commandWriter.js';

/** A connection that keeps the versions of the views it was sent. */
function recorder(participantId: string) {
  const versions: number[] = [];
  const connection: RoomConnection = {
    participantId,
    send: (text) => {
      const message = JSON.parse(text) as { type: string; version?: number };
      if (message.type === 'state' && message.version !== undefined) versions.push(message.version);
    },
    close: () => {},
  };
  return { connection, versions };
}

describe('a checkpoint room', () => {
  let db: Db;
  const initial = newCheckpoint({ id: 'room-1' });
  beforeAll(async () => {
    db = await pgliteBackend.open();
    await storeCheckpoint(db.kysely, initial);
  });
  afterAll(() => db?.close());

  const roomOn = (writer: CommandWriter) =>
    new CheckpointRoom(initial, {
      db: db.kysely,
      append: (entry) => writer.append(entry),
      clock: () => Date.parse('2026-03-02T12:00:00Z'),
      shared: true,
      snapshotEvery: 5,
      newId: () => `item-${randomUUID()}`,
      presenceIntervalMs: 1,
      onIdle: () => {},
      onError: (error) => {
        throw error;
      },
    });

  it('keeps one log when two rooms (two instances) take commands for the same checkpoint at once', async () => {
    const one = roomOn(new CommandWriter(db.kysely, false));
    const two = roomOn(new CommandWriter(db.kysely, false));
    const watchOne = recorder('fac');
    const watchTwo = recorder('fac');
    one.connect(watchOne.connection);
    two.connect(watchTwo.connection);
    await one.submit('fac', { type: 'setPhase', phase: 'pathToProduction' });
    await two.catchUp();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 === 0 ? one : two).submit('fac', {
          type: 'addNode',
          label: `Step ${index}`,
          automation: 'manual',
          lane: 'delivery',
          x: index,
          y: 0,
        }),
      ),
    );
    const versions = results.map((result) => (result.ok ? result.version : -1)).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, index) => index + 2));
    await one.catchUp();
    await two.catchUp();
    expect(one.state).toEqual(two.state);
    expect(one.state.flow.nodes).toHaveLength(20);
    for (const seen of [watchOne.versions, watchTwo.versions]) {
      expect(seen).toEqual(Array.from({ length: 22 }, (_, index) => index));
    }
    const logged = await listCommandsAfter(db.kysely, 'room-1', 0);
    expect(logged.map((entry) => entry.version)).toEqual(Array.from({ length: 21 }, (_, index) => index + 1));
    one.closeAll(1000, 'done');
    two.closeAll(1000, 'done');
  });

  it('writes the other rooms’ commands of a batch when one of them cannot be written', async () => {
    const writer = new CommandWriter(db.kysely, false);
    const command = { type: 'raiseHand', actorId: 'fac', at: '2026-03-02T12:00:00.000Z' } as const;
    const next = (await listCommandsAfter(db.kysely, 'room-1', 0)).length + 1;
    const outcomes = await Promise.allSettled([
      writer.append({ checkpointId: 'room-1', version: next, command, recordedAt: new Date() }),
      writer.append({ checkpointId: 'no-such-room', version: 1, command, recordedAt: new Date() }),
      writer.append({ checkpointId: 'room-1', version: next + 1, command, recordedAt: new Date() }),
      writer.append({ checkpointId: 'room-1', version: 1, command, recordedAt: new Date() }),
    ]);
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : 'failed'))).toEqual([
      'appended',
      'failed',
      'appended',
      'conflict',
    ]);
  });

  it('writes the commands accepted in one turn of the event loop in one statement', async () => {
    const statements: string[] = [];
    const counted = db.kysely.withPlugin({
      transformQuery: (args) => {
        statements.push(args.node.kind);
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const writer = new CommandWriter(counted, false);
    const command = { type: 'raiseHand', actorId: 'fac', at: '2026-03-02T12:00:00.000Z' } as const;
    const next = (await listCommandsAfter(db.kysely, 'room-1', 0)).length + 1;
    const outcomes = await Promise.all(
      [0, 1, 2].map((offset) =>
        writer.append({ checkpointId: 'room-1', version: next + offset, command, recordedAt: new Date() }),
      ),
    );
    expect(outcomes).toEqual(['appended', 'appended', 'appended']);
    expect(statements).toEqual(['InsertQueryNode']);
  });
});
