/**
 * The server of the workshop latency benchmark, in a process of its own so that the simulated
 * browsers do not share its event loop: the real app on PGlite (file-backed) or PostgreSQL, listening
 * on a free loopback port. Started by `workshopLatency.ts`; it reports its URL over IPC and stops when
 * told to.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Organisation } from '../src/core/org/organisation.js';
import { buildApp } from '../src/server/buildApp.js';
import { loadConfig } from '../src/server/config.js';
import type { AppContext } from '../src/server/context.js';
import { LiveUpdates } from '../src/server/live.js';
import { OrganisationState } from '../src/server/organisationState.js';
import { openDb } from '../src/store/openDb.js';

/** The environment variable that carries the server's spec (JSON). */
export const workshopServerVariable = 'WORKSHOP_LATENCY_SERVER';

/** What the benchmark asks of its server. */
export interface WorkshopServerSpec {
  dataDir: string;
  databaseUrl: string | undefined;
}

/** The squad every benchmark checkpoint is for. */
export const benchSquad = 'bench-squad';

const organisation: Organisation = {
  name: 'Workshop benchmark',
  timezone: 'UTC',
  environments: { production: ['production'] },
  attributionWindowHours: 48,
  tribes: [
    {
      name: 'bench-tribe',
      squads: [{ name: benchSquad, services: [{ name: 'bench-service', repo: 'bench/service' }] }],
    },
  ],
};

async function serve(spec: WorkshopServerSpec): Promise<void> {
  const config = loadConfig({
    CHECKPOINT_ORG: 'bench-organisation.yaml',
    DATA_DIR: spec.dataDir,
    ...(spec.databaseUrl === undefined ? {} : { DATABASE_URL: spec.databaseUrl }),
  });
  const db = await openDb({ databaseUrl: spec.databaseUrl, dataDir: spec.dataDir });
  const state = new OrganisationState(db.kysely, organisation, config.orgFile);
  await state.apply(organisation, new Date());
  const context: AppContext = {
    config,
    db,
    clock: Date.now,
    organisation: state,
    version: 'bench',
    live: new LiveUpdates(),
  };
  const app = await buildApp({ context, webRoot: '/nonexistent' });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  let mark = { cpu: process.cpuUsage(), loop: performance.eventLoopUtilization() };
  // How long ready work waited for the event loop: long synchronous stretches show up here.
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  process.on('message', (message) => {
    if (message === 'mark') {
      mark = { cpu: process.cpuUsage(), loop: performance.eventLoopUtilization() };
      delay.reset();
    } else if (message === 'usage') {
      const cpu = process.cpuUsage(mark.cpu);
      const loop = performance.eventLoopUtilization(mark.loop);
      process.send?.({
        type: 'usage',
        cpuMs: (cpu.user + cpu.system) / 1000,
        loopUtilisation: loop.utilization,
        loopDelayP99Ms: delay.percentile(99) / 1e6,
      });
    } else if (message === 'stop') {
      void (async () => {
        await app.close();
        await db.close();
        process.exit(0);
      })();
    }
  });
  process.send?.({ type: 'ready', url });
}

const spec = process.env[workshopServerVariable];
if (spec !== undefined && process.send !== undefined) {
  serve(JSON.parse(spec) as WorkshopServerSpec).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
