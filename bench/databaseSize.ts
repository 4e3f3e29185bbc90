/**
 * The size on disk of the benchmark organisation's generated history, per million events, on PGlite
 * (the data directory) and PostgreSQL (`pg_database_size`, when DATABASE_URL is set).
 * Run: `npx tsx bench/databaseSize.ts [--months N]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { prepareDemo } from '../src/server/demo.js';
import { countEvents } from '../src/store/events.js';
import { type Db, openDb } from '../src/store/openDb.js';
import { benchPreset } from './generator/index.js';
import { createBenchDatabase } from './postgres.js';

const monthsFlag = process.argv.indexOf('--months');
const months = monthsFlag > 0 ? Number(process.argv[monthsFlag + 1]) : 3;

async function measure(name: string, db: Db, size: () => Promise<number>): Promise<void> {
  await prepareDemo(db, Date.now(), { ...benchPreset, months });
  const counts = await countEvents(db.kysely);
  const events = counts.changes + counts.deployments + counts.incidents;
  const bytes = await size();
  const perMillion = (bytes / events) * 1e6;
  console.log(
    `${name}: ${events.toLocaleString('en')} events (${months} months, ${benchPreset.services} services) in ` +
      `${(bytes / 2 ** 20).toFixed(0)} MiB — ${(perMillion / 2 ** 30).toFixed(2)} GiB per million events`,
  );
}

const dataDir = mkdtempSync(join(tmpdir(), 'checkpoint-size-'));
try {
  const pglite = await openDb({ dataDir });
  await measure('PGlite', pglite, async () => {
    await sql`checkpoint`.execute(pglite.kysely);
    return Number(execFileSync('du', ['-sb', dataDir], { encoding: 'utf8' }).split('\t')[0]);
  });
  await pglite.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const url = process.env.DATABASE_URL?.trim();
if (url) {
  const database = await createBenchDatabase(url);
  const db = await openDb({ databaseUrl: database.url, dataDir: 'unused' });
  try {
    await measure('PostgreSQL', db, async () => {
      await sql`vacuum analyze`.execute(db.kysely);
      const row = await sql<{ size: string }>`select pg_database_size(current_database()) as size`.execute(
        db.kysely,
      );
      return Number(row.rows[0]?.size ?? 0);
    });
  } finally {
    await db.close();
    await database.drop();
  }
} else console.log('PostgreSQL: DATABASE_URL is not set, not measured');
