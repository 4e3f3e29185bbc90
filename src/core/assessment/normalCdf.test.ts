import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf } from './normalCdf.js';

// Reference values to 16 significant digits (standard tables / arbitrary-precision evaluation).
const phi: readonly [number, number][] = [
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [1, 0.8413447460685429],
  [-1, 0.15865525393145707],
  [1.96, 0.9750021048517795],
  [-2, 0.022750131948179195],
  [2.5, 0.9937903346742238],
  [3, 0.9986501019683699],
  [-3, 0.0013498980316301035],
  [4.5, 0.9999966023268753],
  [5, 0.9999997133484281],
  [-5, 2.866515718791939e-7],
];

describe('normalCdf', () => {
  it.each(phi)('Φ(%d) matches the reference to 1e-7 (in fact 1e-12)', (z, expected) => {
    expect(Math.abs(normalCdf(z) - expected)).toBeLessThan(1e-12);
  });

  it('keeps relative accuracy in the far tail', () => {
    expect(normalCdf(-8) / 6.22096057427178e-16).toBeCloseTo(1, 9);
  });

  it('is symmetric: Φ(z) + Φ(−z) = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (z) => {
        expect(Math.abs(normalCdf(z) + normalCdf(-z) - 1)).toBeLessThan(1e-14);
      }),
    );
  });

  it('is monotone and stays within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -40, max: 40, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (z, step) => {
          const low = normalCdf(z);
          const high = normalCdf(z + step);
          expect(low).toBeGreaterThanOrEqual(0);
          expect(high).toBeLessThanOrEqual(1);
          expect(high).toBeGreaterThanOrEqual(low - 1e-15);
        },
      ),
    );
  });
});

describe('erf', () => {
  it.each([
    [0.5, 0.5204998778130465],
    [1, 0.8427007929497149],
    [2, 0.9953222650189527],
    [3.5, 0.9999992569016276],
    [-1, -0.8427007929497149],
  ])('erf(%d) matches the reference', (x, expected) => {
    expect(Math.abs(erf(x) - expected)).toBeLessThan(1e-13);
  });

  it('joins the series and the continued fraction smoothly at |x| = 2', () => {
    expect(Math.abs(erfc(3) - 2.209049699858544e-5)).toBeLessThan(1e-17);
    expect(Math.abs(erfc(2) - 0.004677734981047266)).toBeLessThan(1e-15);
    expect(Math.abs(erfc(2.5) - 4.06952017444959e-4)).toBeLessThan(1e-17);
    expect(Math.abs(erf(2.0000001) - erf(2))).toBeLessThan(1e-8);
    expect(erf(2.0000001)).toBeGreaterThan(erf(2));
  });

  it('returns NaN for NaN', () => {
    expect(erf(Number.NaN)).toBeNaN();
    expect(erfc(Number.NaN)).toBeNaN();
  });
});
