import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentileForAverage } from './percentileForAverage.js';
import { getEdition } from './quickCheckEditions.js';

const model2019 = getEdition('2019').percentileModel;

describe('percentileForAverage', () => {
  it("reproduces DORA's published 2019 worked values", () => {
    const averages = [3, 3.5, 4, 4.4, 5, 5.2, 5.5, 6];
    expect(averages.map((average) => percentileForAverage(average, model2019))).toEqual([
      11, 23, 40, 56, 77, 83, 89, 96,
    ]);
  });

  it('uses the 2021 and 2022 models', () => {
    expect(getEdition('2021').percentileModel).toEqual({ mean: 3.9495, sd: 1.0547 });
    expect(getEdition('2022').percentileModel).toEqual({ mean: 3.8187, sd: 1.0642 });
    // At the mean, half the respondents are below.
    expect(percentileForAverage(3.9495, getEdition('2021').percentileModel)).toBe(50);
    expect(percentileForAverage(3.8187, getEdition('2022').percentileModel)).toBe(50);
  });

  it.each(['2019', '2021', '2022'] as const)(
    'stays within 0–100 and is monotone in the average (%s)',
    (id) => {
      const model = getEdition(id).percentileModel;
      fc.assert(
        fc.property(
          fc.double({ min: 1, max: 6, noNaN: true }),
          fc.double({ min: 1, max: 6, noNaN: true }),
          (a, b) => {
            const [low, high] = a <= b ? [a, b] : [b, a];
            const pLow = percentileForAverage(low, model);
            const pHigh = percentileForAverage(high, model);
            expect(pLow).toBeGreaterThanOrEqual(0);
            expect(pHigh).toBeLessThanOrEqual(100);
            expect(Number.isInteger(pLow)).toBe(true);
            expect(pHigh).toBeGreaterThanOrEqual(pLow);
          },
        ),
      );
    },
  );
});
