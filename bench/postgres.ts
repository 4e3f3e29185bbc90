/** A fresh PostgreSQL database for one benchmark run, on the server of DATABASE_URL, dropped after. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface BenchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates `checkpoint_bench_<random>` on the server and returns its URL. */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `checkpoint_bench_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      await onServer(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** The server's version string, or the reason it cannot be reached. */
export async function describeServer(
  serverUrl: string,
): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  try {
    const version = await onServer(serverUrl, async (client) => {
      const result = await client.query<{ server_version: string }>('show server_version');
      return result.rows[0]?.server_version ?? 'unknown';
    });
    return { ok: true, version };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
