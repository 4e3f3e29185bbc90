import { describe, expect, it } from 'vitest';
import { maxTimerSeconds } from './agendaRules.js';
import { systemActorId } from './checkpointCommand.js';
import { phaseIds } from './phases.js';
import {
  command,
  eventsOf,
  facilitator,
  inPhase,
  mustApply,
  refusalOf,
  withPeople,
} from './testCheckpoint.js';

const later = '2025-03-04T10:30:00.000Z';

describe('moving between phases', () => {
  it('advances through every phase in agenda order, and no further', () => {
    let state = withPeople();
    const seen = [state.phase];
    for (let step = 1; step < phaseIds.length; step += 1) {
      state = mustApply(state, command('advance', facilitator, {}));
      seen.push(state.phase);
    }
    expect(seen).toEqual([...phaseIds]);
    expect(refusalOf(state, command('advance', facilitator, {}))).toBe('no-next-phase');
  });

  it('goes back one phase at a time, and not before welcome', () => {
    let state = inPhase(withPeople(), 'survey');
    const seen = [state.phase];
    for (let step = 1; step < phaseIds.length; step += 1) {
      state = mustApply(state, command('goBack', facilitator, {}));
      seen.push(state.phase);
    }
    expect(seen).toEqual([...phaseIds].reverse());
    expect(refusalOf(state, command('goBack', facilitator, {}))).toBe('no-previous-phase');
  });

  it('jumps to any phase, but not to the current one or an unknown one', () => {
    const state = withPeople();
    expect(eventsOf(state, command('setPhase', facilitator, { phase: 'vote' }))).toEqual([
      { type: 'phaseChanged', from: 'welcome', to: 'vote' },
    ]);
    expect(refusalOf(state, command('setPhase', facilitator, { phase: 'welcome' }))).toBe('same-phase');
    expect(refusalOf(state, command('setPhase', facilitator, { phase: 'lunch' as 'vote' }))).toBe(
      'invalid-value',
    );
  });
});

describe('pause and resume', () => {
  it('pauses after a phase and resumes later in the phase chosen', () => {
    const state = inPhase(withPeople(), 'metrics');
    expect(eventsOf(state, command('pause', facilitator, { resumePhase: 'capabilities' }))).toEqual([
      { type: 'paused', phase: 'metrics', resumePhase: 'capabilities' },
    ]);
    const paused = mustApply(state, command('pause', facilitator, { resumePhase: 'capabilities' }));
    expect(paused.paused).toEqual({ at: '2025-03-04T09:00:00.000Z', resumePhase: 'capabilities' });
    expect(refusalOf(paused, command('pause', facilitator, {}))).toBe('paused');
    expect(eventsOf(paused, command('resume', facilitator, {}, later))).toEqual([
      { type: 'resumed', phase: 'capabilities' },
      { type: 'phaseChanged', from: 'metrics', to: 'capabilities' },
    ]);
    const resumed = mustApply(paused, command('resume', facilitator, {}, later));
    expect(resumed).toMatchObject({ phase: 'capabilities', paused: null, updatedAt: later });
  });

  it('resumes in the same phase by default, and refuses to resume when not paused', () => {
    const state = inPhase(withPeople(), 'vote');
    const resumed = mustApply(state, command('pause', facilitator, {}), command('resume', facilitator, {}));
    expect(resumed.phase).toBe('vote');
    expect(refusalOf(state, command('resume', facilitator, {}))).toBe('not-paused');
    expect(refusalOf(state, command('pause', facilitator, { resumePhase: 'tea' as 'vote' }))).toBe(
      'invalid-value',
    );
  });

  it('stops the timer of the phase it pauses in', () => {
    const state = mustApply(withPeople(), command('startTimer', facilitator, { durationSeconds: 300 }));
    expect(mustApply(state, command('pause', facilitator, {})).timers).toEqual({});
  });
});

describe('timers', () => {
  it('start per phase with a duration and the time started, restart, and stop', () => {
    const state = mustApply(withPeople(), command('startTimer', facilitator, { durationSeconds: 600 }));
    expect(state.timers).toEqual({
      welcome: { durationSeconds: 600, startedAt: '2025-03-04T09:00:00.000Z' },
    });
    const restarted = mustApply(state, command('startTimer', facilitator, { durationSeconds: 60 }, later));
    expect(restarted.timers.welcome).toEqual({ durationSeconds: 60, startedAt: later });
    const moved = mustApply(restarted, command('advance', facilitator, {}));
    expect(refusalOf(moved, command('stopTimer', facilitator, {}))).toBe('no-timer');
    const back = mustApply(moved, command('goBack', facilitator, {}), command('stopTimer', facilitator, {}));
    expect(back.timers).toEqual({});
  });

  it('refuses a duration that is not a whole number of seconds up to four hours', () => {
    const state = withPeople();
    for (const durationSeconds of [0, -5, 1.5, maxTimerSeconds + 1, Number.NaN]) {
      expect(refusalOf(state, command('startTimer', facilitator, { durationSeconds }))).toBe('invalid-value');
    }
  });
});

describe('complete', () => {
  it('ends the checkpoint, even while paused; nothing is accepted after', () => {
    const paused = mustApply(inPhase(withPeople(), 'survey'), command('pause', facilitator, {}));
    expect(eventsOf(paused, command('complete', facilitator, {}, later))).toEqual([
      { type: 'completed', at: later },
    ]);
    const done = mustApply(paused, command('complete', facilitator, {}, later));
    expect(done).toMatchObject({ completedAt: later, paused: null, timers: {} });
    expect(refusalOf(done, command('complete', facilitator, {}))).toBe('completed');
  });
});

describe('refreshMeasured', () => {
  const measured = { from: '2025-01-01', to: '2025-03-31', bands: { leadTimeBand: 5 }, figures: [] };

  it('replaces the measured keys, from the server only, in any phase and while paused', () => {
    const paused = mustApply(inPhase(withPeople(), 'actions'), command('pause', facilitator, {}));
    const state = mustApply(paused, command('refreshMeasured', systemActorId, { measured }));
    expect(state.scene.measured).toEqual(measured);
  });

  it('refuses something that is not measured keys', () => {
    expect(
      refusalOf(
        withPeople(),
        command('refreshMeasured', systemActorId, { measured: { from: 'x' } as never }),
      ),
    ).toBe('invalid-value');
  });
});
