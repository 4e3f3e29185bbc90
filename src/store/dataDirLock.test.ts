import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './dataDirLock.js';
import { openDb } from './openDb.js';

const script = new URL('../../test/support/holdDataDir.ts', import.meta.url).pathname;
const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'checkpoint-lock-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function startHolder(dir: string): { child: ChildProcess; firstLine: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const firstLine = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
    });
    child.on('exit', (code) => resolve(out.split('\n')[0] || `exited ${code}`));
    child.on('error', reject);
  });
  return { child, firstLine };
}

describe('the data directory lock', () => {
  it('refuses a second process with a clear error, and lets it in once the first has stopped', async () => {
    const dir = freshDir();
    const first = startHolder(dir);
    expect(await first.firstLine).toBe('opened');

    const second = startHolder(dir);
    expect(await second.firstLine).toMatch(
      new RegExp(
        `^refused: the data directory ${dir} is in use by another DevOps Checkpoint process \\(pid ${first.child.pid}\\)`,
      ),
    );

    first.child.stdin?.end();
    await new Promise((resolve) => first.child.on('exit', resolve));
    const db = await openDb({ dataDir: dir });
    expect(await db.ping()).toBe(true);
    await db.close();
  }, 120_000);

  it('refuses a second opener in the same process', async () => {
    const dir = freshDir();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    lockDataDir(dir)();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'checkpoint.lock'), '999999999');
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'checkpoint.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
