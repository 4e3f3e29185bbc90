/**
 * How a command is authorised and run: who may send it, in which phase, whether while paused, and
 * the change it makes to a draft (a private copy of the state). `apply` checks the first three for
 * every command in one place, so a phase's handlers only deal with their own rules.
 */
import type { CheckpointCommand, CommandOf, CommandType } from './checkpointCommand.js';
import type { CheckpointState } from './checkpointState.js';
import type { PhaseId } from './phases.js';
import type { WorkshopError } from './workshopError.js';
import type { WorkshopEvent } from './workshopEvent.js';

/**
 * Who may send a command: the facilitator; a member (joined to take part, facilitator included); anyone
 * joined, viewers too; a newcomer (join); or the server itself.
 */
export type Sender = 'facilitator' | 'member' | 'joined' | 'newcomer' | 'system';

/** The events of an accepted command, or why it was refused. */
export type RunOutcome = WorkshopError | WorkshopEvent[];

/** The rule of one command. */
export interface CommandRule<K extends CommandType> {
  sender: Sender;
  /** The only phase it is accepted in; null for any phase. */
  phase: PhaseId | null;
  /** True when it is accepted while the checkpoint is paused. */
  whilePaused?: boolean;
  /** Changes `draft` in place and returns the events, or refuses (the draft is then thrown away). */
  run(draft: CheckpointState, command: CommandOf<K>): RunOutcome;
}

/** The rules of some commands, by type. */
export type CommandRules<K extends CommandType> = { [P in K]: CommandRule<P> };

/** A rule whose command type is not known statically. */
export interface AnyCommandRule {
  sender: Sender;
  phase: PhaseId | null;
  whilePaused?: boolean;
  run(draft: CheckpointState, command: CheckpointCommand): RunOutcome;
}
