import type { EditionId, IndustryKey } from '../../core/assessment/index.js';
import { createCheckpoint, type MeasuredKeys, type PreviousAction } from '../../core/workshop/index.js';
import { listActions } from '../../store/checkpointActions.js';
import { type CheckpointRecord, insertCheckpoint, listCheckpoints } from '../../store/checkpoints.js';
import type { AppContext } from '../context.js';
import type { Measurements } from '../measurement/measurements.js';
import { measuredKeysOf } from './measuredKeys.js';
import { newCheckpointId, newParticipantId, newSecret } from './secrets.js';

/** What the facilitator asks for. */
export interface StartCheckpointInput {
  squad: string;
  tribe: string;
  edition: EditionId;
  industry: IndustryKey | undefined;
  title: string | null;
  facilitatorName: string;
  /** Who created it, for the record: `user:<id>`, `token:<id>` or `local`. */
  createdBy: string;
}

/** A new checkpoint, with the secrets shown only this once. */
export interface StartedCheckpoint {
  record: CheckpointRecord;
  facilitator: { participantId: string; participantKey: string };
}

const dayMs = 86_400_000;
/** Without an earlier checkpoint, the scene is set with this much history. */
export const firstWindowDays = 90;

/** The squad's measured keys over a window, or null when the organisation does not know the squad. */
async function measureSquad(
  measurements: Measurements,
  squad: string,
  window: { from: number; to: number },
): Promise<MeasuredKeys | null> {
  const snapshot = await measurements.snapshot();
  const group = snapshot.groups('squad').find((entry) => entry.key === squad);
  return group === undefined ? null : measuredKeysOf(snapshot.summarise(group, window), window);
}

/**
 * Creates a squad's checkpoint: its measured keys since its last checkpoint (or the last 90 days),
 * the last checkpoint's actions as they stand now to review, a join code and the facilitator's key.
 */
export async function startCheckpoint(
  context: AppContext,
  measurements: Measurements,
  input: StartCheckpointInput,
): Promise<StartedCheckpoint> {
  const db = context.db.kysely;
  const now = context.clock();
  const [last] = await listCheckpoints(db, input.squad, 1);
  const from = Math.min(last?.createdAt.getTime() ?? now - firstWindowDays * dayMs, now - 1);
  const measured = await measureSquad(measurements, input.squad, { from, to: now });
  const previousActions: PreviousAction[] =
    last === undefined
      ? []
      : (await listActions(db, { checkpointIds: [last.id] })).map((action) => ({
          id: action.id,
          title: action.title,
          owner: action.owner,
          due: action.due,
          capability: action.capability as PreviousAction['capability'],
          status: action.status,
        }));
  const record: CheckpointRecord = {
    id: newCheckpointId(),
    squad: input.squad,
    tribe: input.tribe,
    title: input.title,
    edition: input.edition,
    joinCode: newSecret(),
    createdAt: new Date(now),
    createdBy: input.createdBy,
  };
  const facilitator = { participantId: newParticipantId(), participantKey: newSecret() };
  const initialState = createCheckpoint({
    id: record.id,
    squad: input.squad,
    tribe: input.tribe,
    edition: input.edition,
    industry: input.industry,
    facilitatorId: facilitator.participantId,
    facilitatorName: input.facilitatorName,
    at: record.createdAt.toISOString(),
    measured,
    previousActions,
  });
  await insertCheckpoint(db, {
    record,
    initialState,
    facilitator: {
      participantId: facilitator.participantId,
      key: facilitator.participantKey,
    },
  });
  return { record, facilitator };
}
