import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/openDb.js';
import { authenticateLocal } from '../../src/store/users.js';

const bin = new URL('../../bin/checkpoint.js', import.meta.url).pathname;
const org = new URL('../fixtures/org/good.yaml', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'checkpoint-user-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (password: string | undefined, ...args: string[]) =>
  spawnSync(process.execPath, [bin, 'user', 'create', ...args], {
    encoding: 'utf8',
    input: '',
    env: {
      ...process.env,
      DATA_DIR: dir,
      CHECKPOINT_ORG: org,
      DATABASE_URL: '',
      ...(password ? { CHECKPOINT_PASSWORD: password } : {}),
    },
  });

describe('checkpoint user create', () => {
  it('creates a local account whose password signs in, scoped to a squad', async () => {
    const result = run(
      'correct horse battery',
      '--email',
      'Ana@Acme.test',
      '--name',
      'Ana',
      '--role',
      'facilitator',
      '--scope',
      'search',
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/created facilitator ana@acme\.test for search/);
    const again = run(
      'correct horse battery',
      '--email',
      'ana@acme.test',
      '--name',
      'Ana',
      '--role',
      'viewer',
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/exists already/);
    const db = await openDb({ dataDir: dir });
    try {
      expect(await authenticateLocal(db.kysely, 'ana@acme.test', 'correct horse battery')).toMatchObject({
        role: 'facilitator',
        scopes: ['search'],
      });
      expect(await authenticateLocal(db.kysely, 'ana@acme.test', 'wrong')).toBeUndefined();
    } finally {
      await db.close();
    }
  }, 120_000);

  it('refuses a short password or none, and an unknown role', () => {
    expect(run('short', '--email', 'b@acme.test', '--name', 'B', '--role', 'viewer').stderr).toMatch(
      /at least 12 characters/,
    );
    expect(run(undefined, '--email', 'b@acme.test', '--name', 'B', '--role', 'viewer').status).toBe(2);
    expect(
      run('long enough password', '--email', 'b@acme.test', '--name', 'B', '--role', 'king').stderr,
    ).toMatch(/--role/);
  });
});
