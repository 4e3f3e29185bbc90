/**
 * The server process of the benchmark: the real application (buildApp, the real store) listening on
 * 127.0.0.1, its RSS sampled every 100 ms. Driven over IPC by `serverHandle.ts`; exits by itself when
 * the benchmark goes away or after half an hour.
 */
import { buildApp } from '../src/server/buildApp.js';
import { loadConfig } from '../src/server/config.js';
import type { AppContext } from '../src/server/context.js';
import { LiveUpdates } from '../src/server/live.js';
import { OrganisationState } from '../src/server/organisationState.js';
import { openDb } from '../src/store/openDb.js';
import { ingestSteps } from './ingestSteps.js';
import { probe } from './probe.js';
import { type ChildMessage, type ParentMessage, type ServerSpec, serverSpecVariable } from './protocol.js';
import { benchOrganisation } from './workload.js';

const lifetimeMs = 30 * 60_000;
const sampleEveryMs = 100;

const send = (message: ChildMessage) => process.send?.(message);

function memorySampler() {
  let peak = process.memoryUsage.rss();
  let samples = 0;
  let cpu = process.cpuUsage();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
    samples += 1;
  }, sampleEveryMs);
  timer.unref();
  return {
    /** The peak and CPU time since the previous reading; the next period starts now. */
    read: () => {
      const rss = process.memoryUsage.rss();
      const used = process.cpuUsage(cpu);
      cpu = process.cpuUsage();
      const reading = {
        cpuMs: (used.user + used.system) / 1000,
        peakRss: Math.max(peak, rss),
        maxRss: process.resourceUsage().maxRSS * 1024,
        samples,
      };
      peak = rss;
      samples = 0;
      return reading;
    },
    stop: () => clearInterval(timer),
  };
}

async function main(): Promise<void> {
  const sampler = memorySampler();
  const spec = JSON.parse(process.env[serverSpecVariable] ?? 'null') as ServerSpec | null;
  if (!spec) throw new Error(`${serverSpecVariable} is not set: this file is started by bench/run.ts`);
  const started = performance.now();
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: spec.dataDir,
    DATABASE_URL: spec.databaseUrl,
    CHECKPOINT_ORG: `${spec.dataDir}/bench-organisation.yaml`,
    // The default (600 batches a minute) would cap ingestion at 50,000 events/s; the bench must not hit it.
    CHECKPOINT_INGEST_RATE_PER_MINUTE: '100000',
    LOG_LEVEL: 'silent',
  });
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const now = spec.now;
  const organisation = new OrganisationState(db.kysely, benchOrganisation(spec.scale), config.orgFile);
  await organisation.apply(organisation.organisation, new Date(now));
  const context: AppContext = {
    config,
    db,
    clock: () => now,
    organisation,
    version: 'bench',
    live: new LiveUpdates(),
  };
  const app = await buildApp({ context, webRoot: '/nonexistent' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    sampler.stop();
    await app.close();
    await db.close();
  };
  const lifetime = setTimeout(() => {
    void stop().finally(() => process.exit(2));
  }, lifetimeMs);
  lifetime.unref();
  process.on('disconnect', () => {
    void stop().finally(() => process.exit(0));
  });
  process.on('message', (raw) => {
    const message = raw as ParentMessage;
    if (message.kind !== 'request') return;
    const answer = async (): Promise<unknown> => {
      switch (message.command) {
        case 'memory':
          return sampler.read();
        case 'probe':
          return probe(context, message.probe);
        case 'ingestSteps':
          return ingestSteps(spec.scale, message.steps);
        case 'stop':
          await stop();
          return sampler.read();
      }
    };
    answer().then(
      (result) => {
        send({ kind: 'reply', id: message.id, result });
        if (message.command === 'stop') process.disconnect();
      },
      (error: unknown) =>
        send({ kind: 'reply', id: message.id, error: String((error as Error)?.stack ?? error) }),
    );
  });
  send({ kind: 'ready', port, startMs: performance.now() - started, rss: process.memoryUsage.rss() });
}

main().catch((error: unknown) => {
  send({ kind: 'failed', error: String((error as Error)?.stack ?? error) });
  process.exitCode = 1;
  process.disconnect?.();
});
