import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Db, openDb } from '../../src/store/openDb.js';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty database; closing it drops it (PostgreSQL) or discards it (PGlite). */
  open(): Promise<Db>;
}

const serverUrl = process.env.DATABASE_URL;

/** A new database on the PostgreSQL server of DATABASE_URL, dropped when closed. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!serverUrl) throw new Error('DATABASE_URL is not set');
  const name = `checkpoint_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export const pgliteBackend: Backend = { name: 'pglite', open: () => openDb({ dataDir: 'memory://' }) };

export const postgresBackend: Backend = {
  name: 'postgres',
  open: async () => {
    const database = await createPostgresDatabase();
    const db = await openDb({ databaseUrl: database.url, dataDir: 'unused' });
    return {
      ...db,
      close: async () => {
        await db.close();
        await database.drop();
      },
    };
  },
};

/** PGlite always; a real PostgreSQL server when DATABASE_URL is set (always in CI). */
export const backends: Backend[] = serverUrl ? [pgliteBackend, postgresBackend] : [pgliteBackend];

if (process.env.CI && !serverUrl) {
  throw new Error('CI must run the store tests on PostgreSQL too: set DATABASE_URL');
}
