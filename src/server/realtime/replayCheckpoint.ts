import { apply, type CheckpointState } from '../../core/workshop/index.js';
import type { LoggedCommand } from '../../store/checkpoints.js';

/**
 * Replays logged commands onto a state. Every logged command was accepted once and `apply` is
 * deterministic, so a refusal or a gap in the versions means the log is corrupt: that throws.
 */
export function replayCheckpoint(base: CheckpointState, commands: readonly LoggedCommand[]): CheckpointState {
  let state = base;
  for (const { version, command } of commands) {
    if (version !== state.version + 1) {
      throw new Error(`checkpoint ${state.id}: the log jumps from version ${state.version} to ${version}`);
    }
    const result = apply(state, command);
    if (!result.ok) {
      throw new Error(
        `checkpoint ${state.id}: logged version ${version} (${command.type}) is refused on replay: ${result.error.message}`,
      );
    }
    state = result.state;
  }
  return state;
}
