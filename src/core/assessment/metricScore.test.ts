import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, metricScore, roundHalfAway, scoreOptionAnswer, scorePercentageAnswer } from './metricScore.js';

describe('metric scores (Quick Check 2023+)', () => {
  it('scores an answer v of 1–6 as (v − 1)/5·10', () => {
    expect([1, 2, 3, 4, 5, 6].map(scoreOptionAnswer)).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it('scores a percentage p as 10 − p/10', () => {
    expect(scorePercentageAnswer(0)).toBe(10);
    expect(scorePercentageAnswer(50)).toBe(5);
    expect(scorePercentageAnswer(100)).toBe(0);
  });

  it('rounds to one decimal half away from zero, despite binary noise', () => {
    expect(roundHalfAway(6.65, 1)).toBe(6.7);
    expect(roundHalfAway(6.72, 1)).toBe(6.7);
    expect(roundHalfAway(0.1 * 3 * 10 + 0.05, 1)).toBe(3.1);
    expect(roundHalfAway(-0.04, 1)).toBe(0);
    expect(Object.is(roundHalfAway(-0.04, 1), -0)).toBe(false);
  });

  it('keeps the unrounded value beside the display', () => {
    expect(metricScore(20 / 3)).toEqual({ value: 20 / 3, rounded: 6.7, display: '6.7' });
    expect(metricScore(10)).toEqual({ value: 10, rounded: 10, display: '10.0' });
  });

  it('never moves a score by more than 0.05 when rounding', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), (value) => {
        expect(Math.abs(metricScore(value).rounded - value)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });

  it('averages', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
  });
});
