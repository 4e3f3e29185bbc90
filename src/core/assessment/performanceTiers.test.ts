import { describe, expect, it } from 'vitest';
import { getPerformanceTier, performanceTiers, tierForAverage } from './performanceTiers.js';

describe('tierForAverage (2019)', () => {
  it.each([
    [1, 'low'],
    [3, 'low'],
    [3.5, 'low'],
    [3.75, 'medium'],
    [4, 'medium'],
    [4.4, 'medium'],
    [4.5, 'high'],
    [5, 'high'],
    [5.2, 'high'],
    [5.25, 'elite'],
    [5.5, 'elite'],
    [6, 'elite'],
  ] as const)('average %d is %s', (average, tier) => {
    expect(tierForAverage(average)).toBe(tier);
  });

  it('keeps the boundaries when the average carries binary noise', () => {
    const noise = 4 * Number.EPSILON;
    expect(4.4 + noise).toBeGreaterThan(4.4);
    expect(tierForAverage(4.4 + noise)).toBe('medium');
    expect(tierForAverage(4.3 + 0.1)).toBe('medium'); // 4.3999999999999995
    expect(tierForAverage(22 / 5)).toBe('medium');
    expect(tierForAverage(5.2 + noise)).toBe('high');
    expect(tierForAverage(3.5 + noise)).toBe('low');
  });

  it('moves up just past a boundary', () => {
    expect(tierForAverage(3.500001)).toBe('medium');
    expect(tierForAverage(4.400001)).toBe('high');
    expect(tierForAverage(5.200001)).toBe('elite');
  });

  it("carries DORA's tier colours", () => {
    expect(performanceTiers.map((tier) => [tier.id, tier.colour])).toEqual([
      ['low', '#D93025'],
      ['medium', '#FBBC04'],
      ['high', '#34A853'],
      ['elite', '#0D652D'],
    ]);
    expect(getPerformanceTier('elite').label).toBe('Elite');
  });
});
