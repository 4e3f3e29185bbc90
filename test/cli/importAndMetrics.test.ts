import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../support/serverProcess.js';

const bin = new URL('../../bin/checkpoint.js', import.meta.url).pathname;
const org = new URL('../fixtures/org/good.yaml', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'checkpoint-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const events = [
  { type: 'change', repo: 'acme/search', sha: 'a1', committedAt: '2026-02-02T08:00:00Z', parents: [] },
  {
    type: 'deployment',
    id: 'd1',
    source: 'ci',
    service: 'vehicle-search',
    environment: 'production',
    sha: 'a1',
    status: 'success',
    finishedAt: '2026-02-02T09:00:00Z',
  },
  { type: 'change', repo: 'acme/search', sha: 'a2', committedAt: '2026-02-03T08:00:00Z', parents: ['a1'] },
  {
    type: 'deployment',
    id: 'd2',
    source: 'ci',
    service: 'vehicle-search',
    environment: 'production',
    sha: 'a2',
    status: 'success',
    finishedAt: '2026-02-03T10:00:00Z',
  },
];

const run = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    // The embedded database in its own directory: never the test run's DATABASE_URL.
    env: { ...process.env, CHECKPOINT_ORG: org, DATABASE_URL: '', ...env },
  });

describe('checkpoint import and checkpoint metrics', () => {
  it('imports an NDJSON file into the data directory, then measures it', () => {
    const env = { DATA_DIR: join(dir, 'direct'), PORT: '1' };
    const file = join(dir, 'events.ndjson');
    writeFileSync(file, `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
    const imported = run(env, 'import', file);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/imported 4 events from .* into /);
    const again = run(env, 'import', file);
    expect(again.stdout).toMatch(/\(1 of 1 batches were already imported\)/);
    const metrics = run(
      env,
      'metrics',
      '--group-by',
      'service',
      '--from',
      '2026-02-01',
      '--to',
      '2026-03-01',
      '--json',
    );
    expect(metrics.status, metrics.stderr).toBe(0);
    const search = JSON.parse(metrics.stdout).groups.find((g: { key: string }) => g.key === 'vehicle-search');
    // d2 carries a2: 10:00 − 08:00 = 7200 s; d1 is the first deployment and carries nothing.
    expect(search).toMatchObject({ deploymentFrequency: { count: 2 }, leadTime: { count: 1, median: 7200 } });
    const table = run(env, 'metrics', '--group-by', 'squad', '--from', '2026-02-01', '--to', '2026-03-01');
    expect(table.stdout).toMatch(/search\s+2\s+/);
  }, 120_000);

  it('names the line and field of a bad event and stores nothing', () => {
    const env = { DATA_DIR: join(dir, 'bad'), PORT: '1' };
    const file = join(dir, 'bad.ndjson');
    writeFileSync(
      file,
      `${JSON.stringify(events[0])}\n${JSON.stringify({ ...events[1], status: 'done' })}\n`,
    );
    const result = run(env, 'import', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file}:2  status: `);
    expect(result.stderr).toMatch(/nothing imported: 1 problem/);
  }, 60_000);

  it('goes through the running server when one is up', async () => {
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const dataDir = join(dir, 'served');
    const server = await startServerProcess({ DATA_DIR: dataDir, CHECKPOINT_ORG: org }, ['--port', port]);
    try {
      const file = join(dir, 'events.json');
      writeFileSync(file, JSON.stringify({ events }));
      const imported = run({ DATA_DIR: dataDir, PORT: port }, 'import', file);
      expect(imported.status, imported.stderr).toBe(0);
      expect(imported.stdout).toMatch(
        new RegExp(`imported 4 events from .* through http://127\\.0\\.0\\.1:${port}`),
      );
      const response = await fetch(`${server.url}/api/metrics?groupBy=service&from=2026-02-01&to=2026-03-01`);
      const body = (await response.json()) as {
        groups: { key: string; deploymentFrequency: { count: number } }[];
      };
      expect(body.groups.find((g) => g.key === 'vehicle-search')?.deploymentFrequency.count).toBe(2);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
