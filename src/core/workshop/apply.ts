/**
 * The reducer of a checkpoint: `apply(state, command)` returns the next state and what happened, or
 * refuses with a typed error. It is pure and deterministic (time and ids come in the command) and
 * never changes the state it is given. Every accepted command increases `version` by one.
 */
import { actionRules } from './actionRules.js';
import { agendaRules } from './agendaRules.js';
import { assessmentRules } from './assessmentRules.js';
import { type CheckpointCommand, type CommandType, systemActorId } from './checkpointCommand.js';
import type { CheckpointState } from './checkpointState.js';
import type { AnyCommandRule, CommandRules, Sender } from './commandRule.js';
import { copyData } from './copyData.js';
import { flowRules } from './flowRules.js';
import { findParticipant } from './listAnswerers.js';
import { openingRules } from './openingRules.js';
import { roomRules } from './roomRules.js';
import { surveyRules } from './surveyRules.js';
import { voteRules } from './voteRules.js';
import { refuse, type WorkshopError } from './workshopError.js';
import type { WorkshopEvent } from './workshopEvent.js';

/** The next state and its events, or why the command was refused (the state is then unchanged). */
export type ApplyResult =
  | { ok: true; state: CheckpointState; events: WorkshopEvent[] }
  | { ok: false; error: WorkshopError };

const rules: CommandRules<CommandType> = {
  ...roomRules,
  ...agendaRules,
  ...openingRules,
  ...assessmentRules,
  ...flowRules,
  ...voteRules,
  ...actionRules,
  ...surveyRules,
};

/** Every command type, in the order of the agenda. */
export const commandTypes = Object.keys(rules) as CommandType[];

/** The rule of a command type: who may send it, in which phase and whether while paused. */
export function getCommandRule(type: CommandType): Omit<AnyCommandRule, 'run'> {
  const { sender, phase, whilePaused } = rules[type];
  return { sender, phase, whilePaused: whilePaused === true };
}

function checkSender(state: CheckpointState, sender: Sender, actorId: string): WorkshopError | null {
  if (sender === 'newcomer') return null;
  if (sender === 'system') {
    return actorId === systemActorId ? null : refuse('not-system', 'only the server may send this command');
  }
  const actor = findParticipant(state, actorId);
  if (actor?.status !== 'joined') {
    return refuse('unknown-participant', `actorId ${actorId} has not joined this checkpoint`);
  }
  if (sender === 'facilitator' && actorId !== state.facilitatorId) {
    return refuse('not-facilitator', 'only the facilitator may do this');
  }
  if (sender === 'member' && actor.role === 'viewer') {
    return refuse('viewer-cannot-take-part', 'viewers watch only; join as a participant to take part');
  }
  return null;
}

const failed = (error: WorkshopError): ApplyResult => ({ ok: false, error });

/** Applies one command to a checkpoint. */
export function apply(state: CheckpointState, command: CheckpointCommand): ApplyResult {
  const type: unknown = (command as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(rules, type)) {
    return failed(refuse('unknown-command', `unknown command type ${String(type)}`));
  }
  if (typeof command.actorId !== 'string' || typeof command.at !== 'string') {
    return failed(refuse('invalid-value', 'a command needs actorId and at'));
  }
  if (state.completedAt !== null) return failed(refuse('completed', 'the checkpoint is complete'));
  const rule = rules[type as CommandType] as unknown as AnyCommandRule;
  const badSender = checkSender(state, rule.sender, command.actorId);
  if (badSender !== null) return failed(badSender);
  if (state.paused !== null && rule.whilePaused !== true) {
    return failed(refuse('paused', 'the checkpoint is paused; the facilitator resumes it'));
  }
  if (rule.phase !== null && state.phase !== rule.phase) {
    return failed(refuse('wrong-phase', `${type} belongs to ${rule.phase}, not ${state.phase}`));
  }
  const draft = copyData(state);
  const outcome = rule.run(draft, command);
  if (!Array.isArray(outcome)) return failed(outcome);
  draft.version = state.version + 1;
  draft.updatedAt = command.at;
  return { ok: true, state: draft, events: outcome };
}
