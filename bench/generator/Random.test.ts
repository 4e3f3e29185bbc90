import { describe, expect, it } from 'vitest';
import { deriveSeed, hashUnit, mix32, Random } from './Random.js';

describe('Random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const seqA = Array.from({ length: 20 }, () => a.uint32());
    const seqB = Array.from({ length: 20 }, () => b.uint32());
    const seqC = Array.from({ length: 20 }, () => c.uint32());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it('spreads floats evenly over [0, 1)', () => {
    const random = new Random(7);
    const buckets = new Array<number>(10).fill(0);
    const draws = 100_000;
    let min = 1;
    let max = 0;
    for (let i = 0; i < draws; i++) {
      const value = random.float();
      min = Math.min(min, value);
      max = Math.max(max, value);
      buckets[Math.floor(value * 10)]!++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    for (const count of buckets) expect(Math.abs(count - draws / 10)).toBeLessThan(draws / 100);
  });

  it('keeps integers within their inclusive bounds and reaches both ends', () => {
    const random = new Random(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) seen.add(random.int(2, 5));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('draws Poisson counts and log-normal values around their parameters', () => {
    const random = new Random(11);
    let sum = 0;
    const samples: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      sum += random.poisson(3.5);
      samples.push(random.logNormal(10, 0.8));
    }
    expect(sum / 20_000).toBeCloseTo(3.5, 1);
    samples.sort((a, b) => a - b);
    expect(samples[10_000]).toBeGreaterThan(9);
    expect(samples[10_000]).toBeLessThan(11);
  });

  it('picks weighted keys in proportion and never a zero weight', () => {
    const random = new Random(5);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i++) counts[random.weighted({ a: 3, b: 1, never: 0 })]++;
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.6);
    expect(counts.a / counts.b).toBeLessThan(3.4);
  });

  it('makes shas of lowercase hex and ids of the given length', () => {
    const random = new Random(9);
    expect(random.hex(40)).toMatch(/^[0-9a-f]{40}$/);
    expect(random.hex(7)).toMatch(/^[0-9a-f]{7}$/);
    expect(random.code(6)).toMatch(/^[A-Z0-9]{6}$/);
  });

  it('derives independent, stable sub-streams from labels', () => {
    expect(deriveSeed(1, 'repo', 'acme/search')).toBe(deriveSeed(1, 'repo', 'acme/search'));
    expect(deriveSeed(1, 'repo', 'acme/search')).not.toBe(deriveSeed(1, 'repo', 'acme/searc'));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(2, 'a'));
    expect(Random.from(1, 'x').uint32()).toBe(Random.from(1, 'x').uint32());
    const unit = hashUnit(99, 'eu', 'vehicle-search');
    expect(unit).toBeGreaterThanOrEqual(0);
    expect(unit).toBeLessThan(1);
    expect(mix32(0)).toBe(mix32(0));
  });
});
