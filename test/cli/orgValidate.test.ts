import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/checkpoint.js', import.meta.url).pathname;
const good = new URL('../fixtures/org/good.yaml', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('checkpoint org validate', () => {
  it('says a good file is valid and exits 0', () => {
    const result = run('org', 'validate', good);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/is valid: 2 tribes, 3 squads, 4 services \(time zone Europe\/London\)/);
  });

  it('prints each problem with file, line, column and field, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'checkpoint-org-'));
    const file = join(dir, 'org.yaml');
    writeFileSync(
      file,
      'timezone: Nowhere/Else\ntribes:\n  - name: t\n    squads:\n      - name: S Q\n        services: []\n',
    );
    const result = run('org', 'validate', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file}:5:15  tribes[0].squads[0].name: must be lower-case letters`);
    expect(result.stderr).toMatch(/1 problem in /);
  });

  it('names a file that does not exist', () => {
    const result = run('org', 'validate', '/nonexistent/org.yaml');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cannot read the organisation file: ENOENT/);
  });

  it('has --help on every command', () => {
    for (const args of [
      [],
      ['serve'],
      ['migrate'],
      ['prune'],
      ['org'],
      ['org', 'validate'],
      ['token', 'create'],
      ['user', 'create'],
      ['import'],
      ['metrics'],
      ['backfill', 'github'],
      ['quickcheck'],
    ]) {
      const result = run(...args, '--help');
      expect(result.status, args.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/^Usage: checkpoint/);
    }
  });
});
