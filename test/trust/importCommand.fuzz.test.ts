import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importCommand } from '../../src/cli/importCommand.js';
import { readEventFile } from '../../src/cli/readEventFile.js';
import { maxJsonDepth } from '../../src/contract/events.js';
import { type Config, loadConfig } from '../../src/server/config.js';
import { openDb } from '../../src/store/openDb.js';
import {
  badInstant,
  badText,
  eventArbitrary,
  requiredFields,
  timeFields,
  type WireEvent,
  wrongType,
} from './eventArbitraries.js';
import { readStoredState, type StoredState } from './storedState.js';

// `checkpoint import` validates the whole file first: any bad line and nothing is stored.
const runs = { files: 50, read: 200 };
const org = new URL('../fixtures/org/good.yaml', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'checkpoint-import-fuzz-'));
const dataDir = join(work, 'data');
let config: Config;
let before: StoredState;

/** A port nothing listens on, so the import finds no running server and writes the data directory itself. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function runImport(file: string): Promise<{ code: number | undefined; errors: string }> {
  const errors: string[] = [];
  const error = vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args.join(' ')));
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await importCommand(config, file, {});
    return { code: process.exitCode as number | undefined, errors: errors.join('\n') };
  } finally {
    error.mockRestore();
    log.mockRestore();
    process.exitCode = undefined;
  }
}

async function storedNow(): Promise<StoredState> {
  const db = await openDb({ dataDir });
  try {
    return await readStoredState(db.kysely);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  config = loadConfig({ DATA_DIR: dataDir, CHECKPOINT_ORG: org, PORT: String(await closedPort()) }, work);
  const first = join(work, 'first.ndjson');
  const events = fc.sample(eventArbitrary, { numRuns: 20, seed: 7 });
  writeFileSync(first, events.map((e) => JSON.stringify(e)).join('\n'));
  expect((await runImport(first)).code).toBeUndefined();
  before = await storedNow();
  expect(before.accepted.length).toBe(1);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** One line made bad, and what the refusal must name. */
const badLine = fc.oneof(
  fc.tuple(eventArbitrary, fc.gen()).map(([event, gen]) => {
    const field = gen(() => fc.constantFrom(...requiredFields[event.type]));
    const value = gen(() =>
      timeFields[event.type].includes(field)
        ? fc.oneof(wrongType, badText, badInstant)
        : fc.oneof(wrongType, badText),
    );
    const broken = {
      ...event,
      ...(event.type === 'deployment' ? { status: 'success' } : {}),
      [field]: value,
    };
    return { text: Buffer.from(JSON.stringify(broken)), names: field };
  }),
  eventArbitrary.chain((event: WireEvent) =>
    fc.nat({ max: JSON.stringify(event).length - 2 }).map((cut) => ({
      text: Buffer.from(JSON.stringify(event).slice(0, cut + 1)),
      names: 'not valid JSON',
    })),
  ),
  eventArbitrary.map((event) => ({
    text: Buffer.concat([
      Buffer.from(JSON.stringify(event).slice(0, -1)),
      Buffer.from(',"note":"'),
      Buffer.from([0xff]),
      Buffer.from('"}'),
    ]),
    names: 'UTF-8',
  })),
  fc
    .tuple(eventArbitrary, fc.integer({ min: maxJsonDepth, max: 5 * maxJsonDepth }))
    .map(([event, depth]) => ({
      text: Buffer.from(
        JSON.stringify({ ...event, extra: 0 }).replace(
          '"extra":0',
          `"extra":${'['.repeat(depth)}${']'.repeat(depth)}`,
        ),
      ),
      names: 'nested deeper than',
    })),
);

describe('checkpoint import of a file with a bad line', () => {
  it('stores nothing and names the line and the problem, as NDJSON or as one JSON document', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArbitrary, { minLength: 1, maxLength: 20 }),
        badLine,
        fc.nat(),
        fc.constantFrom('ndjson', 'array', 'object'),
        async (events, bad, at, format) => {
          cases++;
          const lines = events.map((e) => Buffer.from(JSON.stringify(e)));
          const index = at % (lines.length + 1);
          lines.splice(index, 0, bad.text);
          const file = join(work, `case-${cases}.${format === 'ndjson' ? 'ndjson' : 'json'}`);
          const joined = Buffer.concat(
            lines.flatMap((line, i) =>
              i === 0 ? [line] : [Buffer.from(format === 'ndjson' ? '\n' : ',\n'), line],
            ),
          );
          writeFileSync(
            file,
            format === 'ndjson'
              ? joined
              : Buffer.concat([
                  Buffer.from(format === 'array' ? '[\n' : '{"events": [\n'),
                  joined,
                  Buffer.from(format === 'array' ? '\n]' : '\n]}'),
                ]),
          );
          const outcome = await runImport(file);
          expect(
            outcome.code,
            `${format} ${bad.names} ${bad.text.toString().slice(0, 300)} ${outcome.errors}`,
          ).toBe(1);
          expect(outcome.errors).toContain(file);
          if (format === 'ndjson' && bad.names !== 'UTF-8')
            expect(outcome.errors).toContain(`${file}:${index + 1}`);
          if (format === 'ndjson' || !/JSON|UTF-8|nested/.test(bad.names))
            expect(outcome.errors).toContain(bad.names);
          rmSync(file);
        },
      ),
      { numRuns: runs.files, endOnFailure: true },
    );
    console.log(`checkpoint import, files with a bad line: ${cases} cases`);
    expect(await storedNow()).toEqual(before);
  }, 120_000);

  it('reads any bytes without throwing: events, or an error naming the file', async () => {
    let cases = 0;
    const file = join(work, 'bytes.ndjson');
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        async (bytes, text) => {
          cases++;
          writeFileSync(file, cases % 2 ? Buffer.from(bytes) : Buffer.from(text));
          const read = await readEventFile(file);
          if ('error' in read) expect(read.error).toContain(file);
          else expect(Array.isArray(read.events)).toBe(true);
        },
      ),
      { numRuns: runs.read },
    );
    console.log(`checkpoint import, arbitrary bytes read: ${cases} cases`);
  });
});
