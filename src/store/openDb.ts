import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './dataDirLock.js';
import { migrateToLatest } from './migrate.js';
import { PgliteDialect } from './pgliteDialect.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** Whether the database answers a trivial query right now. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** A PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; `memory://` keeps them in memory (tests). */
  dataDir: string;
  /** Apply pending migrations on open (the default). */
  migrate?: boolean;
  poolSize?: number;
}

/** The one place that chooses the database driver: PostgreSQL when a URL is given, else PGlite. */
export async function openDb(options: OpenDbOptions): Promise<Db> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : await openPglite(options.dataDir);
  if (options.migrate ?? true) {
    try {
      await migrateToLatest(db.kysely);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}

async function openPostgres(url: string, poolSize: number): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // A server that does not answer (a network partition, a full pool for too long) must give an
    // error the API can turn into 503, not a request that hangs forever.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
    // A runaway query or a transaction left open cannot hold a connection forever.
    statement_timeout: 120_000,
    idle_in_transaction_session_timeout: 60_000,
  });
  // An idle client losing its server (a restart) must not crash the process; the pool reconnects.
  pool.on('error', () => {});
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    kind: 'postgres',
    ping: () => ping(kysely),
    close: () => kysely.destroy(),
  };
}

async function openPglite(dataDir: string): Promise<Db> {
  const inMemory = dataDir.startsWith('memory://');
  const unlock = inMemory ? () => {} : lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(inMemory ? {} : { dataDir });
    const kysely = new Kysely<Database>({ dialect: new PgliteDialect(pglite) });
    return {
      kysely,
      kind: 'pglite',
      ping: () => ping(kysely),
      close: async () => {
        await kysely.destroy();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

async function ping(kysely: Kysely<Database>): Promise<boolean> {
  try {
    await kysely.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
    return true;
  } catch {
    return false;
  }
}
