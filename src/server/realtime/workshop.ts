import type { FastifyBaseLogger } from 'fastify';
import {
  type CheckpointFeed,
  listenForCheckpointCommands,
  localCheckpointFeed,
} from '../../store/checkpointFeed.js';
import type { AppContext } from '../context.js';
import { CheckpointRooms, defaultRoomTuning } from './checkpointRooms.js';
import { CommandWriter } from './commandWriter.js';
import { newItemId } from './secrets.js';

/** The live workshop of one instance: its rooms and how it hears of other instances' commands. */
export interface Workshop {
  rooms: CheckpointRooms;
  feed: CheckpointFeed;
  /** Closes every socket, waits for commands in flight, stops listening. */
  close(): Promise<void>;
}

/**
 * Starts the live workshop. On PostgreSQL every append notifies, and when the server's URL is known
 * this instance listens on a connection of its own, so rooms held on several instances stay in step;
 * on PGlite everything happens in this process.
 */
export async function startWorkshop(
  context: AppContext,
  log: FastifyBaseLogger,
  tuning: Partial<typeof defaultRoomTuning> = {},
): Promise<Workshop> {
  const shared = context.db.kind === 'postgres';
  const onError = (error: unknown, message: string) => log.error({ err: error }, message);
  const writer = new CommandWriter(context.db.kysely, shared);
  const rooms = new CheckpointRooms({
    db: context.db.kysely,
    append: (entry) => writer.append(entry),
    clock: context.clock,
    shared,
    newId: newItemId,
    onError,
    ...defaultRoomTuning,
    ...tuning,
  });
  const url = context.config.databaseUrl;
  const feed =
    shared && url !== undefined
      ? await listenForCheckpointCommands(url, {
          onCommand: (id, version) => rooms.hear(id, version),
          onResync: () => {
            log.info('listening for checkpoint commands again; catching up the rooms held here');
            rooms.resync();
          },
          onError: (error) =>
            log.warn({ err: error }, 'lost the connection that listens for checkpoint commands'),
        })
      : localCheckpointFeed();
  return {
    rooms,
    feed,
    close: async () => {
      await rooms.close();
      await feed.close();
    },
  };
}
