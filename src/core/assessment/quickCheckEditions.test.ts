import { describe, expect, it } from 'vitest';
import { industryKeys } from './industries.js';
import { currentEditionId, editionIds } from './quickCheckEdition.js';
import { getEdition, listEditions } from './quickCheckEditions.js';

describe('the Quick Check editions', () => {
  it('has six editions, 2025 current', () => {
    expect(listEditions().map((edition) => edition.id)).toEqual([...editionIds]);
    expect(currentEditionId).toBe('2025');
    expect(
      listEditions()
        .filter((edition) => edition.current)
        .map((edition) => edition.id),
    ).toEqual(['2025']);
  });

  it('labels the worst deployment frequency as DORA did in each edition', () => {
    const worst = (id: (typeof editionIds)[number]) => {
      const question = getEdition(id).questions.find((q) => q.key === 'deployfreq');
      return question?.kind === 'option' ? question.options[0]?.label : null;
    };
    expect(worst('2019')).toBe('Fewer than once per six months');
    expect(worst('2022')).toBe('Fewer than once per six months');
    expect(worst('2023')).toBe('Less than once per six months');
    expect(worst('2025')).toBe('Less than once per six months');
  });

  it('offers six options per option question, worst first, and cites DORA', () => {
    for (const edition of listEditions()) {
      expect(edition.source.url).toMatch(/^https:\/\/dora\.dev/);
      for (const question of edition.questions) {
        expect(question.stem.length).toBeGreaterThan(40);
        expect(question.tips.length).toBeGreaterThanOrEqual(2);
        if (question.kind === 'option')
          expect(question.options.map((o) => o.value)).toEqual([1, 2, 3, 4, 5, 6]);
      }
    }
    const leadtime = getEdition('2019').questions[0]!;
    expect(leadtime.kind === 'option' && leadtime.options.map((o) => o.label)).toEqual([
      'More than six months',
      'One to six months',
      'One week to one month',
      'One day to one week',
      'Less than one day',
      'Less than one hour',
    ]);
  });

  it('has a baseline or benchmark row for every industry in every edition', () => {
    for (const edition of listEditions()) {
      const keys =
        edition.method === 'score'
          ? edition.industryBenchmarks.rows.map((row) => row.key)
          : Object.keys(edition.industryBaselines.rows);
      expect([...keys].sort()).toEqual([...industryKeys].sort());
    }
  });

  it('publishes organisation sizes only in 2024 and 2025 (2025 without 10–19 employees)', () => {
    const sizes = (id: '2023' | '2024' | '2025') =>
      getEdition(id).organisationSizeBenchmarks?.rows.map((row) => row.key);
    expect(sizes('2023')).toBeUndefined();
    expect(sizes('2024')).toHaveLength(10);
    expect(sizes('2025')).toHaveLength(9);
    expect(sizes('2025')).not.toContain('fewer_than_20');
  });

  it('keeps the published figures exactly (spot checks)', () => {
    const row = (id: '2023' | '2024' | '2025', key: string) =>
      getEdition(id).industryBenchmarks.rows.find((entry) => entry.key === key)!.values;
    expect(row('2023', 'media_entertainment').overall).toEqual({ mean: 7.2, sd: 1.9 });
    expect(row('2024', 'energy').changefailure).toEqual({ mean: 2.7, sd: 2.7 });
    expect(row('2025', 'industrials_manufacturing').deployfreq).toEqual({ mean: 3.7, sd: 2.7 });
    const size2024 = getEdition('2024').organisationSizeBenchmarks!.rows.find(
      (entry) => entry.key === 'fewer_than_500',
    )!;
    expect(size2024.values.failurerecovery).toEqual({ mean: 7.82, sd: 2.1 });
    expect(getEdition('2019').industryBaselines.rows.non_profit).toEqual([67, 73, 93, 98]);
    expect(getEdition('2021').industryBaselines.rows.telecommunications).toEqual([3.04, 3.21, 4.17, 5.18]);
    expect(getEdition('2022').industryBaselines.rows.industrials_manufacturing).toEqual([3, 3.1, 4.12, 4.53]);
  });
});
