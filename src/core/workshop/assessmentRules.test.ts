import { describe, expect, it } from 'vitest';
import { listStatements } from '../assessment/index.js';
import { countLimits } from './checkInput.js';
import type { CheckpointState } from './checkpointState.js';
import { getPrioritisation, getSquadAnswer, listAssessedCapabilities } from './getPrioritisation.js';
import { getQuickCheckResult } from './getQuickCheckResult.js';
import {
  command,
  eventsOf,
  facilitator,
  inPhase,
  mustApply,
  refusalOf,
  withPeople,
} from './testCheckpoint.js';

const people = ['ann', 'bob', 'cat'];
const metrics = inPhase(withPeople(people), 'metrics');
const capabilities = inPhase(withPeople(people), 'capabilities');

const agreeAll = (state: CheckpointState, answers: Record<string, number>) =>
  mustApply(
    state,
    ...Object.entries(answers).map(([questionKey, value]) =>
      command('agreeAnswer', facilitator, { questionKey, value }),
    ),
  );

/** Every person answers every statement of `capability` with their value, then it is revealed. */
function answerCapability(state: CheckpointState, capability: string, values: Record<string, number>) {
  const ids = listStatements(capability as never).map((statement) => statement.id);
  return mustApply(
    state,
    ...ids.flatMap((statementId) =>
      Object.entries(values).map(([person, value]) =>
        command('answerStatement', person, { statementId, value }),
      ),
    ),
    ...ids.map((statementId) => command('revealStatement', facilitator, { statementId })),
  );
}

describe('answering the four keys', () => {
  it('records an answer privately; it can change until the reveal', () => {
    expect(
      eventsOf(metrics, command('answerQuestion', 'ann', { questionKey: 'leadtime', value: 3 })),
    ).toEqual([{ type: 'answerCounted', target: 'question', key: 'leadtime', answered: 1 }]);
    const state = mustApply(
      metrics,
      command('answerQuestion', 'ann', { questionKey: 'leadtime', value: 3 }),
      command('answerQuestion', 'ann', { questionKey: 'leadtime', value: 4 }),
      command('answerQuestion', facilitator, { questionKey: 'changefailure', value: 12.5 }),
    );
    expect(state.questions.leadtime?.answers).toEqual({ ann: 4 });
    expect(state.questions.changefailure?.answers).toEqual({ fac: 12.5 });
  });

  it('refuses a question the edition does not ask and an answer out of range', () => {
    expect(refusalOf(metrics, command('answerQuestion', 'ann', { questionKey: 'ttr', value: 3 }))).toBe(
      'unknown-question',
    );
    expect(
      refusalOf(metrics, command('answerQuestion', 'ann', { questionKey: 'constructor', value: 3 })),
    ).toBe('unknown-question');
    for (const value of [0, 7, 2.5, Number.NaN]) {
      expect(refusalOf(metrics, command('answerQuestion', 'ann', { questionKey: 'leadtime', value }))).toBe(
        'answer-out-of-range',
      );
    }
    for (const value of [-1, 100.5]) {
      expect(refusalOf(metrics, command('answerQuestion', 'ann', { questionKey: 'rework', value }))).toBe(
        'answer-out-of-range',
      );
    }
  });

  it('reveals with three answers; then answers are closed and a second reveal is refused', () => {
    const answered = mustApply(
      metrics,
      ...people.map((person) => command('answerQuestion', person, { questionKey: 'leadtime', value: 3 })),
    );
    const reveal = command('revealQuestion', facilitator, { questionKey: 'leadtime' });
    expect(eventsOf(answered, reveal)).toEqual([{ type: 'revealed', target: 'question', key: 'leadtime' }]);
    const revealed = mustApply(answered, reveal);
    expect(refusalOf(revealed, reveal)).toBe('already-revealed');
    expect(
      refusalOf(revealed, command('answerQuestion', facilitator, { questionKey: 'leadtime', value: 2 })),
    ).toBe('already-revealed');
  });

  it('refuses a reveal with no answers, with too few, or of an unknown question', () => {
    const reveal = command('revealQuestion', facilitator, { questionKey: 'leadtime' });
    expect(refusalOf(metrics, reveal)).toBe('nothing-to-reveal');
    const two = mustApply(
      metrics,
      command('answerQuestion', 'ann', { questionKey: 'leadtime', value: 3 }),
      command('answerQuestion', 'bob', { questionKey: 'leadtime', value: 3 }),
    );
    expect(refusalOf(two, reveal)).toBe('too-few-answers');
    expect(refusalOf(two, command('revealQuestion', facilitator, { questionKey: 'nope' }))).toBe(
      'unknown-question',
    );
  });

  it('resets a question to answer it again after a discussion', () => {
    const revealed = mustApply(
      metrics,
      ...people.map((person) => command('answerQuestion', person, { questionKey: 'leadtime', value: 3 })),
      command('revealQuestion', facilitator, { questionKey: 'leadtime' }),
      command('agreeAnswer', facilitator, { questionKey: 'leadtime', value: 3 }),
    );
    const reset = mustApply(revealed, command('resetQuestion', facilitator, { questionKey: 'leadtime' }));
    expect(reset.questions.leadtime).toEqual({ answers: {}, revealed: false, agreed: 3 });
    expect(refusalOf(revealed, command('resetQuestion', facilitator, { questionKey: 'nope' }))).toBe(
      'unknown-question',
    );
  });

  it('records the agreed answer, which can be cleared; refuses one out of range', () => {
    const state = mustApply(
      metrics,
      command('agreeAnswer', facilitator, { questionKey: 'rework', value: 10 }),
    );
    expect(state.questions.rework?.agreed).toBe(10);
    expect(
      mustApply(state, command('agreeAnswer', facilitator, { questionKey: 'rework', value: null })).questions
        .rework?.agreed,
    ).toBeNull();
    expect(
      refusalOf(metrics, command('agreeAnswer', facilitator, { questionKey: 'leadtime', value: 9 })),
    ).toBe('answer-out-of-range');
    expect(refusalOf(metrics, command('agreeAnswer', facilitator, { questionKey: 'ttr', value: 3 }))).toBe(
      'unknown-question',
    );
  });

  it('scores the agreed answers once all are agreed (2025: scores 0–10)', () => {
    const partial = agreeAll(metrics, { leadtime: 6, deployfreq: 6, failurerecovery: 6, changefailure: 0 });
    expect(getQuickCheckResult(partial)).toBeNull();
    const result = getQuickCheckResult(agreeAll(partial, { rework: 0 }));
    expect(result?.method === 'score' && result.scores.overall.display).toBe('10.0');
  });

  it('gives the 2019 tier and so its capabilities', () => {
    const state = inPhase(withPeople(people, [], { edition: '2019' }), 'metrics');
    const agreed = agreeAll(state, { leadtime: 4, deployfreq: 4, ttr: 5, chgfail: 4 });
    const result = getQuickCheckResult(agreed);
    expect(result?.method === 'tier' && result.tier).toBe('medium');
    expect(listAssessedCapabilities(state)).toEqual([]);
    expect(listAssessedCapabilities(agreed).map((entry) => entry.slug)).toEqual([
      'continuous-integration',
      'continuous-delivery',
      'loosely-coupled-teams',
    ]);
  });
});

describe('capabilities', () => {
  it('answers statements of the recommended capabilities privately, then reveals them', () => {
    const statementId = 'continuous-integration.1';
    const state = mustApply(
      capabilities,
      ...people.map((person, index) => command('answerStatement', person, { statementId, value: index + 2 })),
    );
    expect(state.statements[statementId]).toEqual({ answers: { ann: 2, bob: 3, cat: 4 }, revealed: false });
    const revealed = mustApply(state, command('revealStatement', facilitator, { statementId }));
    expect(revealed.statements[statementId]?.revealed).toBe(true);
    expect(refusalOf(revealed, command('revealStatement', facilitator, { statementId }))).toBe(
      'already-revealed',
    );
    expect(refusalOf(revealed, command('answerStatement', 'ann', { statementId, value: 5 }))).toBe(
      'already-revealed',
    );
  });

  it('refuses an unknown statement, one not assessed, an answer out of 1–5 and an early reveal', () => {
    const answer = (statementId: string, value: number) =>
      command('answerStatement', 'ann', { statementId, value });
    expect(refusalOf(capabilities, answer('nope.1', 3))).toBe('unknown-statement');
    expect(refusalOf(capabilities, answer('wip-limits.1', 3))).toBe('capability-not-assessed');
    expect(refusalOf(capabilities, answer('continuous-integration.1', 6))).toBe('answer-out-of-range');
    expect(refusalOf(capabilities, answer('continuous-integration.1', 0))).toBe('answer-out-of-range');
    expect(
      refusalOf(
        capabilities,
        command('revealStatement', facilitator, { statementId: 'continuous-integration.1' }),
      ),
    ).toBe('nothing-to-reveal');
    expect(
      refusalOf(capabilities, command('revealStatement', facilitator, { statementId: 'wip-limits.1' })),
    ).toBe('capability-not-assessed');
    const one = mustApply(capabilities, answer('continuous-integration.1', 3));
    expect(
      refusalOf(one, command('revealStatement', facilitator, { statementId: 'continuous-integration.1' })),
    ).toBe('too-few-answers');
  });

  it('2019: nothing is assessed until the tier is known', () => {
    const state = inPhase(withPeople(people, [], { edition: '2019' }), 'capabilities');
    expect(
      refusalOf(
        state,
        command('answerStatement', 'ann', { statementId: 'continuous-integration.1', value: 3 }),
      ),
    ).toBe('capability-not-assessed');
    expect(getPrioritisation(state)).toEqual({
      prioritisation: null,
      unrevealedStatements: [],
      needsTier: true,
    });
  });

  it('adds a capability that has statements, and removes it again', () => {
    expect(
      eventsOf(capabilities, command('addCapability', facilitator, { capability: 'wip-limits' })),
    ).toEqual([{ type: 'capabilityAdded', capability: 'wip-limits' }]);
    const added = mustApply(
      capabilities,
      command('addCapability', facilitator, { capability: 'wip-limits' }),
    );
    expect(listAssessedCapabilities(added).at(-1)).toEqual({ slug: 'wip-limits', recommended: false });
    expect(
      mustApply(added, command('answerStatement', 'ann', { statementId: 'wip-limits.1', value: 2 })).version,
    ).toBe(added.version + 1);
    const removed = mustApply(added, command('removeCapability', facilitator, { capability: 'wip-limits' }));
    expect(removed.addedCapabilities).toEqual([]);
  });

  it('refuses adding an unknown capability, one without statements, one assessed, too many; removing one not added', () => {
    const add = (capability: string) =>
      command('addCapability', facilitator, { capability: capability as never });
    expect(refusalOf(capabilities, add('juggling'))).toBe('unknown-capability');
    expect(refusalOf(capabilities, add('visual-management'))).toBe('capability-without-statements');
    expect(refusalOf(capabilities, add('continuous-integration'))).toBe('capability-already-assessed');
    const withStatements = [
      'version-control',
      'trunk-based-development',
      'continuous-delivery',
      'test-automation',
      'code-maintainability',
      'monitoring-and-observability',
      'wip-limits',
      'working-in-small-batches',
      'learning-culture',
      'streamlining-change-approval',
    ];
    const full = mustApply(capabilities, ...withStatements.map(add));
    expect(refusalOf(full, add('flexible-infrastructure'))).toBe('limit-reached');
    expect(full.addedCapabilities).toHaveLength(countLimits.addedCapabilities);
    expect(
      refusalOf(
        capabilities,
        command('removeCapability', facilitator, { capability: 'continuous-integration' }),
      ),
    ).toBe('capability-not-added');
    expect(
      refusalOf(capabilities, command('removeCapability', facilitator, { capability: 'x' as never })),
    ).toBe('unknown-capability');
  });

  it('ranks the capabilities from the median answers once every statement is revealed', () => {
    let state = answerCapability(capabilities, 'continuous-integration', { ann: 2, bob: 3, cat: 4 });
    expect(getPrioritisation(state).prioritisation).toBeNull();
    state = answerCapability(state, 'loosely-coupled-teams', { ann: 4, bob: 4, cat: 5 });
    state = answerCapability(state, 'generative-organizational-culture', { ann: 5, bob: 5, cat: 1 });
    const { prioritisation, unrevealedStatements } = getPrioritisation(state);
    expect(unrevealedStatements).toEqual([]);
    expect(prioritisation?.ranking.map((entry) => [entry.slug, entry.score.display, entry.keyFocus])).toEqual(
      [
        ['continuous-integration', '5.0', true],
        ['loosely-coupled-teams', '7.5', false],
        ['generative-organizational-culture', '10.0', false],
      ],
    );
    expect(prioritisation?.keyFocus).toBe('continuous-integration');
  });
});

describe('getSquadAnswer', () => {
  it('takes the median, the mean of the middle two rounded half up for an even count', () => {
    expect(getSquadAnswer([])).toBeNull();
    expect(getSquadAnswer([5, 1, 3])).toBe(3);
    expect(getSquadAnswer([2, 3])).toBe(3);
    expect(getSquadAnswer([1, 1, 4, 5])).toBe(3);
    expect(getSquadAnswer([1, 2, 2, 5])).toBe(2);
  });
});
