import type { Kysely } from 'kysely';
import type { CheckpointState } from '../../src/core/workshop/index.js';
import { insertCheckpoint } from '../../src/store/checkpoints.js';
import type { Database } from '../../src/store/schema.js';

/** Stores a new checkpoint with `initial` as its state, the facilitator `fac` reconnecting with `key`. */
export async function storeCheckpoint(db: Kysely<Database>, initial: CheckpointState): Promise<void> {
  await insertCheckpoint(db, {
    record: {
      id: initial.id,
      squad: initial.squad,
      tribe: initial.tribe,
      title: null,
      edition: initial.edition,
      joinCode: 'code',
      createdAt: new Date(initial.createdAt),
      createdBy: null,
    },
    initialState: initial,
    facilitator: { participantId: 'fac', key: 'key' },
  });
}
