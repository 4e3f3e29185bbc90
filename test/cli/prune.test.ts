import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = new URL('../../bin/checkpoint.js', import.meta.url).pathname;
const org = new URL('../fixtures/org/good.yaml', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'checkpoint-prune-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const prune = (...args: string[]) =>
  spawnSync(process.execPath, [bin, 'prune', '--org', org, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
  });

describe('checkpoint prune', () => {
  it('applies the retention policy on the data directory and says what it did', () => {
    const result = prune('--keep-payloads', '90');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^cleared 0 raw payloads older than 90 days; deleted 0 refused, duplicate or ignored deliveries older than 30 days\n$/,
    );
  }, 120_000);

  it('refuses a retention that is not a positive number of days', () => {
    const result = prune('--keep-refusals', '-3');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/--keep-refusals.*must be a positive number of days/);
  }, 60_000);
});
