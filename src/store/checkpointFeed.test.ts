import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../../test/support/databases.js';
import { storeCheckpoint } from '../../test/support/storedCheckpoint.js';
import { newCheckpoint } from '../core/workshop/testCheckpoint.js';
import { checkpointChannel, listenForCheckpointCommands } from './checkpointFeed.js';
import { appendCheckpointCommands } from './checkpoints.js';
import { openDb } from './openDb.js';

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) console.warn('checkpoint feed tests skipped: DATABASE_URL is not set (CI always sets it)');

/** Resolves when `condition` holds, checking every few milliseconds; fails after a long wait. */
async function eventually(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 15_000) throw new Error(`waited in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!serverUrl)('the checkpoint feed on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let client: pg.Client;
  beforeAll(async () => {
    database = await createPostgresDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  const notify = (payload: string) => client.query('select pg_notify($1, $2)', [checkpointChannel, payload]);

  it('hears committed appends, and listens again after losing its connection', async () => {
    const heard: string[] = [];
    let resyncs = 0;
    const feed = await listenForCheckpointCommands(
      database.url,
      { onCommand: (id, version) => heard.push(`${id}@${version}`), onResync: () => (resyncs += 1) },
      { maxDelayMs: 200 },
    );
    try {
      expect(feed.shared).toBe(true);
      await notify('cp-1 7');
      await notify('not a payload');
      await notify('cp-2 8');
      await eventually(() => heard.length === 2, 'two notifications');
      expect(heard).toEqual(['cp-1@7', 'cp-2@8']);

      await client.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen%'`,
      );
      await eventually(() => resyncs === 1, 'the feed to listen again');
      await notify('cp-1 9');
      await eventually(() => heard.length === 3, 'a notification after reconnecting');
      expect(heard.at(-1)).toBe('cp-1@9');
    } finally {
      await feed.close();
    }
  });

  it('hears each command an append writes, once committed, and none whose version was taken', async () => {
    const db = await openDb({ databaseUrl: database.url, dataDir: 'unused' });
    const heard: string[] = [];
    const feed = await listenForCheckpointCommands(database.url, {
      onCommand: (id, version) => heard.push(`${id}@${version}`),
      onResync: () => {},
    });
    try {
      const initial = newCheckpoint({ id: 'cp-9' });
      await storeCheckpoint(db.kysely, initial);
      const command = { type: 'raiseHand', actorId: 'fac', at: initial.createdAt } as const;
      const entry = (version: number) => ({ checkpointId: 'cp-9', version, command, recordedAt: new Date() });
      expect(await appendCheckpointCommands(db.kysely, [entry(1), entry(2)], true)).toEqual([
        'appended',
        'appended',
      ]);
      expect(await appendCheckpointCommands(db.kysely, [entry(2), entry(3)], true)).toEqual([
        'conflict',
        'appended',
      ]);
      await eventually(() => heard.length >= 3, 'three notifications');
      await notify('cp-0 1');
      await eventually(() => heard.includes('cp-0@1'), 'a notification sent after the appends');
      expect(heard).toEqual(['cp-9@1', 'cp-9@2', 'cp-9@3', 'cp-0@1']);
    } finally {
      await feed.close();
      await db.close();
    }
  });
});
