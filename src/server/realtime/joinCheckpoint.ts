import type { JoinRole, WorkshopError } from '../../core/workshop/index.js';
import { saveParticipantKey } from '../../store/checkpoints.js';
import type { CheckpointRooms } from './checkpointRooms.js';
import { newParticipantId, newSecret } from './secrets.js';

/** Someone who joined, with the key they reconnect with (shown this once), or why they could not. */
export type JoinOutcome =
  | { ok: true; participantId: string; participantKey: string }
  | { ok: false; error: WorkshopError | { code: 'unknown-checkpoint'; message: string } };

/**
 * Joins a checkpoint by name only: a new participant id and key, then the `join` command through the
 * room, so it is logged and everyone sees the newcomer. The key is stored first: a join logged
 * without its key would be someone present (counted for reveals) who could never connect.
 */
export async function joinCheckpoint(
  rooms: CheckpointRooms,
  input: { checkpointId: string; name: string; role: JoinRole; now: Date },
): Promise<JoinOutcome> {
  const room = await rooms.open(input.checkpointId);
  if (room === undefined) {
    return {
      ok: false,
      error: { code: 'unknown-checkpoint', message: `no checkpoint ${input.checkpointId}` },
    };
  }
  const participantId = newParticipantId();
  const participantKey = newSecret();
  await saveParticipantKey(rooms.db, {
    checkpointId: input.checkpointId,
    participantId,
    key: participantKey,
    now: input.now,
  });
  const joined = await room.submit(participantId, { type: 'join', name: input.name, role: input.role });
  return joined.ok ? { ok: true, participantId, participantKey } : joined;
}
