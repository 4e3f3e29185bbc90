import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/openDb.js';
import { createPostgresDatabase } from '../support/databases.js';
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

// SIGKILL mid-burst on PostgreSQL (a fresh database on the server of DATABASE_URL; CI always sets it).
const started: ServerProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const server of started) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  for (const cleanup of cleanups) await cleanup();
});

describe.skipIf(!process.env.DATABASE_URL)('a crash of the server on PostgreSQL', () => {
  it('loses no acknowledged batch, stores each whole and once, and measures as a clean ingestion', async () => {
    const database = await createPostgresDatabase();
    cleanups.push(database.drop);
    const env = {
      DATABASE_URL: database.url,
      CHECKPOINT_ORG: org,
      CHECKPOINT_INGEST_RATE_PER_MINUTE: '1000000',
    };
    const first = await startServerProcess(env);
    started.push(first);
    const burst = await burstAndKill(first);

    const second = await startServerProcess(env);
    started.push(second);
    expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
    const after = await metricsOf(second.url);
    const db = await openDb({ databaseUrl: database.url, dataDir: 'unused', migrate: false });
    const state = await readStoredState(db.kysely);
    await db.close();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const stored = checkStoredAfterCrash(state, burst);
    const clean = await createPostgresDatabase();
    cleanups.push(clean.drop);
    const cleanDb = await openDb({ databaseUrl: clean.url, dataDir: 'unused' });
    try {
      expect(after).toEqual(await cleanMetricsOf(stored, cleanDb));
    } finally {
      await cleanDb.close();
    }
    console.log(
      `crash on PostgreSQL: ${burst.acknowledged.size} batches acknowledged, ${stored.length} stored ` +
        `(${stored.length - burst.acknowledged.size} committed while their answer was lost), ${burst.inFlight.size} in flight at the kill`,
    );
  }, 240_000);
});

if (!process.env.DATABASE_URL) console.log('crash on PostgreSQL: skipped, DATABASE_URL is not set');
