import { describe, expect, it } from 'vitest';
import { createCheckpoint } from './createCheckpoint.js';
import { defaultPrinciples } from './defaultPrinciples.js';
import { newCheckpoint, testTime } from './testCheckpoint.js';

describe('createCheckpoint', () => {
  it('starts in welcome at version 0 with the facilitator in, the default principles and no answers', () => {
    const state = newCheckpoint();
    expect(state).toMatchObject({
      id: 'cp-1',
      squad: 'Payments',
      tribe: 'Money',
      edition: '2025',
      industry: 'all',
      version: 0,
      phase: 'welcome',
      paused: null,
      completedAt: null,
      createdAt: testTime,
      updatedAt: testTime,
      facilitatorId: 'fac',
      timers: {},
      addedCapabilities: [],
      statements: {},
      flow: { nodes: [], edges: [], notes: [] },
      vote: { votesPerPerson: 3, maxPerNote: 2, revealed: false, ballots: {} },
      actions: [],
      survey: {},
    });
    expect(state.participants).toEqual([
      { id: 'fac', name: 'Fay', role: 'participant', status: 'joined', joinedAt: testTime },
    ]);
    expect(state.welcome).toEqual({
      principles: defaultPrinciples.map((text, index) => ({ id: `principle-${index + 1}`, text })),
      hands: [],
    });
    expect(state.scene).toEqual({ measured: null, previousActions: [] });
  });

  it("asks the chosen edition's questions", () => {
    expect(Object.keys(newCheckpoint().questions)).toEqual([
      'leadtime',
      'deployfreq',
      'failurerecovery',
      'changefailure',
      'rework',
    ]);
    expect(Object.keys(newCheckpoint({ edition: '2019' }).questions)).toEqual([
      'leadtime',
      'deployfreq',
      'ttr',
      'chgfail',
    ]);
    expect(newCheckpoint().questions.leadtime).toEqual({ answers: {}, revealed: false, agreed: null });
  });

  it('takes the measured keys, the previous actions (as copies) and an industry', () => {
    const previousActions = [
      {
        id: 'old-1',
        title: 'Speed up the build',
        owner: null,
        due: null,
        capability: null,
        status: 'open' as const,
      },
    ];
    const measured = { from: '2025-01-01', to: '2025-03-31', bands: { leadTimeBand: 4 }, figures: [] };
    const state = newCheckpoint({ previousActions, measured, industry: 'technology' });
    expect(state.scene).toEqual({ measured, previousActions });
    expect(state.scene.previousActions[0]).not.toBe(previousActions[0]);
    expect(state.industry).toBe('technology');
  });

  it('throws on an unknown edition, which the boundary should have refused', () => {
    expect(() =>
      createCheckpoint({
        id: 'x',
        squad: 's',
        tribe: 't',
        edition: '2020' as '2019',
        facilitatorId: 'f',
        facilitatorName: 'F',
        at: testTime,
      }),
    ).toThrow(RangeError);
  });
});
