import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, commandTypes, getCommandRule } from './apply.js';
import {
  type CheckpointCommand,
  type CommandPayloads,
  type CommandType,
  systemActorId,
} from './checkpointCommand.js';
import type { CheckpointState } from './checkpointState.js';
import { applyAll, commandSequence, generatedCheckpoint } from './commandSequence.js';
import { phaseIds } from './phases.js';
import {
  command,
  facilitator,
  inPhase,
  mustApply,
  refusalOf,
  testTime,
  withPeople,
} from './testCheckpoint.js';

/** A plausible payload of every command, to test the checks `apply` makes before any handler runs. */
const samplePayloads: { [K in CommandType]: CommandPayloads[K] } = {
  join: { name: 'Zoe', role: 'participant' },
  leave: {},
  removeParticipant: { participantId: 'bob' },
  handOverFacilitator: { participantId: 'bob' },
  setPhase: { phase: 'metrics' },
  advance: {},
  goBack: {},
  pause: {},
  resume: {},
  startTimer: { durationSeconds: 600 },
  stopTimer: {},
  complete: {},
  refreshMeasured: { measured: { from: '2025-01-01', to: '2025-03-31', bands: {}, figures: [] } },
  addPrinciple: { principleId: 'p-new', text: 'One conversation at a time.' },
  updatePrinciple: { principleId: 'principle-1', text: 'Everyone speaks.' },
  removePrinciple: { principleId: 'principle-1' },
  raiseHand: {},
  lowerHand: {},
  setPreviousActionStatus: { actionId: 'old-1', status: 'done' },
  answerQuestion: { questionKey: 'leadtime', value: 4 },
  revealQuestion: { questionKey: 'leadtime' },
  resetQuestion: { questionKey: 'leadtime' },
  agreeAnswer: { questionKey: 'leadtime', value: 4 },
  answerStatement: { statementId: 'continuous-integration.1', value: 4 },
  revealStatement: { statementId: 'continuous-integration.1' },
  addCapability: { capability: 'wip-limits' },
  removeCapability: { capability: 'wip-limits' },
  addNode: { nodeId: 's1', label: 'Build', automation: 'automated', lane: 'delivery', x: 0, y: 0 },
  moveNode: { nodeId: 's1', x: 1, y: 1 },
  updateNode: { nodeId: 's1', label: 'Compile' },
  removeNode: { nodeId: 's1' },
  addEdge: { edgeId: 'e1', from: 's1', to: 's2' },
  removeEdge: { edgeId: 'e1' },
  addNote: { noteId: 'n1', nodeId: 's1', kind: 'improvement', text: 'Cache dependencies' },
  updateNote: { noteId: 'n1', text: 'Cache more' },
  removeNote: { noteId: 'n1' },
  setVotesPerPerson: { votes: 4 },
  castVote: { noteId: 'n1' },
  retractVote: { noteId: 'n1' },
  revealVotes: {},
  addAction: { actionId: 'a1', title: 'Cache dependencies', owner: 'Dana' },
  updateAction: { actionId: 'a1', status: 'done' },
  removeAction: { actionId: 'a1' },
  submitSurvey: { answers: { worthTime: 5 } },
};

const sample = (type: CommandType, actorId: string): CheckpointCommand =>
  command(type, actorId, samplePayloads[type] as never) as CheckpointCommand;

const senderOf = (type: CommandType): string =>
  getCommandRule(type).sender === 'system' ? systemActorId : facilitator;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('apply: the checks made for every command', () => {
  const people = withPeople();

  it('knows a rule for every command', () => {
    expect([...commandTypes].sort()).toEqual(Object.keys(samplePayloads).sort());
  });

  it('refuses an unknown command type and a command without actor or time', () => {
    expect(refusalOf(people, { type: 'dance', actorId: facilitator, at: testTime } as never)).toBe(
      'unknown-command',
    );
    expect(refusalOf(people, { type: 'toString', actorId: facilitator, at: testTime } as never)).toBe(
      'unknown-command',
    );
    expect(refusalOf(people, null as never)).toBe('unknown-command');
    expect(refusalOf(people, { type: 'advance', at: testTime } as never)).toBe('invalid-value');
    expect(refusalOf(people, { type: 'advance', actorId: facilitator } as never)).toBe('invalid-value');
  });

  it.each(commandTypes.filter((type) => !['newcomer', 'system'].includes(getCommandRule(type).sender)))(
    '%s from someone who has not joined is refused',
    (type) => {
      expect(refusalOf(people, sample(type, 'zed'))).toBe('unknown-participant');
    },
  );

  it.each(commandTypes.filter((type) => getCommandRule(type).sender === 'facilitator'))(
    '%s from a participant is refused: only the facilitator',
    (type) => {
      expect(refusalOf(people, sample(type, 'ann'))).toBe('not-facilitator');
    },
  );

  it.each(commandTypes.filter((type) => getCommandRule(type).sender === 'member'))(
    '%s from a viewer is refused: viewers watch only',
    (type) => {
      const phase = getCommandRule(type).phase ?? 'welcome';
      expect(refusalOf(inPhase(people, phase), sample(type, 'vic'))).toBe('viewer-cannot-take-part');
    },
  );

  it('refuses refreshMeasured from anyone but the server', () => {
    expect(refusalOf(people, sample('refreshMeasured', facilitator))).toBe('not-system');
  });

  it.each(commandTypes.filter((type) => getCommandRule(type).phase !== null))(
    '%s outside its phase is refused',
    (type) => {
      const own = getCommandRule(type).phase;
      const other = phaseIds.find((phase) => phase !== own)!;
      expect(refusalOf(inPhase(people, other), sample(type, senderOf(type)))).toBe('wrong-phase');
    },
  );

  it.each(commandTypes.filter((type) => !getCommandRule(type).whilePaused))(
    '%s while paused is refused',
    (type) => {
      const phase = getCommandRule(type).phase ?? 'metrics';
      const paused = mustApply(inPhase(people, phase), command('pause', facilitator, {}));
      expect(refusalOf(paused, sample(type, senderOf(type)))).toBe('paused');
    },
  );

  it.each(commandTypes)('%s after completion is refused', (type) => {
    const done = mustApply(people, command('complete', facilitator, {}));
    const actor = type === 'join' ? 'zed' : senderOf(type);
    expect(refusalOf(done, sample(type, actor))).toBe('completed');
  });
});

describe('apply: accepted commands', () => {
  it('increase the version by one and stamp the time; refused ones change nothing', () => {
    const start = withPeople();
    const result = apply(start, command('advance', facilitator, {}, '2025-03-04T09:05:00.000Z'));
    expect(result.ok && result.state.version).toBe(start.version + 1);
    expect(result.ok && result.state.updatedAt).toBe('2025-03-04T09:05:00.000Z');
    expect(result.ok && result.events).toEqual([
      { type: 'phaseChanged', from: 'welcome', to: 'setTheScene' },
    ]);
    expect(apply(start, command('goBack', facilitator, {}))).toEqual({
      ok: false,
      error: { code: 'no-previous-phase', message: 'welcome is the first phase' },
    });
  });

  it('never change the state they are given, and give the same state for the same commands', () => {
    fc.assert(
      fc.property(commandSequence, (commands) => {
        const start = deepFreeze(generatedCheckpoint());
        let current: CheckpointState = start;
        for (const next of commands) {
          const result = apply(current, next);
          if (result.ok) current = deepFreeze(result.state);
        }
        const again = applyAll(generatedCheckpoint(), commands);
        expect(again.at(-1)).toEqual(current);
        expect(JSON.stringify(again.at(-1))).toBe(JSON.stringify(current));
      }),
      { numRuns: 80 },
    );
  });

  it('keep the version equal to the number of accepted commands', () => {
    fc.assert(
      fc.property(commandSequence, (commands) => {
        const states = applyAll(generatedCheckpoint(), commands);
        expect(states.map((state) => state.version)).toEqual(states.map((_, index) => index));
      }),
      { numRuns: 50 },
    );
  });
});
