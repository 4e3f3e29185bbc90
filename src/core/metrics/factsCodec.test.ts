import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseDeployments } from './analyseDelivery.js';
import { decodeServiceFacts, encodeServiceFacts } from './factsCodec.js';
import { config, eventSets } from './generatedHistories.js';
import { emptyServiceFacts, type ServiceFacts, serviceFactsOf } from './serviceFacts.js';

/** Facts as plain values, so typed arrays compare element by element. */
const plain = (facts: ServiceFacts) => ({
  ...facts,
  deployments: Object.fromEntries(Object.entries(facts.deployments).map(([k, v]) => [k, [...v]])),
  leadTimes: [...facts.leadTimes],
});

const roundTrip = (facts: ServiceFacts) => decodeServiceFacts(facts.service, encodeServiceFacts(facts));

const awkward: ServiceFacts = {
  service: 'web',
  deployments: {
    finishedAt: new Float64Array([1_780_000_000_123, 1_780_000_360_000]),
    carried: new Int32Array([3, 0]),
    kept: new Int32Array([2, 0]),
    marks: new Uint8Array([7, 0]),
  },
  leadTimes: new Float64Array([0.001, 2 ** 40 + 0.5]),
  names: {
    source: ['ci', 'ci'],
    id: ['d1', 'déploiement "2"\n'],
    sha: ['abc', null],
    version: [null, 'v1.2'],
    members: { 0: ['d1-eu', 'd1-us'] },
  },
  unknownCommits: 4,
};

describe('kept facts', () => {
  it('read back exactly as written, whatever the history', () => {
    fc.assert(
      fc.property(eventSets, (events) => {
        for (const facts of serviceFactsOf(analyseDeployments(events, config))) {
          expect(plain(roundTrip(facts))).toEqual(plain(facts));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keep fractions of a second, large values, every mark and any text in names', () => {
    expect(plain(roundTrip(awkward))).toEqual(plain(awkward));
    expect(plain(roundTrip(emptyServiceFacts('idle')))).toEqual(plain(emptyServiceFacts('idle')));
  });

  it('read from any offset of a larger buffer', () => {
    const encoded = encodeServiceFacts(awkward);
    const shifted = new Uint8Array(encoded.figures.length + 3);
    shifted.set(encoded.figures, 3);
    const read = decodeServiceFacts('web', { ...encoded, figures: shifted.subarray(3) });
    expect(plain(read)).toEqual(plain(awkward));
  });

  it('that are damaged fail with the service and what does not fit', () => {
    const encoded = encodeServiceFacts(awkward);
    expect(() => decodeServiceFacts('web', { ...encoded, figures: encoded.figures.subarray(0, 40) })).toThrow(
      'the kept facts of service web are damaged: 40 bytes of figures for 2 deployments and 2 lead times',
    );
    expect(() => decodeServiceFacts('web', { ...encoded, figures: new Uint8Array(5) })).toThrow(
      'the kept facts of service web are damaged: 5 bytes of figures',
    );
    const names = JSON.stringify({ ...awkward.names, sha: ['abc'] });
    expect(() => decodeServiceFacts('web', { ...encoded, names })).toThrow(
      'the kept facts of service web are damaged: sha does not name 2 deployments',
    );
    const wrongKept = encodeServiceFacts({
      ...awkward,
      deployments: { ...awkward.deployments, kept: new Int32Array([1, 0]) },
    });
    expect(() => decodeServiceFacts('web', wrongKept)).toThrow(
      'the kept facts of service web are damaged: its deployments keep 1 lead times, not 2',
    );
  });
});
