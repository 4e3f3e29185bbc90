import { describe, expect, it } from 'vitest';
import { countLimits } from './checkInput.js';
import {
  command,
  eventsOf,
  facilitator,
  inPhase,
  mustApply,
  newCheckpoint,
  refusalOf,
  withPeople,
} from './testCheckpoint.js';

describe('join', () => {
  it('adds a participant by name, or a viewer', () => {
    const start = newCheckpoint();
    expect(eventsOf(start, command('join', 'ann', { name: '  Ann  ', role: 'participant' }))).toEqual([
      { type: 'participantJoined', participantId: 'ann', role: 'participant' },
    ]);
    const state = mustApply(
      start,
      command('join', 'ann', { name: '  Ann  ', role: 'participant' }),
      command('join', 'vic', { name: 'Vic', role: 'viewer' }),
    );
    expect(state.participants.slice(1)).toEqual([
      { id: 'ann', name: 'Ann', role: 'participant', status: 'joined', joinedAt: '2025-03-04T09:00:00.000Z' },
      { id: 'vic', name: 'Vic', role: 'viewer', status: 'joined', joinedAt: '2025-03-04T09:00:00.000Z' },
    ]);
  });

  it('takes someone who left back, with a new name or role', () => {
    const left = mustApply(withPeople(), command('leave', 'ann', {}));
    const back = mustApply(left, command('join', 'ann', { name: 'Annie', role: 'viewer' }));
    expect(back.participants.find((person) => person.id === 'ann')).toMatchObject({
      name: 'Annie',
      role: 'viewer',
      status: 'joined',
    });
    expect(back.participants).toHaveLength(left.participants.length);
  });

  it('refuses a bad name, role or id, the reserved id, a second join and someone removed', () => {
    const state = withPeople();
    expect(refusalOf(state, command('join', 'zed', { name: ' ', role: 'participant' }))).toBe(
      'invalid-value',
    );
    expect(refusalOf(state, command('join', 'zed', { name: 'x'.repeat(61), role: 'participant' }))).toBe(
      'invalid-value',
    );
    expect(refusalOf(state, command('join', 'zed', { name: 'Zed', role: 'boss' as 'viewer' }))).toBe(
      'invalid-value',
    );
    expect(refusalOf(state, command('join', 'no spaces', { name: 'Zed', role: 'participant' }))).toBe(
      'invalid-id',
    );
    expect(refusalOf(state, command('join', 'system', { name: 'Zed', role: 'participant' }))).toBe(
      'invalid-id',
    );
    expect(refusalOf(state, command('join', 'ann', { name: 'Ann', role: 'participant' }))).toBe(
      'already-joined',
    );
    const removed = mustApply(state, command('removeParticipant', facilitator, { participantId: 'ann' }));
    expect(refusalOf(removed, command('join', 'ann', { name: 'Ann', role: 'participant' }))).toBe('removed');
  });

  it('refuses more people than a checkpoint takes', () => {
    const ids = Array.from({ length: countLimits.participants - 1 }, (_, index) => `p${index}`);
    const full = withPeople(ids, []);
    expect(refusalOf(full, command('join', 'late', { name: 'Late', role: 'viewer' }))).toBe('limit-reached');
  });

  it('is accepted while paused', () => {
    const paused = mustApply(withPeople(), command('pause', facilitator, {}));
    expect(mustApply(paused, command('join', 'zed', { name: 'Zed', role: 'participant' })).version).toBe(
      paused.version + 1,
    );
  });
});

describe('leave', () => {
  it('marks the person as left and lowers their hand; their answers stay', () => {
    const state = mustApply(
      withPeople(),
      command('raiseHand', 'ann', {}),
      command('setPhase', facilitator, { phase: 'metrics' }),
      command('answerQuestion', 'ann', { questionKey: 'leadtime', value: 3 }),
      command('leave', 'ann', {}),
    );
    expect(state.participants.find((person) => person.id === 'ann')?.status).toBe('left');
    expect(state.welcome.hands).toEqual([]);
    expect(state.questions.leadtime?.answers).toEqual({ ann: 3 });
    expect(refusalOf(state, command('answerQuestion', 'ann', { questionKey: 'leadtime', value: 4 }))).toBe(
      'unknown-participant',
    );
  });

  it('lets a viewer leave, but not the facilitator', () => {
    expect(mustApply(withPeople(), command('leave', 'vic', {})).participants.at(-1)?.status).toBe('left');
    expect(refusalOf(withPeople(), command('leave', facilitator, {}))).toBe('facilitator-must-hand-over');
  });
});

describe('removeParticipant', () => {
  it("forgets the person's secrets but never what is revealed", () => {
    let state = inPhase(withPeople(['ann', 'bob', 'cat']), 'metrics');
    state = mustApply(
      state,
      command('answerQuestion', 'ann', { questionKey: 'leadtime', value: 3 }),
      command('answerQuestion', 'bob', { questionKey: 'leadtime', value: 3 }),
      command('answerQuestion', 'cat', { questionKey: 'leadtime', value: 3 }),
      command('revealQuestion', facilitator, { questionKey: 'leadtime' }),
      command('answerQuestion', 'ann', { questionKey: 'deployfreq', value: 2 }),
      command('answerQuestion', 'bob', { questionKey: 'deployfreq', value: 2 }),
    );
    const removed = mustApply(state, command('removeParticipant', facilitator, { participantId: 'ann' }));
    expect(removed.questions.leadtime?.answers).toEqual({ ann: 3, bob: 3, cat: 3 });
    expect(removed.questions.deployfreq?.answers).toEqual({ bob: 2 });
    expect(removed.participants.find((person) => person.id === 'ann')?.status).toBe('removed');
  });

  it('refuses removing yourself, someone unknown or someone already removed', () => {
    const state = withPeople();
    expect(refusalOf(state, command('removeParticipant', facilitator, { participantId: facilitator }))).toBe(
      'cannot-remove-self',
    );
    expect(refusalOf(state, command('removeParticipant', facilitator, { participantId: 'zed' }))).toBe(
      'unknown-participant',
    );
    const removed = mustApply(state, command('removeParticipant', facilitator, { participantId: 'ann' }));
    expect(refusalOf(removed, command('removeParticipant', facilitator, { participantId: 'ann' }))).toBe(
      'unknown-participant',
    );
  });
});

describe('handOverFacilitator', () => {
  it('makes another participant the facilitator; the former one takes part as anyone', () => {
    const state = withPeople();
    expect(eventsOf(state, command('handOverFacilitator', facilitator, { participantId: 'ann' }))).toEqual([
      { type: 'facilitatorHandedOver', from: facilitator, to: 'ann' },
    ]);
    const handed = mustApply(state, command('handOverFacilitator', facilitator, { participantId: 'ann' }));
    expect(handed.facilitatorId).toBe('ann');
    expect(refusalOf(handed, command('advance', facilitator, {}))).toBe('not-facilitator');
    expect(mustApply(handed, command('advance', 'ann', {}), command('leave', facilitator, {})).phase).toBe(
      'setTheScene',
    );
  });

  it('refuses a viewer, someone not present and yourself', () => {
    const state = mustApply(withPeople(), command('leave', 'bob', {}));
    expect(refusalOf(state, command('handOverFacilitator', facilitator, { participantId: 'vic' }))).toBe(
      'viewer-cannot-facilitate',
    );
    expect(refusalOf(state, command('handOverFacilitator', facilitator, { participantId: 'bob' }))).toBe(
      'unknown-participant',
    );
    expect(
      refusalOf(state, command('handOverFacilitator', facilitator, { participantId: facilitator })),
    ).toBe('no-change');
  });
});

describe('ids that name object properties', () => {
  it('work like any other id', () => {
    let state = mustApply(
      withPeople(['constructor'], []),
      command('setPhase', facilitator, { phase: 'metrics' }),
    );
    state = mustApply(state, command('answerQuestion', 'constructor', { questionKey: 'leadtime', value: 2 }));
    expect(state.questions.leadtime?.answers).toEqual({ constructor: 2 });
    expect(
      refusalOf(state, command('answerQuestion', 'toString', { questionKey: 'leadtime', value: 2 })),
    ).toBe('unknown-participant');
    expect(refusalOf(state, command('revealQuestion', facilitator, { questionKey: 'toString' }))).toBe(
      'unknown-question',
    );
  });
});
