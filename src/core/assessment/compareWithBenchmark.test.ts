import { describe, expect, it } from 'vitest';
import { benchmarkTable } from './benchmarkTable.js';
import { compareWithBenchmark } from './compareWithBenchmark.js';
import { doraSource } from './doraSource.js';

const table = benchmarkTable({
  dimension: 'industry',
  title: 'test table',
  columns: ['overall', 'leadtime', 'deployfreq', 'failurerecovery', 'changefailure'],
  storedHigherIsWorse: ['changefailure', 'failurerecovery'],
  overallComparable: false,
  cautions: { failurerecovery: 'careful' },
  source: doraSource,
  rows: [['all', 'all', 'All', [4, 1], [5, 2], [6, 2], [3, 1], [2, 1]]],
});

describe('compareWithBenchmark', () => {
  it('inverts "higher is worse" columns and keeps the published figure', () => {
    const comparison = compareWithBenchmark(table, 'all', [
      { key: 'changefailure', score: 9, components: [] },
    ])!;
    expect(comparison.lines[0]).toEqual({
      key: 'changefailure',
      score: 9,
      benchmark: { mean: 8, sd: 1, published: { mean: 2, sd: 1 }, inverted: true, recomputed: false },
      difference: 1,
      zScore: 1,
      position: 'within',
      caution: null,
    });
  });

  it('recomputes an overall published on another basis, carrying the cautions of its parts', () => {
    const comparison = compareWithBenchmark(table, 'all', [
      {
        key: 'overall',
        score: 7,
        components: ['leadtime', 'deployfreq', 'failurerecovery', 'changefailure'],
      },
    ])!;
    // mean(5, 6, 10 − 3, 10 − 2) = 6.5
    expect(comparison.lines[0]?.benchmark).toEqual({
      mean: 6.5,
      sd: null,
      published: null,
      inverted: false,
      recomputed: true,
    });
    expect(comparison.lines[0]?.caution).toBe('careful');
    expect(comparison.cautions).toEqual(['careful']);
  });

  it('gives null for an unknown row and no benchmark for an unpublished column without parts', () => {
    expect(compareWithBenchmark(table, 'nowhere', [])).toBeNull();
    const comparison = compareWithBenchmark(table, 'all', [{ key: 'rework', score: 5, components: [] }])!;
    expect(comparison.lines[0]).toMatchObject({ benchmark: null, difference: null, position: null });
  });

  it('refuses a malformed published row', () => {
    expect(() =>
      benchmarkTable({ ...table, columns: ['overall', 'leadtime'], rows: [['all', 'all', 'All', [1, 1]]] }),
    ).toThrow(/row all has 1 values for 2 columns/);
  });
});
