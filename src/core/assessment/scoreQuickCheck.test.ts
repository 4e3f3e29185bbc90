import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssessmentProblem, Outcome } from './assessmentProblem.js';
import { scoreQuickCheck } from './scoreQuickCheck.js';

function resultOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`unexpected problems: ${JSON.stringify(outcome.problems)}`);
  return outcome.value;
}

function problemsOf<T>(outcome: Outcome<T>): AssessmentProblem[] {
  if (outcome.ok) throw new Error('expected problems');
  return outcome.problems;
}

const classic = (leadtime: number, deployfreq: number, ttr: number, chgfail: number) => ({
  leadtime,
  deployfreq,
  ttr,
  chgfail,
});

describe('scoreQuickCheck 2019', () => {
  it('gives the API example {6, 6, 5, 5}: elite, better than 89 %', () => {
    const result = resultOf(scoreQuickCheck('2019', classic(6, 6, 5, 5)));
    expect(result).toMatchObject({ method: 'tier', average: 5.5, tier: 'elite', percentile: 89 });
    expect(result.tierColour).toBe('#0D652D');
    expect(result.recommendedCapabilities).toEqual([
      'generative-organizational-culture',
      'monitoring-and-observability',
      'working-in-small-batches',
    ]);
  });

  it.each([
    [classic(3, 3, 3, 3), 3, 'low', 11],
    [classic(3, 4, 3, 4), 3.5, 'low', 23],
    [classic(4, 4, 4, 4), 4, 'medium', 40],
    [classic(5, 5, 5, 5), 5, 'high', 77],
    [classic(6, 5, 6, 5), 5.5, 'elite', 89],
    [classic(6, 6, 6, 6), 6, 'elite', 96],
  ] as const)('answers %o: average %d, tier %s, percentile %d', (answers, average, tier, percentile) => {
    expect(resultOf(scoreQuickCheck('2019', answers))).toMatchObject({ average, tier, percentile });
  });

  it('puts real answer combinations on each side of the tier boundaries', () => {
    const tierOf = (answers: ReturnType<typeof classic>) => resultOf(scoreQuickCheck('2019', answers)).tier;
    expect(tierOf(classic(4, 3, 4, 3))).toBe('low'); // 3.5
    expect(tierOf(classic(4, 4, 4, 3))).toBe('medium'); // 3.75
    expect(tierOf(classic(5, 4, 4, 4))).toBe('medium'); // 4.25
    expect(tierOf(classic(4, 4, 5, 5))).toBe('high'); // 4.5
    expect(tierOf(classic(5, 5, 5, 5))).toBe('high'); // 5.0
    expect(tierOf(classic(5, 5, 5, 6))).toBe('elite'); // 5.25
  });

  it('recommends the three capabilities of the tier', () => {
    expect(resultOf(scoreQuickCheck('2019', classic(2, 2, 2, 2))).recommendedCapabilities).toEqual([
      'test-automation',
      'flexible-infrastructure',
      'code-maintainability',
    ]);
    expect(resultOf(scoreQuickCheck('2019', classic(4, 4, 4, 4))).recommendedCapabilities).toEqual([
      'continuous-integration',
      'continuous-delivery',
      'loosely-coupled-teams',
    ]);
    expect(resultOf(scoreQuickCheck('2019', classic(5, 5, 5, 5))).recommendedCapabilities).toEqual([
      'learning-culture',
      'wip-limits',
      'trunk-based-development',
    ]);
  });

  it('compares with the industry baseline on the 0–100 scale', () => {
    const result = resultOf(scoreQuickCheck('2019', classic(6, 6, 5, 5), { industry: 'technology' }));
    expect(result.industryComparison.scale).toBe('percent');
    expect(result.industryComparison.industry).toEqual({ key: 'technology', name: 'Technology' });
    expect(result.industryComparison.lines).toEqual([
      { key: 'leadtime', answer: 6, yours: 100, baseline: 51, difference: 49 },
      { key: 'deployfreq', answer: 6, yours: 100, baseline: 51, difference: 49 },
      { key: 'ttr', answer: 5, yours: 80, baseline: 78, difference: 2 },
      { key: 'chgfail', answer: 5, yours: 80, baseline: 90, difference: -10 },
    ]);
  });

  it('compares with all industries by default', () => {
    const result = resultOf(scoreQuickCheck('2019', classic(1, 1, 1, 1)));
    expect(result.industryComparison.industry.key).toBe('all');
    expect(result.industryComparison.lines.map((line) => line.baseline)).toEqual([50, 49, 78, 88]);
  });
});

describe('scoreQuickCheck 2021 and 2022', () => {
  it('gives a percentile only, with the fixed trio', () => {
    const result = resultOf(scoreQuickCheck('2021', classic(6, 6, 5, 5)));
    expect(result.method).toBe('percentile');
    expect(result).not.toHaveProperty('tier');
    // round(100·Φ((5.5 − 3.9495)/1.0547)) = round(92.92…)
    expect(result.percentile).toBe(93);
    expect(result.recommendedCapabilities).toEqual([
      'continuous-integration',
      'loosely-coupled-teams',
      'generative-organizational-culture',
    ]);
  });

  it('uses the 2022 model and baselines on the answer scale', () => {
    const result = resultOf(scoreQuickCheck('2022', classic(4, 4, 4, 4), { industry: 'insurance' }));
    // round(100·Φ((4 − 3.8187)/1.0642)) = round(56.76…)
    expect(result.percentile).toBe(57);
    expect(result.industryComparison.scale).toBe('answer');
    expect(result.industryComparison.lines.map((line) => line.baseline)).toEqual([3.08, 2.79, 3.71, 3.97]);
    expect(result.industryComparison.lines[0]).toMatchObject({ yours: 4, difference: 0.92 });
  });
});

describe('scoreQuickCheck 2023 onwards', () => {
  const best2023 = { leadtime: 6, deployfreq: 6, failurerecovery: 6, changefailure: 0 };

  it.each(['2023', '2024'] as const)('scores all best answers 10.0 (%s)', (edition) => {
    const { scores } = resultOf(scoreQuickCheck(edition, best2023));
    expect(scores.overall.display).toBe('10.0');
    expect(scores.throughput.value).toBe(10);
    expect(scores.stability.value).toBe(10);
  });

  it('scores all best answers 10.0 in 2025', () => {
    const { scores } = resultOf(scoreQuickCheck('2025', { ...best2023, rework: 0 }));
    expect(scores.metrics.map((metric) => metric.score.display)).toEqual([
      '10.0',
      '10.0',
      '10.0',
      '10.0',
      '10.0',
    ]);
    expect(scores.overall.display).toBe('10.0');
  });

  it('scores a change failure of 50 % as 5.0', () => {
    const { scores } = resultOf(scoreQuickCheck('2023', { ...best2023, changefailure: 50 }));
    expect(scores.metrics.find((metric) => metric.key === 'changefailure')!.score.display).toBe('5.0');
    expect(scores.stability.value).toBe(5);
    expect(scores.overall.value).toBe(8.75);
    expect(scores.overall.display).toBe('8.8');
  });

  it('computes throughput and stability as each edition defines them', () => {
    const answers = { leadtime: 4, deployfreq: 3, failurerecovery: 5, changefailure: 20, rework: 40 };
    const { scores } = resultOf(scoreQuickCheck('2025', answers));
    // lead 6, deploy 4, recovery 8, change fail 8, rework 6
    expect(scores.throughput.value).toBeCloseTo(6, 12);
    expect(scores.stability.value).toBeCloseTo(7, 12);
    expect(scores.overall.value).toBeCloseTo(6.4, 12);
    const { rework, ...four } = answers;
    const { scores: scores2024 } = resultOf(scoreQuickCheck('2024', four));
    expect(scores2024.throughput.value).toBeCloseTo(6, 12);
    expect(scores2024.stability.value).toBeCloseTo(8, 12);
    expect(rework).toBe(40);
    expect(problemsOf(scoreQuickCheck('2024', answers))).toEqual([
      expect.objectContaining({ code: 'unknown-answer', field: 'answers.rework' }),
    ]);
  });

  it('keeps the unrounded value beside the one-decimal display', () => {
    const { scores } = resultOf(
      scoreQuickCheck('2023', { leadtime: 2, deployfreq: 3, failurerecovery: 3, changefailure: 33.3 }),
    );
    // 2, 4, 4, 6.67 → 4.1675
    expect(scores.overall.value).toBeCloseTo(4.1675, 12);
    expect(scores.overall.rounded).toBe(4.2);
    expect(scores.overall.display).toBe('4.2');
  });

  it('recomputes the 2025 overall benchmark from the metric means: 6.72 for all industries', () => {
    const { benchmark } = resultOf(scoreQuickCheck('2025', { ...best2023, rework: 0 }));
    const overall = benchmark.industry.lines.find((line) => line.key === 'overall')!;
    // mean(5.5, 4.8, 7.4, 10 − 1.9, 10 − 2.2)
    expect(overall.benchmark).toEqual({
      mean: 6.72,
      sd: null,
      published: null,
      inverted: false,
      recomputed: true,
    });
    expect(overall.position).toBeNull();
  });

  it('shows "higher is worse" columns as 10 − mean', () => {
    const { benchmark } = resultOf(
      scoreQuickCheck('2025', { ...best2023, rework: 0 }, { industry: 'financial_services' }),
    );
    const line = (key: string) => benchmark.industry.lines.find((entry) => entry.key === key)!;
    expect(line('changefailure').benchmark).toMatchObject({ mean: 8.3, sd: 2.1, inverted: true });
    expect(line('rework').benchmark).toMatchObject({ mean: 8.1, sd: 1.9, inverted: true });
    expect(line('stability').benchmark).toMatchObject({ mean: 8.2, sd: 1.8, inverted: true });
    expect(line('throughput').benchmark).toMatchObject({ mean: 6.1, sd: 1.9, inverted: false });
    expect(line('leadtime').benchmark).toMatchObject({ mean: 5.4, sd: 2.3, inverted: false });
    expect(benchmark.industry.row.name).toBe('Financial Services');
  });

  it('uses 2023 change failure as published and inverts 2024', () => {
    const cf = (edition: '2023' | '2024') =>
      resultOf(scoreQuickCheck(edition, best2023)).benchmark.industry.lines.find(
        (line) => line.key === 'changefailure',
      )!.benchmark;
    expect(cf('2023')).toMatchObject({ mean: 7.8, sd: 2.4, inverted: false });
    expect(cf('2024')).toMatchObject({ mean: 8.3, sd: 2.0, inverted: true });
  });

  it('uses the published 2023/2024 overall and recomputes what is not published', () => {
    const { benchmark } = resultOf(scoreQuickCheck('2024', best2023, { industry: 'consumer' }));
    const line = (key: string) => benchmark.industry.lines.find((entry) => entry.key === key)!;
    expect(line('overall').benchmark).toMatchObject({ mean: 7.3, sd: 1.7, recomputed: false });
    expect(line('throughput').benchmark).toMatchObject({ mean: 6.7, sd: null, recomputed: true });
    expect(line('stability').benchmark).toMatchObject({ mean: 8.5, sd: 1.6, recomputed: true });
  });

  it('places scores against mean ± 1 sd', () => {
    const answers = { leadtime: 1, deployfreq: 4, failurerecovery: 6, changefailure: 25 };
    const { benchmark } = resultOf(scoreQuickCheck('2023', answers));
    const position = (key: string) => benchmark.industry.lines.find((line) => line.key === key)!.position;
    expect(position('leadtime')).toBe('below'); // 0 vs 5.2 ± 2.6
    expect(position('deployfreq')).toBe('within'); // 6 vs 5.2 ± 2.8
    expect(position('failurerecovery')).toBe('above'); // 10 vs 7.1 ± 2.5
  });

  it('compares with the organisation size in 2024 and 2025, accepting DORA keys as aliases', () => {
    const bySize = resultOf(scoreQuickCheck('2024', best2023, { organisationSize: 'fewer_than_00002' }));
    expect(bySize.benchmark.organisationSize?.row).toEqual({
      key: 'solo',
      doraKey: 'fewer_than_00002',
      name: 'Just me - I am a freelancer or sole proprietor',
    });
    const cf = bySize.benchmark.organisationSize!.lines.find((line) => line.key === 'changefailure')!;
    expect(cf.benchmark).toMatchObject({ mean: 6.3, sd: 3.3, inverted: true });
    expect(resultOf(scoreQuickCheck('2024', best2023)).benchmark.organisationSize).toBeNull();
  });

  it('flags the 2025 organisation-size recovery column with a caution', () => {
    const result = resultOf(scoreQuickCheck('2025', { ...best2023, rework: 0 }, { organisationSize: 'all' }));
    const size = result.benchmark.organisationSize!;
    const recovery = size.lines.find((line) => line.key === 'failurerecovery')!;
    expect(recovery.benchmark).toMatchObject({
      mean: 7.4,
      sd: 2.1,
      inverted: true,
      published: { mean: 2.6, sd: 2.1 },
    });
    expect(recovery.caution).toMatch(/recovery time/);
    expect(size.cautions).toHaveLength(1);
    expect(size.lines.find((line) => line.key === 'overall')!.caution).toBe(recovery.caution);
    expect(size.lines.find((line) => line.key === 'overall')!.benchmark?.mean).toBe(6.72);
    expect(size.lines.find((line) => line.key === 'leadtime')!.caution).toBeNull();
    expect(result.benchmark.industry.cautions).toEqual([]);
  });

  it('offers the nearest 2023/2024 report cluster, labelled as ours, and none in 2025', () => {
    const result = resultOf(
      scoreQuickCheck('2023', { leadtime: 4, deployfreq: 4, failurerecovery: 5, changefailure: 10 }),
    );
    expect(result.nearestCluster).toMatchObject({ report: '2023', tier: 'high', distance: 0 });
    expect(result.nearestCluster?.label).toBe('Nearest cluster of the 2023 report');
    expect(result.nearestCluster?.disclaimer).toMatch(/not a classification made by DORA/);
    expect(resultOf(scoreQuickCheck('2025', { ...best2023, rework: 0 })).nearestCluster).toBeNull();
  });

  it('recommends the fixed trio', () => {
    expect(resultOf(scoreQuickCheck('2025', { ...best2023, rework: 0 })).recommendedCapabilities).toEqual([
      'continuous-integration',
      'loosely-coupled-teams',
      'generative-organizational-culture',
    ]);
  });

  it.each(['2023', '2024', '2025'] as const)('keeps every score within 0–10 (%s)', (edition) => {
    fc.assert(
      fc.property(
        fc.record({
          leadtime: fc.integer({ min: 1, max: 6 }),
          deployfreq: fc.integer({ min: 1, max: 6 }),
          failurerecovery: fc.integer({ min: 1, max: 6 }),
          changefailure: fc.double({ min: 0, max: 100, noNaN: true }),
          rework: fc.double({ min: 0, max: 100, noNaN: true }),
        }),
        (all) => {
          const { rework, ...four } = all;
          const answers = edition === '2025' ? all : four;
          const { scores } = resultOf(scoreQuickCheck(edition, answers));
          for (const score of [
            scores.overall,
            scores.throughput,
            scores.stability,
            ...scores.metrics.map((m) => m.score),
          ]) {
            expect(score.value).toBeGreaterThanOrEqual(0);
            expect(score.value).toBeLessThanOrEqual(10);
            expect(score.rounded).toBeGreaterThanOrEqual(0);
            expect(score.rounded).toBeLessThanOrEqual(10);
          }
        },
      ),
    );
  });
});

describe('scoreQuickCheck problems', () => {
  it('rejects an unknown edition, naming the allowed ones', () => {
    expect(problemsOf(scoreQuickCheck('2020', classic(1, 1, 1, 1)))).toEqual([
      {
        code: 'unknown-edition',
        field: 'edition',
        message: 'must be one of 2019, 2021, 2022, 2023, 2024, 2025',
        allowed: '2019, 2021, 2022, 2023, 2024, 2025',
      },
    ]);
  });

  it('rejects an unknown industry', () => {
    const [problem] = problemsOf(
      scoreQuickCheck(
        '2023',
        { leadtime: 1, deployfreq: 1, failurerecovery: 1, changefailure: 1 },
        { industry: 'retail' },
      ),
    );
    expect(problem).toMatchObject({ code: 'unknown-industry', field: 'industry' });
    expect(problem?.message).toContain('consumer');
  });

  it('rejects an organisation size where none is published, or one the edition lacks', () => {
    const answers = { leadtime: 1, deployfreq: 1, failurerecovery: 1, changefailure: 1 };
    expect(problemsOf(scoreQuickCheck('2023', answers, { organisationSize: 'solo' }))[0]?.code).toBe(
      'organisation-size-not-published',
    );
    const [problem] = problemsOf(
      scoreQuickCheck('2025', { ...answers, rework: 1 }, { organisationSize: 'fewer_than_20' }),
    );
    expect(problem).toMatchObject({ code: 'unknown-organisation-size', field: 'organisationSize' });
    expect(problem?.message).not.toContain('fewer_than_20');
    expect(
      resultOf(scoreQuickCheck('2024', answers, { organisationSize: 'fewer_than_20' })).benchmark
        .organisationSize?.row.name,
    ).toBe('10 to 19 employees');
  });

  it('reports answer and option problems together', () => {
    const problems = problemsOf(scoreQuickCheck('2019', { leadtime: 7 }, { industry: 'moon' }));
    expect(problems.map((problem) => problem.field)).toEqual([
      'answers.leadtime',
      'answers.deployfreq',
      'answers.ttr',
      'answers.chgfail',
      'industry',
    ]);
  });
});
