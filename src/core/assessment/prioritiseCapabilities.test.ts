import { describe, expect, it } from 'vitest';
import type { Outcome } from './assessmentProblem.js';
import type { LikertAnswer } from './likert.js';
import { prioritiseCapabilities } from './prioritiseCapabilities.js';

const answersFor = (prefix: string, values: readonly LikertAnswer[]) =>
  Object.fromEntries(values.map((value, index) => [`${prefix}.${index + 1}`, value]));

function resultOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.value;
}

const eliteAnswers = (culture: LikertAnswer, monitoring: LikertAnswer, batches: LikertAnswer) => ({
  ...answersFor('generative-organizational-culture', Array(6).fill(culture)),
  ...answersFor('monitoring-and-observability', Array(6).fill(monitoring)),
  ...answersFor('working-in-small-batches', Array(3).fill(batches)),
});

describe('prioritiseCapabilities, 2019', () => {
  it('ranks the tier capabilities by score, lowest first, lowest as key focus', () => {
    const result = resultOf(prioritiseCapabilities({ tier: 'elite' }, eliteAnswers(5, 3, 4)));
    expect(result).toMatchObject({
      method: 'tier-2019',
      edition: '2019',
      tier: 'elite',
      scale: { min: 0, max: 100 },
    });
    expect(result.ranking.map((entry) => [entry.slug, entry.score.value])).toEqual([
      ['monitoring-and-observability', 50],
      ['working-in-small-batches', 75],
      ['generative-organizational-culture', 100],
    ]);
    expect(result.keyFocus).toBe('monitoring-and-observability');
    expect(result.ranking[0]).toMatchObject({
      rank: 1,
      keyFocus: true,
      tierMean: 75,
      allRespondentsMean: 67,
    });
  });

  it('breaks a tie by (score − tier mean), ascending', () => {
    // All three score 75; tier means 85, 75, 83 → −10, 0, −8.
    const result = resultOf(
      prioritiseCapabilities({ edition: '2019', tier: 'elite' }, eliteAnswers(4, 4, 4)),
    );
    expect(result.ranking.map((entry) => entry.slug)).toEqual([
      'generative-organizational-culture',
      'working-in-small-batches',
      'monitoring-and-observability',
    ]);
    expect(result.keyFocus).toBe('generative-organizational-culture');
  });

  it('ranks another capability the team chose to assess alongside, after tied tier capabilities', () => {
    const answers = { ...eliteAnswers(4, 4, 4), ...answersFor('learning-culture', [4, 4, 4]) };
    const result = resultOf(prioritiseCapabilities({ tier: 'elite' }, answers));
    expect(result.ranking.map((entry) => [entry.slug, entry.recommended])).toEqual([
      ['generative-organizational-culture', true],
      ['working-in-small-batches', true],
      ['monitoring-and-observability', true],
      ['learning-culture', false],
    ]);
    expect(result.ranking[3]?.tierMean).toBeNull();
  });

  it('asks for the tier in 2019 and refuses one in other editions', () => {
    const missing = prioritiseCapabilities({ edition: '2019' }, {});
    expect(missing.ok ? null : missing.problems[0]).toMatchObject({
      code: 'missing-tier',
      field: 'tier',
      message: 'is required for the 2019 edition: must be one of low, medium, high, elite',
    });
    const misplaced = prioritiseCapabilities({ edition: '2023', tier: 'low' }, {});
    expect(misplaced.ok ? null : misplaced.problems[0]?.code).toBe('tier-not-in-edition');
    const unknown = prioritiseCapabilities({ tier: 'superb' }, {});
    expect(unknown.ok ? null : unknown.problems[0]?.message).toBe('must be one of low, medium, high, elite');
  });
});

describe('prioritiseCapabilities, 2021 onwards', () => {
  const trio = {
    ...answersFor('continuous-integration', [5, 5, 5, 5, 5]),
    ...answersFor('loosely-coupled-teams', [1, 1, 1, 1, 1, 1]),
    ...answersFor('generative-organizational-culture', [3, 3, 3, 3, 3, 3]),
  };

  it('scores the fixed trio 0–10 and ranks it, lowest first', () => {
    const result = resultOf(prioritiseCapabilities({ edition: '2021' }, trio));
    expect(result).toMatchObject({ method: 'fixed-trio', tier: null, scale: { min: 0, max: 10 } });
    expect(result.ranking.map((entry) => [entry.slug, entry.score.display])).toEqual([
      ['loosely-coupled-teams', '0.0'],
      ['generative-organizational-culture', '5.0'],
      ['continuous-integration', '10.0'],
    ]);
    expect(result.keyFocus).toBe('loosely-coupled-teams');
  });

  it('uses the current edition when none is given', () => {
    expect(resultOf(prioritiseCapabilities({}, trio)).edition).toBe('2025');
  });

  it('scores a reverse-scored capability the team adds', () => {
    const answers = { ...trio, ...answersFor('streamlining-change-approval', [5, 5, 5, 5, 5, 5]) };
    const result = resultOf(prioritiseCapabilities({ edition: '2025' }, answers));
    const approval = result.ranking.find((entry) => entry.slug === 'streamlining-change-approval');
    expect(approval?.score.value).toBe(5);
    expect(approval?.recommended).toBe(false);
  });

  it('names unanswered, unknown and invalid statements', () => {
    const { 'continuous-integration.5': _dropped, ...rest } = trio;
    const outcome = prioritiseCapabilities(
      { edition: '2022' },
      { ...rest, 'loosely-coupled-teams.2': 6, 'made-up.1': 3 },
    );
    expect(outcome.ok ? [] : outcome.problems.map((problem) => [problem.code, problem.field])).toEqual([
      ['invalid-statement-answer', 'answers.loosely-coupled-teams.2'],
      ['unknown-statement', 'answers.made-up.1'],
      ['missing-statement-answer', 'answers.continuous-integration.5'],
    ]);
    const invalid = outcome.ok ? undefined : outcome.problems[0];
    expect(invalid?.message).toBe('must be an integer from 1 (strongly disagree) to 5 (strongly agree)');
  });
});
