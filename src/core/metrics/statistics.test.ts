import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationStats, mean, median, millisecondsBefore, p90, round4 } from './statistics.js';

const oneTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

// durations of whole milliseconds, as the engine produces them
const durations = fc.array(
  fc.integer({ min: 0, max: 400 * 86_400_000 }).map((ms) => ms / 1000),
  { minLength: 1, maxLength: 300 },
);

describe('median', () => {
  it('is the middle value of an odd count', () => {
    expect(median([1, 5, 9])).toBe(5);
  });

  it('is the mean of the two middle values of an even count', () => {
    // middle values 3 and 8 → (3 + 8) / 2 = 5.5
    expect(median([1, 3, 8, 100])).toBe(5.5);
  });

  it('is null without values', () => {
    expect(median([])).toBeNull();
  });
});

describe('p90', () => {
  it('is the nearest-rank value: the ⌈0.9·n⌉-th smallest', () => {
    expect(p90(oneTo(10))).toBe(9); // ⌈9⌉ = 9th
    expect(p90(oneTo(11))).toBe(10); // ⌈9.9⌉ = 10th
    expect(p90(oneTo(5))).toBe(5); // ⌈4.5⌉ = 5th
    expect(p90(oneTo(1))).toBe(1);
  });

  it('does not round 0.9·70 up to the 64th value', () => {
    // 0.9 * 70 is 63.000…01 in floating point; the rank is exactly 63.
    expect(p90(oneTo(70))).toBe(63);
  });

  it('is null without values', () => {
    expect(p90([])).toBeNull();
  });
});

describe('mean', () => {
  it('averages the values', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([])).toBeNull();
  });
});

describe('durationStats', () => {
  it('gives count, median, p90 and mean of its input in any order', () => {
    // sorted 10, 20, 30, 40: median (20 + 30) / 2 = 25, p90 ⌈3.6⌉ = 4th = 40, mean 100 / 4 = 25
    expect(durationStats([40, 10, 30, 20])).toEqual({ count: 4, median: 25, p90: 40, mean: 25 });
  });

  it('gives the same mean in any order', () => {
    const values = [0.1, 0.2, 0.3, 1e9, 7.7];
    expect(durationStats([...values].reverse()).mean).toBe(durationStats(values).mean);
  });

  it('is count 0 and null figures without values', () => {
    expect(durationStats([])).toEqual({ count: 0, median: null, p90: null, mean: null });
  });

  const withTies = fc.array(fc.constantFrom(0, 0.001, 60, 3600, 3600.5), { minLength: 1, maxLength: 50 });

  it('selects exactly even from a sample built against its pivot', () => {
    // organ-pipe and sawtooth orders, where a median-of-three pivot does badly
    const n = 20_001;
    const pipe = Array.from({ length: n }, (_, i) => (i < n / 2 ? i : n - i));
    const saw = Array.from({ length: n }, (_, i) => (i % 100) * 1000 + Math.floor(i / 100));
    for (const values of [pipe, saw]) {
      const sorted = [...values].sort((a, b) => a - b);
      expect(durationStats(values)).toMatchObject({ median: median(sorted), p90: p90(sorted) });
    }
  });

  it('selects the median and p90 of the sorted sample, whatever the sample', () => {
    fc.assert(
      fc.property(fc.oneof(durations, withTies), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const stats = durationStats(values);
        expect([stats.count, stats.median, stats.p90]).toEqual([values.length, median(sorted), p90(sorted)]);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the exact mean of whole milliseconds, the same in any order', () => {
    fc.assert(
      fc.property(durations, fc.infiniteStream(fc.nat()), (values, stream) => {
        const shuffled = [...values].sort(() => (stream.next().value % 3) - 1);
        // the exact sum, in integers of any size, then one division
        const milliseconds = values.reduce((sum, v) => sum + BigInt(Math.round(v * 1000)), 0n);
        expect(durationStats(shuffled).mean).toBe(Number(milliseconds) / 1000 / values.length);
        expect(durationStats(shuffled).mean).toBe(durationStats(values).mean);
      }),
      { numRuns: 300 },
    );
  });
});

describe('millisecondsBefore', () => {
  it('sums whole milliseconds before each position, then of all', () => {
    // 0.0004 s is 0.4 ms: rounded to none
    expect([...millisecondsBefore([1.5, 0.0004, 2])]).toEqual([0, 1500, 1500, 3500]);
    expect([...millisecondsBefore([])]).toEqual([0]);
  });

  it('gives the exact sum of any run as the difference of its ends', () => {
    fc.assert(
      fc.property(durations, fc.nat(), fc.nat(), (values, a, b) => {
        const from = Math.min(a, b) % (values.length + 1);
        const to = Math.max(from, Math.max(a, b) % (values.length + 1));
        const before = millisecondsBefore(values);
        const run = values.slice(from, to).reduce((sum, v) => sum + BigInt(Math.round(v * 1000)), 0n);
        expect((before[to] as number) - (before[from] as number)).toBe(Number(run));
      }),
      { numRuns: 300 },
    );
  });
});

describe('round4', () => {
  it('rounds a rate to 4 decimals', () => {
    expect(round4(1 / 3)).toBe(0.3333);
    expect(round4(2 / 3)).toBe(0.6667);
    expect(round4(0.15)).toBe(0.15);
  });
});
