import { type Config, effectiveDataDir } from '../server/config.js';
import { DataDirLockedError } from '../store/dataDirLock.js';
import { openDb } from '../store/openDb.js';
import { createToken, type TokenScope } from '../store/tokens.js';
import { callRunningServer } from './callRunningServer.js';
import { withOrg } from './withOrg.js';

export async function tokenCreateCommand(
  base: Config,
  options: { name: string; scope: TokenScope; expires?: number; org?: string },
): Promise<void> {
  const config = withOrg(base, options.org);
  const now = new Date();
  const expiresAt =
    options.expires === undefined ? undefined : new Date(now.getTime() + options.expires * 86_400_000);
  let token: string;
  try {
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: effectiveDataDir(config) });
    try {
      token = (await createToken(db.kysely, { name: options.name, scope: options.scope, expiresAt, now }))
        .token;
    } finally {
      await db.close();
    }
  } catch (error) {
    // The embedded database belongs to the running server: ask it instead.
    if (!(error instanceof DataDirLockedError)) throw error;
    const created = await callRunningServer<{ token: string }>(config, 'POST', '/api/tokens', {
      name: options.name,
      scope: options.scope,
      ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
    });
    token = created.token;
  }
  console.log(token);
  console.error(
    `token "${options.name}" (${options.scope}) created${expiresAt ? `, expires ${expiresAt.toISOString()}` : ''}; it is shown only this once`,
  );
}
