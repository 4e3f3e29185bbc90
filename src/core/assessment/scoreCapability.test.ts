import { describe, expect, it } from 'vitest';
import type { LikertAnswer } from './likert.js';
import { likertPoints } from './likert.js';
import { scoreCapability } from './scoreCapability.js';

const answersFor = (prefix: string, values: readonly LikertAnswer[]) =>
  Object.fromEntries(values.map((value, index) => [`${prefix}.${index + 1}`, value]));

describe('scoreCapability', () => {
  it('scores 0–10 from 2021 as the mean of (r − 1)/4·10', () => {
    expect(
      scoreCapability('continuous-integration', answersFor('continuous-integration', [5, 5, 5, 5, 5]), 'ten'),
    ).toBe(10);
    expect(
      scoreCapability('continuous-integration', answersFor('continuous-integration', [1, 1, 1, 1, 1]), 'ten'),
    ).toBe(0);
    expect(
      scoreCapability('continuous-integration', answersFor('continuous-integration', [3, 3, 3, 3, 3]), 'ten'),
    ).toBe(5);
    // (0 + 2.5 + 5 + 7.5 + 10) / 5
    expect(
      scoreCapability('continuous-integration', answersFor('continuous-integration', [1, 2, 3, 4, 5]), 'ten'),
    ).toBe(5);
    expect(scoreCapability('learning-culture', answersFor('learning-culture', [4, 4, 5]), 'ten')).toBeCloseTo(
      25 / 3,
      9,
    );
  });

  it('scores 0–100 in 2019 as 25 × the mean of the 0–4 points', () => {
    expect(scoreCapability('learning-culture', answersFor('learning-culture', [5, 5, 5]), 'percent')).toBe(
      100,
    );
    expect(
      scoreCapability('learning-culture', answersFor('learning-culture', [4, 4, 3]), 'percent'),
    ).toBeCloseTo(200 / 3, 9);
  });

  it('scores reverse-scored statements reversed', () => {
    expect(likertPoints(5, true)).toBe(0);
    expect(likertPoints(1, true)).toBe(4);
    const best = answersFor('streamlining-change-approval', [5, 5, 1, 1, 1, 5]);
    const agreeAll = answersFor('streamlining-change-approval', [5, 5, 5, 5, 5, 5]);
    expect(scoreCapability('streamlining-change-approval', best, 'ten')).toBe(10);
    expect(scoreCapability('streamlining-change-approval', agreeAll, 'ten')).toBe(5);
    expect(scoreCapability('streamlining-change-approval', agreeAll, 'percent')).toBe(50);
  });

  it('gives null when a statement is unanswered or the capability has none', () => {
    expect(scoreCapability('learning-culture', answersFor('learning-culture', [4, 4]), 'ten')).toBeNull();
    expect(scoreCapability('visual-management', {}, 'ten')).toBeNull();
  });
});
