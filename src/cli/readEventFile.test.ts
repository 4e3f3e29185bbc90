import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEventFile } from './readEventFile.js';

const dir = mkdtempSync(join(tmpdir(), 'checkpoint-read-events-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
const read = (text: string) => {
  count += 1;
  const file = join(dir, `events-${count}.json`);
  writeFileSync(file, text);
  return { file, result: readEventFile(file) };
};

const change = { type: 'change', repo: 'acme/search', sha: 'a1', committedAt: '2026-03-01T10:00:00Z' };

describe('reading an import file', () => {
  it('reads NDJSON with the line of each event', async () => {
    const { result } = read(`${JSON.stringify(change)}\n\n${JSON.stringify({ ...change, sha: 'a2' })}\n`);
    expect(await result).toEqual({ events: [change, { ...change, sha: 'a2' }], lines: [1, 3] });
  });

  it('reads one pretty-printed document', async () => {
    const { result } = read(JSON.stringify({ events: [change] }, null, 2));
    expect(await result).toEqual({ events: [change], lines: null });
  });

  it('names the broken line of NDJSON', async () => {
    const { file, result } = read(`${JSON.stringify(change)}\n{"type": "change",\n`);
    expect(await result).toEqual({ error: expect.stringMatching(new RegExp(`^${file}:2: not valid JSON`)) });
  });

  it('names a broken first line of NDJSON, even where the next lines would continue it as a document', async () => {
    const good = JSON.stringify({ ...change, sha: 'a2' });
    for (const broken of ['{"type":"change",', '{"type":"change","repo"', '{"type":"change","repo":']) {
      const { file, result } = read(`${broken}\n${good}\n${good}\n`);
      expect(await result).toEqual({
        error: expect.stringMatching(new RegExp(`^${file}:1: not valid JSON`)),
      });
    }
    const { file, result } = read(`{"type":"change",\n${good}\n`);
    expect(await result).toEqual({ error: expect.stringMatching(new RegExp(`^${file}:1: not valid JSON`)) });
  });

  it('blames a broken document of compact events as a whole', async () => {
    const compact = `{"events": [\n${JSON.stringify(change)}\n${JSON.stringify(change)}\n]}`;
    const { file, result } = read(compact);
    const outcome = await result;
    expect(outcome).toEqual({ error: expect.stringMatching(new RegExp(`^${file}:3:1: not valid JSON`)) });
  });

  it('blames a broken pretty-printed document as a whole, not its first line', async () => {
    const pretty = JSON.stringify({ events: [change] }, null, 2).replace('"a1"', '"a1",');
    const { file, result } = read(pretty);
    const outcome = await result;
    expect(outcome).toEqual({ error: expect.stringContaining('not valid JSON') });
    expect('error' in outcome && outcome.error).not.toMatch(new RegExp(`^${file}:1:`));
  });
});
