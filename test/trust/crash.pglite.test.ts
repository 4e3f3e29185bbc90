import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/openDb.js';
import type { ServerProcess } from '../support/serverProcess.js';
import {
  burstAndKill,
  checkStoredAfterCrash,
  cleanMetricsOf,
  metricsOf,
  org,
  startServerProcess,
} from './crashScenario.js';
import { readStoredState } from './storedState.js';

// SIGKILL mid-burst on the embedded database (a file-backed PGlite data directory).
const dataDir = mkdtempSync(join(tmpdir(), 'checkpoint-crash-pglite-'));
const env = { DATA_DIR: dataDir, CHECKPOINT_ORG: org, CHECKPOINT_INGEST_RATE_PER_MINUTE: '1000000' };
const started: ServerProcess[] = [];
afterAll(async () => {
  for (const server of started) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a crash of the server on PGlite', () => {
  it('loses no acknowledged batch, stores each whole and once, and measures as a clean ingestion', async () => {
    const first = await startServerProcess(env);
    started.push(first);
    const burst = await burstAndKill(first);

    // SIGKILL leaves the lock of the dead process behind: the restarted server must take it over.
    const lock = join(dataDir, 'checkpoint.lock');
    expect(existsSync(lock)).toBe(true);
    expect(readFileSync(lock, 'utf8')).toBe(String(first.child.pid));
    const second = await startServerProcess(env);
    started.push(second);
    expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
    const after = await metricsOf(second.url);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const db = await openDb({ dataDir });
    const state = await readStoredState(db.kysely);
    await db.close();
    const stored = checkStoredAfterCrash(state, burst);
    expect(after).toEqual(await cleanMetricsOf(stored));
    console.log(
      `crash on PGlite: ${burst.acknowledged.size} batches acknowledged, ${stored.length} stored ` +
        `(${stored.length - burst.acknowledged.size} committed while their answer was lost), ${burst.inFlight.size} in flight at the kill`,
    );
  }, 240_000);
});
