import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventSet } from '../../src/core/events.js';
import { createTestApp, type TestApp } from '../support/testApp.js';
import {
  changeArbitrary,
  deploymentArbitrary,
  incidentArbitrary,
  type WireEvent,
} from './eventArbitraries.js';
import { readStoredState } from './storedState.js';

// Duplicate identities with conflicting content in one batch: stored as if the events came one by one.
const token = 'trust-ingest-token';
const runs = { duplicates: 30, poisoned: 40 };
const env = { HOST: '0.0.0.0', CHECKPOINT_INGEST_TOKEN: token, CHECKPOINT_INGEST_RATE_PER_MINUTE: '1000000' };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env });
});
afterAll(() => t?.close());

const post = (payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/api/events',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });

async function reset() {
  for (const table of ['changes', 'deployments', 'incidents', 'deliveries'] as const)
    await t.db.kysely.deleteFrom(table).execute();
}

/** The events with arrival numbers replaced by their rank: which came first is what the metrics use. */
function ranked(events: EventSet) {
  const rank = <T extends { arrival: number }>(items: T[]) => {
    const order = [...items].sort((a, b) => a.arrival - b.arrival);
    return items.map((item) => ({ ...item, arrival: order.indexOf(item) }));
  };
  return {
    changes: rank(events.changes),
    deployments: rank(events.deployments),
    incidents: events.incidents,
  };
}

/** Events that share a few identities, so most of a batch updates what an earlier event of it said. */
const clashing = fc.array(
  fc.oneof(
    changeArbitrary.map((e) => ({ ...e, repo: 'acme/search', sha: `c${String(e.sha).length % 3}` })),
    deploymentArbitrary.map((e) => ({ ...e, source: 'ci', id: `d${String(e.sha).length % 3}` })),
    incidentArbitrary.map((e) => ({ ...e, source: 'pagerduty', id: `i${String(e.id).length % 3}` })),
  ),
  { minLength: 2, maxLength: 12 },
);

describe('a batch holding the same identity several times', () => {
  it('stores what the same events sent one at a time in order store', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(clashing, async (events: WireEvent[]) => {
        cases++;
        await reset();
        const response = await post({ events });
        expect(response.statusCode, response.body).toBe(200);
        const together = await readStoredState(t.db.kysely);
        await reset();
        for (const event of events) expect((await post(event)).statusCode).toBe(200);
        const apart = await readStoredState(t.db.kysely);
        expect(ranked(together.events)).toEqual(ranked(apart.events));
      }),
      { numRuns: runs.duplicates, endOnFailure: true },
    );
    console.log(`POST /api/events, clashing identities in one batch: ${cases} cases`);
  });

  it('keeps an event whose unknown fields hold NUL or half a surrogate pair, with U+FFFD in the raw log', async () => {
    let cases = 0;
    const poison = fc.constantFrom('\u0000', '\ud800', '\udfff', '\\u0000', '\\\u0000');
    const poisoned = fc
      .tuple(fc.string({ maxLength: 5 }), poison, fc.string({ maxLength: 5 }))
      .map((p) => p.join(''));
    await fc.assert(
      fc.asyncProperty(changeArbitrary, poisoned, poisoned, async (event, name, value) => {
        cases++;
        await reset();
        const response = await post({ ...event, [`x-${name}`]: value, nested: [{ value }] });
        expect(response.statusCode, response.body).toBe(200);
        const [delivery] = (await readStoredState(t.db.kysely)).accepted;
        const stored = JSON.stringify(delivery?.payload);
        expect(stored).not.toMatch(/(?<!\\)(\\\\)*\\u(0000|d[89a-f])/i);
        expect(stored.includes('\ufffd') || stored.includes('\\ufffd')).toBe(
          (name + value).includes('\u0000') || /[\ud800-\udfff]/.test(name + value),
        );
      }),
      { numRuns: runs.poisoned, endOnFailure: true },
    );
    console.log(`POST /api/events, poisoned unknown fields: ${cases} cases`);
  });
});
