import { describe, expect, it } from 'vitest';
import { countLimits } from './checkInput.js';
import { defaultPrinciples } from './defaultPrinciples.js';
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

const previousActions = [
  {
    id: 'old-1',
    title: 'Speed up the build',
    owner: 'Dana',
    due: '2025-02-01',
    capability: null,
    status: 'open' as const,
  },
];

describe('meeting principles', () => {
  it('start with the default list and can be added, reworded and removed by the facilitator', () => {
    const state = withPeople();
    expect(state.welcome.principles.map((principle) => principle.text)).toEqual(defaultPrinciples);
    const edited = mustApply(
      state,
      command('addPrinciple', facilitator, { principleId: 'p-new', text: ' One conversation at a time. ' }),
      command('updatePrinciple', facilitator, { principleId: 'principle-1', text: 'Everyone speaks.' }),
      command('removePrinciple', facilitator, { principleId: 'principle-7' }),
    );
    expect(edited.welcome.principles.map((principle) => principle.text)).toEqual([
      'Everyone speaks.',
      ...defaultPrinciples.slice(1, 6),
      'One conversation at a time.',
    ]);
  });

  it('lower every hand when they change, since the group agreed to other words', () => {
    const raised = mustApply(withPeople(), command('raiseHand', 'ann', {}));
    expect(
      eventsOf(
        raised,
        command('updatePrinciple', facilitator, { principleId: 'principle-2', text: 'Plain words.' }),
      ),
    ).toEqual([
      { type: 'principlesChanged', principleId: 'principle-2', change: 'updated' },
      { type: 'handsChanged', raised: 0, everyoneAgreed: false },
    ]);
  });

  it('refuse a taken or bad id, an unknown principle, empty or long text and too many', () => {
    const state = withPeople();
    const add = (principleId: string, text = 'Text') =>
      command('addPrinciple', facilitator, { principleId, text });
    expect(refusalOf(state, add('principle-1'))).toBe('duplicate-id');
    expect(refusalOf(state, add('bad id'))).toBe('invalid-id');
    expect(refusalOf(state, add('p-new', '  '))).toBe('invalid-value');
    expect(refusalOf(state, add('p-new', 'x'.repeat(201)))).toBe('invalid-value');
    expect(
      refusalOf(state, command('updatePrinciple', facilitator, { principleId: 'nope', text: 'x' })),
    ).toBe('unknown-principle');
    expect(
      refusalOf(state, command('updatePrinciple', facilitator, { principleId: 'principle-1', text: '' })),
    ).toBe('invalid-value');
    expect(refusalOf(state, command('removePrinciple', facilitator, { principleId: 'nope' }))).toBe(
      'unknown-principle',
    );
    const full = mustApply(
      state,
      ...Array.from({ length: countLimits.principles - defaultPrinciples.length }, (_, index) =>
        add(`p${index}`),
      ),
    );
    expect(refusalOf(full, add('one-more'))).toBe('limit-reached');
  });
});

describe('show of hands', () => {
  it('counts hands up and says when everyone taking part agrees (viewers do not count)', () => {
    let state = withPeople(['ann', 'bob'], ['vic']);
    state = mustApply(state, command('raiseHand', 'ann', {}), command('raiseHand', 'bob', {}));
    expect(eventsOf(state, command('raiseHand', facilitator, {}))).toEqual([
      { type: 'handsChanged', raised: 3, everyoneAgreed: true },
    ]);
    const lowered = mustApply(state, command('lowerHand', 'bob', {}));
    expect(lowered.welcome.hands).toEqual(['ann']);
  });

  it('refuses raising a raised hand or lowering one that is down', () => {
    const state = mustApply(withPeople(), command('raiseHand', 'ann', {}));
    expect(refusalOf(state, command('raiseHand', 'ann', {}))).toBe('no-change');
    expect(refusalOf(state, command('lowerHand', 'bob', {}))).toBe('no-change');
  });
});

describe("last checkpoint's actions", () => {
  const scene = inPhase(
    mustApply(
      newCheckpoint({ previousActions }),
      command('join', 'ann', { name: 'Ann', role: 'participant' }),
    ),
    'setTheScene',
  );

  it('the facilitator records what became of each', () => {
    expect(
      eventsOf(scene, command('setPreviousActionStatus', facilitator, { actionId: 'old-1', status: 'done' })),
    ).toEqual([{ type: 'previousActionUpdated', actionId: 'old-1', status: 'done' }]);
    const state = mustApply(
      scene,
      command('setPreviousActionStatus', facilitator, { actionId: 'old-1', status: 'dropped' }),
    );
    expect(state.scene.previousActions[0]?.status).toBe('dropped');
  });

  it('refuses an unknown action, an unknown status and anyone but the facilitator', () => {
    expect(
      refusalOf(scene, command('setPreviousActionStatus', facilitator, { actionId: 'x', status: 'done' })),
    ).toBe('unknown-previous-action');
    expect(
      refusalOf(
        scene,
        command('setPreviousActionStatus', facilitator, { actionId: 'old-1', status: 'gone' as 'done' }),
      ),
    ).toBe('invalid-value');
    expect(
      refusalOf(scene, command('setPreviousActionStatus', 'ann', { actionId: 'old-1', status: 'done' })),
    ).toBe('not-facilitator');
  });
});
