/**
 * Everything measured on one database backend: a fresh store, ingestion through the API, the metrics
 * cold and warm, the store and engine steps alone, and the server's memory throughout.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type IngestionResult, ingest } from './ingestion.js';
import {
  type DrillDownResult,
  getMetrics,
  type MetricsResult,
  measureDrillDowns,
  measureMetrics,
} from './metrics.js';
import type { BackendName, BenchOptions } from './options.js';
import { createBenchDatabase } from './postgres.js';
import type { IngestStepsResult, ProbeResult, ServerSpec } from './protocol.js';
import { startBenchServer } from './serverHandle.js';
import { benchNow, benchOrganisation, type MetricsWindow, type Workload } from './workload.js';

export interface BackendResult {
  backend: BackendName;
  skipped?: string;
  ingestion?: IngestionResult;
  ingestSteps?: IngestStepsResult;
  /** The first metrics answer after ingestion, on the ingesting server (facts derived meanwhile). */
  catchUp?: { ms: number; groups: number };
  metrics?: MetricsResult;
  /** The first drill-downs after a start, over the year. */
  drillDowns?: DrillDownResult;
  probe?: ProbeResult;
  /** PGlite's data directory after ingestion (bytes). */
  storeBytes?: number;
  memory: {
    /** RSS once listening on the fresh, empty store. */
    emptyStartRss?: number;
    ingestionPeakRss?: number;
    ingestionMaxRss?: number;
    metricsPeakRss?: number;
    probeMaxRss?: number;
  };
}

/** Ingestion stops here whatever happens, so the whole run stays bounded. */
const ingestionLimitMs = 6 * 60_000;
const warmRequests = 3;

async function directoryBytes(path: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

function progress(label: string) {
  let last = 0;
  return (sent: number, total: number) => {
    const now = Date.now();
    if (sent !== total && now - last < 5_000) return;
    last = now;
    process.stderr.write(`  ${label}: ${sent}/${total} batches\n`);
  };
}

export async function runBackend(
  backend: BackendName,
  options: BenchOptions,
  workload: Workload,
  windows: MetricsWindow[],
): Promise<BackendResult> {
  const result: BackendResult = { backend, memory: {} };
  if (backend === 'postgres' && !options.databaseUrl) {
    result.skipped = 'DATABASE_URL is not set: PostgreSQL not measured';
    return result;
  }
  const workDir = await mkdtemp(join(tmpdir(), 'checkpoint-bench-'));
  const database =
    backend === 'postgres' ? await createBenchDatabase(options.databaseUrl as string) : undefined;
  const spec: ServerSpec = {
    backend,
    dataDir: join(workDir, 'pglite'),
    databaseUrl: database?.url,
    scale: options.scale,
    now: benchNow(),
  };
  try {
    process.stderr.write(
      `${backend}: ingesting ${workload.events.total} events in ${workload.bodies.length} batches\n`,
    );
    const server = await startBenchServer(spec);
    try {
      result.memory.emptyStartRss = server.startRss;
      await server.memory();
      result.ingestion = await ingest(
        server,
        workload,
        options.concurrency,
        ingestionLimitMs,
        progress(backend),
      );
      const reading = await server.memory();
      result.memory.ingestionPeakRss = reading.peakRss;
      result.ingestion.serverCpuMs = reading.cpuMs;
      const year = windows[0];
      if (year !== undefined) {
        const first = await getMetrics(server.url, year);
        result.catchUp = { ms: first.ms, groups: first.groups };
      }
      result.ingestSteps = await server.ingestSteps({ batches: 3, batchSize: options.batchSize });
    } finally {
      result.memory.ingestionMaxRss = (await server.stop()).maxRss;
    }
    if (backend === 'pglite') result.storeBytes = await directoryBytes(spec.dataDir);

    const sections = options.sections;
    if (sections.has('metrics') || sections.has('limit') || sections.has('memory')) {
      process.stderr.write(
        `${backend}: GET /api/metrics cold, warm and after a write, ${options.repeats} starts per window\n`,
      );
      result.metrics = await measureMetrics(spec, windows, options.repeats, warmRequests);
      result.memory.metricsPeakRss = result.metrics.peakRss;
      const year = windows[0];
      const squad = benchOrganisation(options.scale)
        .tribes.flatMap((tribe) => tribe.squads)
        .find((s) => s.services.length > 0);
      const service = squad?.services[0]?.name;
      if (sections.has('metrics') && year !== undefined && squad !== undefined && service !== undefined) {
        process.stderr.write(`${backend}: the first drill-downs after a start\n`);
        result.drillDowns = await measureDrillDowns(spec, year, { service, squad: squad.name });
      }
    }
    if (sections.has('limit') || sections.has('engine')) {
      process.stderr.write(`${backend}: store and engine steps alone\n`);
      const prober = await startBenchServer(spec);
      try {
        result.probe = await prober.probe({ windows, repeats: options.repeats });
      } finally {
        result.memory.probeMaxRss = (await prober.stop()).maxRss;
      }
    }
  } finally {
    await database?.drop();
    await rm(workDir, { recursive: true, force: true, maxRetries: 3 });
  }
  return result;
}
