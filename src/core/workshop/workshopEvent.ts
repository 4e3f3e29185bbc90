/**
 * What happened when a command was accepted, for the server to log, notify or act on (e.g. store the
 * history when a checkpoint completes). Events never carry an individual answer, vote or survey
 * response, nor say who gave one, so they are as safe to log as the views are to broadcast.
 */
import type { CapabilitySlug } from '../assessment/index.js';
import type { ActionStatus, JoinRole } from './checkpointState.js';
import type { PhaseId } from './phases.js';

/** Something that changed in the flow. */
export type FlowPart = 'node' | 'edge' | 'note';

/** How a thing changed. */
export type Change = 'added' | 'updated' | 'removed';

/** An event of the checkpoint. */
export type WorkshopEvent =
  | { type: 'participantJoined'; participantId: string; role: JoinRole }
  | { type: 'participantLeft'; participantId: string }
  | { type: 'participantRemoved'; participantId: string }
  | { type: 'facilitatorHandedOver'; from: string; to: string }
  | { type: 'phaseChanged'; from: PhaseId; to: PhaseId }
  | { type: 'paused'; phase: PhaseId; resumePhase: PhaseId }
  | { type: 'resumed'; phase: PhaseId }
  | { type: 'timerStarted'; phase: PhaseId; durationSeconds: number; startedAt: string }
  | { type: 'timerStopped'; phase: PhaseId }
  | { type: 'completed'; at: string }
  | { type: 'measuredRefreshed' }
  | { type: 'principlesChanged'; principleId: string; change: Change }
  | { type: 'handsChanged'; raised: number; everyoneAgreed: boolean }
  | { type: 'previousActionUpdated'; actionId: string; status: ActionStatus }
  | { type: 'answerCounted'; target: 'question' | 'statement'; key: string; answered: number }
  | { type: 'revealed'; target: 'question' | 'statement'; key: string }
  | { type: 'questionReset'; key: string }
  | { type: 'answerAgreed'; key: string; value: number | null }
  | { type: 'capabilityAdded'; capability: CapabilitySlug }
  | { type: 'capabilityRemoved'; capability: CapabilitySlug }
  | { type: 'flowChanged'; part: FlowPart; id: string; change: Change }
  | { type: 'votesPerPersonSet'; votes: number }
  | { type: 'votesCounted'; cast: number }
  | { type: 'votesRevealed' }
  | { type: 'actionChanged'; actionId: string; change: Change }
  | { type: 'surveyCounted'; responses: number };
