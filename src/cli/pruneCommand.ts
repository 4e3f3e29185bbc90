import { type Config, effectiveDataDir } from '../server/config.js';
import { pruneBody } from '../server/routes/retentionRoutes.js';
import { DataDirLockedError } from '../store/dataDirLock.js';
import { openDb } from '../store/openDb.js';
import { pruneDeliveries, type RetentionResult } from '../store/retention.js';
import { callRunningServer } from './callRunningServer.js';
import { withOrg } from './withOrg.js';

export async function pruneCommand(
  base: Config,
  options: { keepPayloads: number; keepRefusals: number; org?: string },
): Promise<void> {
  const config = withOrg(base, options.org);
  const policy = pruneBody.parse({
    keepPayloadsDays: options.keepPayloads,
    keepRefusalsDays: options.keepRefusals,
  });
  const now = Date.now();
  const before = (keep: number) => new Date(now - keep * 86_400_000);
  let result: RetentionResult;
  try {
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: effectiveDataDir(config) });
    try {
      result = await pruneDeliveries(db.kysely, {
        payloadsBefore: before(policy.keepPayloadsDays),
        refusalsBefore: before(policy.keepRefusalsDays),
      });
    } finally {
      await db.close();
    }
  } catch (error) {
    // The embedded database belongs to the running server: ask it instead.
    if (!(error instanceof DataDirLockedError)) throw error;
    result = await callRunningServer<RetentionResult>(config, 'POST', '/api/deliveries/prune', policy);
  }
  console.log(
    `cleared ${result.payloadsCleared} raw payloads older than ${policy.keepPayloadsDays} days; ` +
      `deleted ${result.deliveriesDeleted} refused, duplicate or ignored deliveries older than ${policy.keepRefusalsDays} days`,
  );
}
