/**
 * Random but plausible command sequences for the workshop's property tests: everyone joins, the
 * facilitator walks the agenda with work in each phase (and reveals, half the time), with detours.
 * Not part of the public surface.
 */
import fc from 'fast-check';
import { apply } from './apply.js';
import type { CheckpointCommand } from './checkpointCommand.js';
import type { CheckpointState } from './checkpointState.js';
import {
  generatedTime as at,
  generatedFacilitator,
  generatedMembers,
  generatedViewer,
  phaseCommand,
  roomCommand,
} from './commandArbitrary.js';
import { createCheckpoint } from './createCheckpoint.js';
import { type PhaseId, phaseIds } from './phases.js';

/** Commands only the facilitator may send, from everyone who might be facilitator by now. */
const fromWhoeverFacilitates = (fields: Record<string, unknown>): CheckpointCommand[] =>
  [generatedFacilitator, ...generatedMembers].map(
    (actorId) => ({ actorId, at, ...fields }) as unknown as CheckpointCommand,
  );

/** What the facilitator does at the end of a phase (half the time): reveal what was answered. */
const closing: Partial<Record<PhaseId, CheckpointCommand[]>> = {
  metrics: ['leadtime', 'deployfreq', 'rework'].flatMap((questionKey) =>
    fromWhoeverFacilitates({ type: 'revealQuestion', questionKey }),
  ),
  capabilities: ['continuous-integration.1', 'continuous-integration.2', 'loosely-coupled-teams.1'].flatMap(
    (statementId) => fromWhoeverFacilitates({ type: 'revealStatement', statementId }),
  ),
  vote: fromWhoeverFacilitates({ type: 'revealVotes' }),
};

/** Steps drawn before the notes that hang on them. */
const opening: Partial<Record<PhaseId, CheckpointCommand[]>> = {
  pathToProduction: ['s1', 's2'].map(
    (nodeId, index) =>
      ({
        type: 'addNode',
        actorId: generatedMembers[index],
        at,
        nodeId,
        label: 'Step',
        automation: 'manual',
        lane: 'delivery',
        x: index * 100,
        y: 0,
      }) as CheckpointCommand,
  ),
};

const blockIn = (phase: PhaseId): fc.Arbitrary<CheckpointCommand[]> =>
  fc
    .tuple(
      fc.option(roomCommand, { freq: 3 }),
      fc.array(phaseCommand[phase], { minLength: 6, maxLength: 30 }),
      fc.boolean(),
    )
    .map(([room, commands, close]) => [
      ...fromWhoeverFacilitates({ type: 'resume' }),
      ...fromWhoeverFacilitates({ type: 'setPhase', phase }),
      ...(room === null ? [] : [room]),
      ...(opening[phase] ?? []),
      ...commands,
      ...(close ? (closing[phase] ?? []) : []),
    ]);

const detour = fc.constantFrom(...phaseIds).chain(blockIn);

const joins: CheckpointCommand[] = [...generatedMembers, generatedViewer].map(
  (id) =>
    ({
      type: 'join',
      actorId: id,
      at,
      name: `Person ${id.slice(0, 3)}`,
      role: id === generatedViewer ? 'viewer' : 'participant',
    }) as CheckpointCommand,
);

/**
 * Everyone joins; the facilitator walks the agenda in order with work in each phase, with a few
 * detours to random phases in between, and (half the time) completes the checkpoint.
 */
export const commandSequence: fc.Arbitrary<CheckpointCommand[]> = fc
  .tuple(
    fc.tuple(...phaseIds.map(blockIn)),
    fc.array(fc.tuple(fc.nat({ max: phaseIds.length }), detour), { maxLength: 3 }),
    fc.boolean(),
  )
  .map(([agendaBlocks, detours, complete]) => {
    const blocks: CheckpointCommand[][] = [...agendaBlocks];
    for (const [position, block] of detours) blocks.splice(position, 0, block);
    return [...joins, ...blocks.flat(), ...(complete ? fromWhoeverFacilitates({ type: 'complete' }) : [])];
  });

/** A 2025 checkpoint facilitated by the generated facilitator, with one previous action. */
export function generatedCheckpoint(): CheckpointState {
  return createCheckpoint({
    id: 'cp-gen',
    squad: 'Payments',
    tribe: 'Money',
    edition: '2025',
    facilitatorId: generatedFacilitator,
    facilitatorName: 'Fay',
    at,
    previousActions: [
      {
        id: 'old-1',
        title: 'Speed up the build',
        owner: 'Dana',
        due: null,
        capability: null,
        status: 'open',
      },
    ],
  });
}

/** Applies the commands in order, skipping refused ones; returns every state passed through. */
export function applyAll(state: CheckpointState, commands: readonly CheckpointCommand[]): CheckpointState[] {
  const states = [state];
  let current = state;
  for (const next of commands) {
    const result = apply(current, next);
    if (result.ok) {
      current = result.state;
      states.push(current);
    }
  }
  return states;
}
