import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyData } from './copyData.js';
import { objectsOf } from './testCheckpoint.js';

describe('copyData', () => {
  it('copies any plain data into an equal value that shares no object with it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = copyData(value);
        expect(copy).toStrictEqual(value);
        expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
        const original = objectsOf(value);
        for (const part of objectsOf(copy)) expect(original.has(part)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a key named __proto__ as a key', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const copy = copyData(value);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
