import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Organisation } from '../../src/core/org/organisation.js';
import { buildApp } from '../../src/server/buildApp.js';
import { type Config, loadConfig } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/context.js';
import { LiveUpdates } from '../../src/server/live.js';
import { parseOrganisationYaml } from '../../src/server/organisationFile.js';
import { OrganisationState } from '../../src/server/organisationState.js';
import type { Db } from '../../src/store/openDb.js';
import { pgliteBackend } from './databases.js';

export const testOrganisation = (): Organisation => {
  const result = parseOrganisationYaml(
    readFileSync(new URL('../fixtures/org/good.yaml', import.meta.url), 'utf8'),
  );
  if (!result.ok) throw new Error('the test organisation is invalid');
  return result.organisation;
};

export interface TestApp {
  app: FastifyInstance;
  context: AppContext;
  db: Db;
  /** Moves the injected clock. */
  setNow(iso: string): void;
  close(): Promise<void>;
}

/** The real application on an in-memory PGlite database (or one given), driven through `inject`. */
export async function createTestApp(
  options: { env?: Record<string, string>; db?: Db; organisation?: Organisation; now?: string } = {},
): Promise<TestApp> {
  const db = options.db ?? (await pgliteBackend.open());
  const config: Config = loadConfig({ CHECKPOINT_ORG: 'test-org.yaml', ...options.env });
  let now = Date.parse(options.now ?? '2026-03-02T12:00:00Z');
  const clock = () => now;
  const organisation = new OrganisationState(
    db.kysely,
    options.organisation ?? testOrganisation(),
    config.orgFile,
  );
  await organisation.apply(organisation.organisation, new Date(now));
  const context: AppContext = { config, db, clock, organisation, version: 'test', live: new LiveUpdates() };
  const app = await buildApp({ context, webRoot: '/nonexistent' });
  await app.ready();
  return {
    app,
    context,
    db,
    setNow: (iso) => {
      now = Date.parse(iso);
    },
    close: async () => {
      await app.close();
      if (!options.db) await db.close();
    },
  };
}
