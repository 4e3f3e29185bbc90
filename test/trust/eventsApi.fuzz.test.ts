import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxJsonDepth } from '../../src/contract/events.js';
import { createTestApp, type TestApp } from '../support/testApp.js';
import {
  badInstant,
  badText,
  eventArbitrary,
  requiredFields,
  textFields,
  timeFields,
  type WireEvent,
  wrongType,
} from './eventArbitraries.js';
import { isHealthy, messageOf, readStoredState, storedFingerprint } from './storedState.js';

// Bad input to POST /api/events: always a 4xx naming the problem, never a 5xx, never a partial write.
const token = 'trust-ingest-token';
const bodyLimitBytes = 2 * 1024 * 1024;
const runs = { mutated: 120, anything: 100, bytes: 100, nesting: 40, oversized: 8, identities: 40 };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: {
      HOST: '0.0.0.0',
      CHECKPOINT_INGEST_TOKEN: token,
      CHECKPOINT_INGEST_RATE_PER_MINUTE: '1000000',
      CHECKPOINT_BODY_LIMIT_MB: '2',
    },
  });
});
afterAll(() => t?.close());

const post = (
  payload: string | Buffer,
  contentType = 'application/json',
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/events',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType, ...headers },
    payload,
  });

/** Sends a request and checks the promises: no 5xx; a refusal names the problem and writes nothing. */
async function sendAndCheck(payload: string | Buffer, contentType?: string) {
  const before = await storedFingerprint(t.db.kysely);
  const response = await post(payload, contentType);
  expect(response.statusCode, response.body).toBeLessThan(500);
  if (response.statusCode >= 400) {
    expect(messageOf(response.body), response.body).toMatch(/\w/);
    expect(await storedFingerprint(t.db.kysely)).toBe(before);
  }
  expect(await isHealthy(t.app)).toBe(true);
  return response;
}

const identityOf = (event: Record<string, unknown>) =>
  event.type === 'change' ? `${event.repo}\u0000${event.sha}` : `${event.source}\u0000${event.id}`;

type Mutation = { field: string; apply(event: WireEvent): Record<string, unknown> };

/** A change that makes the event invalid, and the field the refusal must name. */
const mutation = (event: WireEvent): fc.Arbitrary<Mutation> => {
  const set = (field: string, value: unknown): Mutation => ({
    field,
    apply: (e) => ({ ...e, ...(field === 'finishedAt' ? { status: 'success' } : {}), [field]: value }),
  });
  const required = fc.constantFrom(...requiredFields[event.type]);
  return fc.oneof(
    required.map((field) => ({
      field,
      apply: (e: WireEvent) => {
        const { [field]: _, ...rest } = e.type === 'deployment' ? { ...e, status: 'success' } : e;
        return rest;
      },
    })),
    fc.tuple(required, wrongType).map(([field, value]) => set(field, value)),
    fc
      .tuple(fc.constantFrom(...timeFields[event.type]), badInstant)
      .map(([field, value]) => set(field, value)),
    fc.tuple(fc.constantFrom(...textFields[event.type]), badText).map(([field, value]) => set(field, value)),
    fc.constant<Mutation>({ field: 'type', apply: (e) => ({ ...e, type: 'release' }) }),
    fc.constant<Mutation>({
      field: event.type === 'incident' ? 'services' : 'labels',
      apply: (e) => ({ ...e, [e.type === 'incident' ? 'services' : 'labels']: Array(10_001).fill('x') }),
    }),
  );
};

describe('POST /api/events refuses bad events whole', () => {
  it('names the event and field of a required field missing, mistyped, out of range, too long or poisoned', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArbitrary, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.boolean(),
        fc.gen(),
        async (events, at, ndjson, gen) => {
          cases++;
          const index = at % events.length;
          const target = events[index] as WireEvent;
          const broken = gen(() => mutation(target));
          const batch = events.map((event, i) => (i === index ? broken.apply(event) : event));
          const body = ndjson
            ? batch.map((event) => JSON.stringify(event)).join('\n')
            : JSON.stringify({ events: batch });
          const response = await sendAndCheck(body, ndjson ? 'application/x-ndjson' : 'application/json');
          expect(response.statusCode, response.body).toBe(400);
          const problems = response.json().problems as { index: number; field: string }[];
          expect(problems, response.body).toContainEqual(
            expect.objectContaining({ index, field: expect.stringMatching(new RegExp(`^${broken.field}`)) }),
          );
        },
      ),
      { numRuns: runs.mutated, endOnFailure: true },
    );
    console.log(`POST /api/events, mutated events: ${cases} cases`);
  });

  it('answers anything at all with a 2xx that stored the whole batch, or a 4xx that stored nothing', async () => {
    let cases = 0;
    const anything = fc.anything({ maxDepth: 4, withNullPrototype: true, withBigInt: false });
    const extra = fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }), anything, { maxKeys: 3 });
    const item = fc.oneof(
      eventArbitrary,
      fc.tuple(eventArbitrary, extra).map(([event, more]) => ({ ...more, ...event })),
      anything,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(item, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        async (batch, wrapped) => {
          cases++;
          const body = JSON.stringify(wrapped ? { events: batch } : batch);
          const response = await sendAndCheck(body);
          if (response.statusCode === 200 && !response.json().duplicate) {
            const state = await readStoredState(t.db.kysely);
            const stored = new Set(
              [...state.events.changes, ...state.events.deployments, ...state.events.incidents].map((e) =>
                'repo' in e ? `${e.repo}\u0000${e.sha}` : `${e.source}\u0000${e.id}`,
              ),
            );
            for (const event of batch as Record<string, unknown>[])
              expect(stored).toContain(identityOf(event));
          }
        },
      ),
      { numRuns: runs.anything, endOnFailure: true },
    );
    console.log(`POST /api/events, arbitrary JSON: ${cases} cases`);
  });

  it('refuses malformed JSON, invalid UTF-8 and wrong content types with a 4xx', async () => {
    let cases = 0;
    const valid = fc
      .array(eventArbitrary, { minLength: 1, maxLength: 3 })
      .map((events) => JSON.stringify({ events }));
    const invalidUtf8 = fc.constantFrom(
      [0xff],
      [0xc3, 0x28],
      [0xe2, 0x82],
      [0xed, 0xa0, 0x80],
      [0xf8, 0x88, 0x80],
    );
    const broken = fc.oneof(
      valid.chain((text) =>
        fc.nat({ max: text.length - 2 }).map((cut) => ({ body: text.slice(0, cut + 1), why: 'json' })),
      ),
      valid.chain((text) =>
        fc.tuple(fc.nat({ max: text.length - 1 }), invalidUtf8).map(([at, bytes]) => {
          const quote = text.indexOf('"', at) >= 0 ? text.indexOf('"', at) + 1 : 1;
          const body = Buffer.concat([
            Buffer.from(text.slice(0, quote)),
            Buffer.from(bytes),
            Buffer.from(text.slice(quote)),
          ]);
          return { body, why: 'utf8' };
        }),
      ),
      fc
        .tuple(
          valid,
          fc.constantFrom(
            'text/xml',
            'multipart/form-data; boundary=x',
            'image/png',
            'application/octet-stream',
            'application/x-www-form-urlencoded',
          ),
        )
        .map(([body, type]) => ({ body, why: 'type', type })),
    );
    await fc.assert(
      fc.asyncProperty(broken, async (input) => {
        cases++;
        const type =
          'type' in input
            ? input.type
            : input.why === 'utf8' && cases % 2
              ? 'application/x-ndjson'
              : 'application/json';
        const response = await sendAndCheck(input.body, type);
        expect(response.statusCode, `${input.why}: ${response.body}`).toBeGreaterThanOrEqual(400);
        if (input.why === 'utf8') expect(messageOf(response.body)).toMatch(/UTF-8/);
        if (input.why === 'type') expect(messageOf(response.body)).toMatch(/Content-Type/);
      }),
      { numRuns: runs.bytes, endOnFailure: true },
    );
    console.log(`POST /api/events, malformed bytes: ${cases} cases`);
  });

  it(`takes JSON nested up to ${maxJsonDepth} levels and refuses deeper with a 400`, async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(eventArbitrary, fc.integer({ min: 1, max: 20_000 }), async (event, depth) => {
        cases++;
        const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
        const body = `{"events":[${JSON.stringify({ ...event, extra: 1 }).replace('"extra":1', `"extra":${nested}`)}]}`;
        const response = await sendAndCheck(body);
        if (depth + 3 <= maxJsonDepth) expect(response.statusCode, response.body).toBe(200);
        else {
          expect(response.statusCode).toBe(400);
          expect(messageOf(response.body)).toMatch(/nested deeper than/);
        }
      }),
      { numRuns: runs.nesting, endOnFailure: true },
    );
    console.log(`POST /api/events, nesting: ${cases} cases`);
  });

  it('refuses a body over the limit with 413 naming the limit', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 512 * 1024 }),
        fc.constantFrom('application/json', 'application/x-ndjson'),
        async (over, type) => {
          cases++;
          const filler = 'x'.repeat(bodyLimitBytes + over - 80);
          const body = JSON.stringify({
            events: [
              {
                type: 'change',
                repo: 'acme/search',
                sha: 'big',
                committedAt: '2026-01-01T00:00:00Z',
                note: filler,
              },
            ],
          });
          const response = await sendAndCheck(body, type);
          expect(response.statusCode).toBe(413);
          expect(messageOf(response.body)).toMatch(new RegExp(`limit of ${bodyLimitBytes} bytes`));
        },
      ),
      { numRuns: runs.oversized, endOnFailure: true },
    );
    console.log(`POST /api/events, oversized bodies: ${cases} cases`);
  });

  it('stores long identities in any script or names the field; never fails on them', async () => {
    let cases = 0;
    const long = fc.string({ unit: 'grapheme', minLength: 300, maxLength: 1000 });
    await fc.assert(
      fc.asyncProperty(
        long,
        long,
        fc.constantFrom('change', 'deployment', 'incident'),
        async (a, b, type) => {
          cases++;
          const event =
            type === 'change'
              ? { type, repo: a, sha: b, committedAt: '2026-01-01T00:00:00Z' }
              : type === 'deployment'
                ? {
                    type,
                    source: a,
                    id: b,
                    service: a,
                    environment: 'production',
                    sha: 'abc',
                    status: 'success',
                    finishedAt: '2026-01-01T00:00:00Z',
                  }
                : { type, source: a, id: b, services: [a], openedAt: '2026-01-01T00:00:00Z' };
          const response = await sendAndCheck(JSON.stringify(event));
          if (response.statusCode >= 400)
            expect(messageOf(response.body)).toMatch(/^(repo|sha|source|id|service|services\.0): /);
        },
      ),
      { numRuns: runs.identities, endOnFailure: true },
    );
    console.log(`POST /api/events, long identities: ${cases} cases`);
  });

  it('stays healthy after all of it', async () => {
    expect(await isHealthy(t.app)).toBe(true);
  });
});
