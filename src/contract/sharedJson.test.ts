import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringifySharing } from './sharedJson.js';

describe('stringifySharing', () => {
  it('gives exactly the text of JSON.stringify, whatever is shared and however deep it walks', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.array(fc.anything(), { maxLength: 5 }),
        fc.nat(6),
        (shared, owns, walkDepth) => {
          const values = owns.map((own, index) => ({
            index,
            own,
            shared,
            nested: { list: [shared, own, undefined, { shared }], missing: undefined, at: new Date(index) },
          }));
          expect(stringifySharing(values, walkDepth)).toEqual(values.map((value) => JSON.stringify(value)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes a shared object once, however many values hold it', () => {
    let reads = 0;
    const shared = {
      toJSON: () => {
        reads += 1;
        return 'shared';
      },
    };
    const texts = stringifySharing([{ a: shared }, { b: [shared] }, { c: { shared } }], 4);
    expect(texts).toEqual(['{"a":"shared"}', '{"b":["shared"]}', '{"c":{"shared":"shared"}}']);
    expect(reads).toBe(1);
  });
});
