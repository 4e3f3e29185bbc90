import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedCache } from './boundedCache.js';

describe('BoundedCache', () => {
  it('forgets the least recently used entry, counting reads as uses', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('refuses a capacity that keeps nothing', () => {
    expect(() => new BoundedCache(0)).toThrow(/capacity/);
    expect(() => new BoundedCache(1.5)).toThrow(/capacity/);
  });

  it('never holds more than its capacity and answers as a list of the most recently used would', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.nat(6), value: fc.integer() }),
      fc.record({ kind: fc.constant('get' as const), key: fc.nat(6) }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.nat(6) }),
      fc.record({ kind: fc.constant('clear' as const) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(operation, { maxLength: 60 }), (capacity, ops) => {
        const cache = new BoundedCache<number, number>(capacity);
        // the reference: entries from least to most recently used
        let recent: [number, number][] = [];
        for (const op of ops) {
          if (op.kind === 'clear') {
            cache.clear();
            recent = [];
          } else if (op.kind === 'delete') {
            cache.delete(op.key);
            recent = recent.filter(([k]) => k !== op.key);
          } else if (op.kind === 'set') {
            cache.set(op.key, op.value);
            const entry: [number, number] = [op.key, op.value];
            recent = [...recent.filter(([k]) => k !== op.key), entry].slice(-capacity);
          } else {
            const found = recent.find(([k]) => k === op.key);
            expect(cache.get(op.key)).toBe(found?.[1]);
            if (found) recent = [...recent.filter(([k]) => k !== op.key), found];
          }
          expect(cache.size).toBe(recent.length);
          expect(cache.size).toBeLessThanOrEqual(capacity);
        }
      }),
    );
  });
});
