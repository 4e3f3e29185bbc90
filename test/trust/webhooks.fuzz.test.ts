import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxJsonDepth, parseEvents } from '../../src/contract/events.js';
import { createSources, isSourceError, type SourceName, sourceNames } from '../../src/sources/index.js';
import { createTestApp, type TestApp } from '../support/testApp.js';
import { badInstant, badText, wrongType } from './eventArbitraries.js';
import { isHealthy, messageOf, readStoredState, storedFingerprint } from './storedState.js';
import {
  baseDeliveries,
  signedRequest,
  webhookOrganisation,
  webhookSecrets,
  withFreshId,
} from './webhookDeliveries.js';

// Bad input through POST /webhooks/:source, properly signed so it gets past verification to the parser.
const runs = { payload: 30, bytes: 12 };
const bodyLimitBytes = 1024 * 1024;
const sources = createSources();

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: {
      HOST: '0.0.0.0',
      CHECKPOINT_INGEST_RATE_PER_MINUTE: '1000000',
      CHECKPOINT_BODY_LIMIT_MB: '1',
      ...webhookSecrets,
    },
    organisation: webhookOrganisation,
  });
});
afterAll(() => t?.close());

type Path = (string | number)[];

/** Every path into a payload (capped, so a large payload stays cheap to mutate). */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (out.length >= 300 || prefix.length > 6 || value === null || typeof value !== 'object') return out;
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    out.push(path);
    pathsOf(child, path, out);
  }
  return out;
}

const remove = Symbol('remove');

function setAt(root: unknown, path: Path, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (value !== remove) node[last] = value;
  else if (Array.isArray(node)) node.splice(Number(last), 1);
  else delete node[last];
}

const deep = fc
  .integer({ min: 1, max: 3 * maxJsonDepth })
  .map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`));

/** How deeply a JSON value nests objects and arrays (the payload itself is level 1). */
const depthOf = (value: unknown): number =>
  value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;

/** A signed delivery whose JSON payload was changed at one to three places. */
const mutatedPayload = (source: SourceName) =>
  fc
    .tuple(
      fc.constantFrom(...baseDeliveries[source]),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }),
      fc.gen(),
    )
    .map(([base, choices, gen]) => {
      const payload = withFreshId(source, base.payload);
      for (const [at, kind] of choices) {
        const paths = pathsOf(payload);
        const path = paths[at % paths.length] ?? ['extra'];
        const values = [
          () => remove,
          () => gen(() => wrongType),
          () => gen(() => badText),
          () => gen(() => badInstant),
          () => gen(() => fc.anything({ maxDepth: 3 })),
          () => gen(() => deep),
        ];
        setAt(payload, path, (values[kind % values.length] as () => unknown)());
      }
      return { base, payload, depth: depthOf(payload) };
    });

/** Checks the promises for one signed request: no 5xx, a refusal names the problem and writes nothing. */
async function deliverAndCheck(source: SourceName, body: Buffer, event: string, contentType?: string) {
  const request = signedRequest(source, body, { event, ...(contentType ? { contentType } : {}) });
  const before = await storedFingerprint(t.db.kysely);
  const response = await t.app.inject(request);
  expect(response.statusCode, response.body).toBeLessThan(500);
  if (response.statusCode >= 400 || response.statusCode === 202) {
    if (response.statusCode >= 400) expect(messageOf(response.body), response.body).toMatch(/\w/);
    expect(await storedFingerprint(t.db.kysely)).toBe(before);
  } else if (!response.json().duplicate) {
    const parsed = sources[source].parse(
      { headers: request.headers, body },
      { organisation: webhookOrganisation, receivedAt: t.context.clock() },
    );
    if (isSourceError(parsed)) throw new Error(`stored a delivery its source cannot read: ${parsed.error}`);
    const events = parseEvents(parsed.events);
    if (!events.ok) throw new Error(`stored invalid events: ${JSON.stringify(events.problems)}`);
    const state = await readStoredState(t.db.kysely);
    const stored = [...state.events.changes, ...state.events.deployments, ...state.events.incidents];
    for (const e of events.events) {
      expect(stored).toContainEqual(
        expect.objectContaining(
          e.type === 'change' ? { repo: e.repo, sha: e.sha } : { source: e.source, id: e.id },
        ),
      );
    }
  }
  expect(await isHealthy(t.app)).toBe(true);
  return response;
}

const invalidUtf8 = fc.constantFrom([0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]);

describe.each(sourceNames.map((source) => [source]))('POST /webhooks/%s with bad input', (source) => {
  it('answers changed payloads with a 2xx that stored every event, or a 4xx that stored nothing', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(mutatedPayload(source), async ({ base, payload, depth }) => {
        cases++;
        const response = await deliverAndCheck(source, Buffer.from(JSON.stringify(payload)), base.event);
        if (depth > maxJsonDepth) {
          expect(response.statusCode).toBe(400);
          expect(messageOf(response.body)).toMatch(/nested deeper than/);
        }
      }),
      { numRuns: runs.payload, endOnFailure: true },
    );
    console.log(`POST /webhooks/${source}, changed payloads: ${cases} cases`);
  });

  it('refuses malformed JSON, invalid UTF-8 and oversized bodies with a 4xx naming the problem', async () => {
    let cases = 0;
    const text = fc
      .constantFrom(...baseDeliveries[source])
      .map((base) => ({ base, text: JSON.stringify(withFreshId(source, base.payload)) }));
    const broken = fc.oneof(
      text.chain(({ base, text }) =>
        fc
          .nat({ max: text.length - 2 })
          .map((cut) => ({ base, body: Buffer.from(text.slice(0, cut + 1)), why: 'json' })),
      ),
      text.chain(({ base, text }) =>
        fc.tuple(fc.nat({ max: text.length - 1 }), invalidUtf8).map(([at, bytes]) => {
          const quote = Math.max(1, text.indexOf('"', at) + 1);
          return {
            base,
            body: Buffer.concat([
              Buffer.from(text.slice(0, quote)),
              Buffer.from(bytes),
              Buffer.from(text.slice(quote)),
            ]),
            why: 'utf8',
          };
        }),
      ),
      text.chain(({ base, text }) =>
        fc.integer({ min: 1, max: 256 * 1024 }).map((over) => ({
          base,
          body: Buffer.from(
            `${text.slice(0, -1)},"padding":"${'x'.repeat(bodyLimitBytes + over - text.length)}"}`,
          ),
          why: 'size',
        })),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        broken,
        fc.constantFrom('application/json', 'text/plain', 'application/octet-stream'),
        async ({ base, body, why }, type) => {
          cases++;
          const response = await deliverAndCheck(source, body, base.event, why === 'json' ? type : undefined);
          expect(response.statusCode, `${why}: ${response.body}`).toBe(why === 'size' ? 413 : 400);
          if (why === 'utf8') expect(messageOf(response.body)).toMatch(/UTF-8/);
          if (why === 'size')
            expect(messageOf(response.body)).toMatch(new RegExp(`limit of ${bodyLimitBytes} bytes`));
        },
      ),
      { numRuns: runs.bytes, endOnFailure: true },
    );
    console.log(`POST /webhooks/${source}, malformed bytes: ${cases} cases`);
  });
});

describe('POST /webhooks after the fuzzing', () => {
  it('takes a delivery whose id is too long for an index entry, and still knows its redelivery', async () => {
    const base = baseDeliveries.pagerduty[0];
    if (!base) throw new Error('no PagerDuty delivery');
    const payload = withFreshId('pagerduty', base.payload);
    // Random, so the database cannot compress it into an index entry.
    (payload.event as Record<string, unknown>).id = randomBytes(4000).toString('base64');
    const body = Buffer.from(JSON.stringify(payload));
    const first = await t.app.inject(signedRequest('pagerduty', body));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().duplicate).toBe(false);
    const again = await t.app.inject(signedRequest('pagerduty', body));
    expect(again.json()).toEqual({ stored: 0, duplicate: true });
  });

  it('is still healthy and still takes a good delivery of every source', async () => {
    expect(await isHealthy(t.app)).toBe(true);
    for (const source of sourceNames) {
      const base = baseDeliveries[source][0];
      if (!base) throw new Error(`no base delivery for ${source}`);
      const body = Buffer.from(JSON.stringify(withFreshId(source, base.payload)));
      const response = await t.app.inject(signedRequest(source, body, { event: base.event }));
      expect([200, 202], `${source}: ${response.body}`).toContain(response.statusCode);
    }
  });
});
