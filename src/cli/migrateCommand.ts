import { type Config, effectiveDataDir } from '../server/config.js';
import { migrateToLatest } from '../store/migrate.js';
import { openDb } from '../store/openDb.js';
import { withOrg } from './withOrg.js';

export async function migrateCommand(base: Config, options: { org?: string }): Promise<void> {
  const config = withOrg(base, options.org);
  const db = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: effectiveDataDir(config),
    migrate: false,
  });
  try {
    const applied = await migrateToLatest(db.kysely);
    console.log(applied.length === 0 ? 'the database is up to date' : `applied: ${applied.join(', ')}`);
  } finally {
    await db.close();
  }
}
