import { watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Organisation } from '../core/org/organisation.js';
import { openDb } from '../store/openDb.js';
import { buildApp } from './buildApp.js';
import { type Config, effectiveDataDir } from './config.js';
import type { AppContext } from './context.js';
import { prepareDemo } from './demo.js';
import { LiveUpdates } from './live.js';
import { formatProblems, readOrganisationFile } from './organisationFile.js';
import { OrganisationState } from './organisationState.js';
import { version } from './version.js';

export interface RunningServer {
  app: FastifyInstance;
  context: AppContext;
  url: string;
  /** Stops taking requests, finishes those in flight, closes the database. */
  stop(): Promise<void>;
}

async function loadOrganisation(path: string): Promise<Organisation> {
  const result = await readOrganisationFile(path);
  if (!result.ok)
    throw new Error(`the organisation file has problems:\n${formatProblems(path, result.problems)}`);
  return result.organisation;
}

/**
 * Starts DevOps Checkpoint: the organisation file (or the demo organisation in its own data
 * directory), the database with migrations applied, the HTTP server, reload on SIGHUP or a change
 * of the file, and a graceful stop on SIGTERM/SIGINT.
 */
export async function startServer(
  config: Config,
  options: { handleSignals?: boolean; clock?: () => number } = {},
): Promise<RunningServer> {
  const clock = options.clock ?? Date.now;
  const demo = config.orgFile === undefined;
  if (demo && config.databaseUrl) {
    throw new Error(
      'DATABASE_URL is set but no organisation file is given: set CHECKPOINT_ORG (the demo only runs on the embedded database)',
    );
  }
  const organisation = demo ? undefined : await loadOrganisation(config.orgFile as string);
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: effectiveDataDir(config) });
  let app: FastifyInstance | undefined;
  try {
    const demoOrganisation = demo ? await prepareDemo(db, clock()) : undefined;
    const state = new OrganisationState(
      db.kysely,
      (organisation ?? demoOrganisation) as Organisation,
      config.orgFile,
    );
    await state.apply(state.organisation, new Date(clock()));
    const context: AppContext = { config, db, clock, organisation: state, version, live: new LiveUpdates() };
    app = await buildApp({
      context,
      log: {
        level: config.logLevel,
        redact: {
          paths: [
            'req.headers.authorization',
            'req.headers.cookie',
            'req.headers["x-gitlab-token"]',
            'req.headers["x-checkpoint-token"]',
          ],
          remove: true,
        },
      },
    });
    const running = app;
    const reload = async (reason: string) => {
      if (!config.orgFile) return;
      const problems = await state.reloadFrom(config.orgFile, new Date(clock()));
      if (problems.length === 0) running.log.info(`organisation reloaded (${reason})`);
      else
        running.log.error(
          { problems },
          `organisation file not reloaded (${reason}); the previous one stays in force`,
        );
    };
    const watcher = config.orgFile ? watchFile(config.orgFile, () => void reload('file changed')) : undefined;
    const onHangup = () => void reload('SIGHUP');
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        watcher?.close();
        process.off('SIGHUP', onHangup);
        await running.close();
        await db.close();
      })();
      return stopping;
    };
    if (options.handleSignals ?? true) {
      process.on('SIGHUP', onHangup);
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        process.once(signal, () => {
          running.log.info(`${signal} received: finishing requests in flight, then stopping`);
          stop().then(
            () => process.exit(0),
            (error) => {
              running.log.error({ err: error }, 'stop failed');
              process.exit(1);
            },
          );
        });
      }
    }
    return { app, context, url, stop };
  } catch (error) {
    await app?.close();
    await db.close();
    throw error;
  }
}

/** Calls back (debounced) when the file changes; editors that replace the file are followed too. */
function watchFile(path: string, onChange: () => void) {
  let timer: NodeJS.Timeout | undefined;
  // Watching the folder follows editors and deploy tools that replace the file instead of writing it.
  const watcher = watch(dirname(path), { persistent: false }, (_event, file) => {
    if (file !== basename(path)) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, 200);
  });
  return {
    close: () => {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
