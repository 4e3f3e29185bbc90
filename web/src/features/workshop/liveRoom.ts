import type { ClientCommand } from '../../../../src/contract/workshopProtocol.js';
import type { CheckpointView, PresencePatch, PresenceView } from '../../../../src/core/workshop/index.js';
import type { CommandOutcome } from './useCheckpointSocket.js';

/** What every part of the live room gets: the view, who the reader is, and how to act. */
export interface LiveRoom {
  view: CheckpointView;
  presence: PresenceView[];
  /** The reader steers the checkpoint. */
  isFacilitator: boolean;
  /** The reader answers, votes, draws and adds actions (not a viewer). */
  canTakePart: boolean;
  /** Neither paused nor complete: commands of the phase are accepted. */
  isOpen: boolean;
  act(command: ClientCommand): Promise<CommandOutcome>;
  sendPresence(patch: PresencePatch): void;
}

/** The props of a phase. */
export interface PhaseProps {
  room: LiveRoom;
}
