/**
 * Someone's seat in a checkpoint (participant id and key), kept in this browser so that a reload, a
 * closed tab or a dropped network rejoins as the same person with everything they did. The key is a
 * secret of this browser only: it never goes into an address.
 */

/** Who a browser is in one checkpoint. */
export interface CheckpointSeat {
  participantId: string;
  participantKey: string;
}

const keyOf = (checkpointId: string) => `checkpoint-seat:${checkpointId}`;

export function readSeat(checkpointId: string): CheckpointSeat | null {
  try {
    const stored = JSON.parse(localStorage.getItem(keyOf(checkpointId)) ?? 'null') as CheckpointSeat | null;
    return typeof stored?.participantId === 'string' && typeof stored.participantKey === 'string'
      ? stored
      : null;
  } catch {
    return null;
  }
}

export function saveSeat(checkpointId: string, seat: CheckpointSeat): void {
  localStorage.setItem(
    keyOf(checkpointId),
    JSON.stringify({ participantId: seat.participantId, participantKey: seat.participantKey }),
  );
}

export function forgetSeat(checkpointId: string): void {
  localStorage.removeItem(keyOf(checkpointId));
}
