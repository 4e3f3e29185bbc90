/**
 * Helpers for the workshop's tests: a checkpoint with people in it, commands built tersely, and
 * applying a list of commands that must all be accepted. Not part of the public surface.
 */
import { apply } from './apply.js';
import type { CheckpointCommand, CommandOf, CommandPayloads, CommandType } from './checkpointCommand.js';
import type { CheckpointState } from './checkpointState.js';
import { type CreateCheckpointInput, createCheckpoint } from './createCheckpoint.js';
import type { PhaseId } from './phases.js';
import type { WorkshopErrorCode } from './workshopError.js';
import type { WorkshopEvent } from './workshopEvent.js';

/** The time of every test command unless one is given. */
export const testTime = '2025-03-04T09:00:00.000Z';

/** The facilitator of test checkpoints. */
export const facilitator = 'fac';

/** Builds a command. */
export function command<K extends CommandType>(
  type: K,
  actorId: string,
  payload: CommandPayloads[K],
  at: string = testTime,
): CommandOf<K> {
  return { type, actorId, at, ...payload } as unknown as CommandOf<K>;
}

/** A new checkpoint (2025 edition unless told otherwise). */
export function newCheckpoint(input: Partial<CreateCheckpointInput> = {}): CheckpointState {
  return createCheckpoint({
    id: 'cp-1',
    squad: 'Payments',
    tribe: 'Money',
    edition: '2025',
    facilitatorId: facilitator,
    facilitatorName: 'Fay',
    at: testTime,
    ...input,
  });
}

/** Applies every command, failing the test with the refusal if one is refused. */
export function mustApply(state: CheckpointState, ...commands: CheckpointCommand[]): CheckpointState {
  let current = state;
  for (const next of commands) {
    const result = apply(current, next);
    if (!result.ok)
      throw new Error(
        `${next.type} by ${next.actorId} refused: ${result.error.code} ${result.error.message}`,
      );
    current = result.state;
  }
  return current;
}

/** The events of one command that must be accepted. */
export function eventsOf(state: CheckpointState, next: CheckpointCommand): WorkshopEvent[] {
  const result = apply(state, next);
  if (!result.ok) throw new Error(`${next.type} refused: ${result.error.code} ${result.error.message}`);
  return result.events;
}

/** The code a command is refused with; fails the test when it is accepted. */
export function refusalOf(state: CheckpointState, next: CheckpointCommand): WorkshopErrorCode {
  const result = apply(state, next);
  if (result.ok) throw new Error(`${next.type} by ${next.actorId} was accepted`);
  return result.error.code;
}

/** A checkpoint with `members` joined as participants and `viewers` as viewers. */
export function withPeople(
  members: readonly string[] = ['ann', 'bob', 'cat'],
  viewers: readonly string[] = ['vic'],
  input: Partial<CreateCheckpointInput> = {},
): CheckpointState {
  const joins = [
    ...members.map((id) => command('join', id, { name: `Name of ${id}`, role: 'participant' })),
    ...viewers.map((id) => command('join', id, { name: `Name of ${id}`, role: 'viewer' })),
  ];
  return mustApply(newCheckpoint(input), ...joins);
}

/** The checkpoint moved to `phase` by the facilitator. */
export function inPhase(state: CheckpointState, phase: PhaseId): CheckpointState {
  return state.phase === phase ? state : mustApply(state, command('setPhase', facilitator, { phase }));
}

/** Every object reachable from `value`: to check that a copy or a view shares nothing with its source. */
export function objectsOf(value: unknown, found = new Set<object>()): Set<object> {
  if (typeof value === 'object' && value !== null && !found.has(value)) {
    found.add(value);
    for (const child of Object.values(value)) objectsOf(child, found);
  }
  return found;
}
