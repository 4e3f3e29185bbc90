/**
 * `npm run bench`: ingestion, metrics, the ratio to the read-only limit, the engine alone and memory,
 * on PGlite and (when DATABASE_URL is set) PostgreSQL, for the seeded benchmark organisation; then the
 * live workshop's latency (50 rooms × 12 people on WebSockets) and the load test (ingestion and
 * metrics under load, 1,000 WebSockets held for a minute) on the same backends. Every part runs for a
 * fixed time. Prints one table per section and a summary against the targets, and writes the results
 * as JSON under the temp directory. `npm run bench -- workshop` (or `load`, …) runs only those sections.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { type BackendResult, runBackend } from './backendRun.js';
import { type LoadBenchmarkResult, runLoadBenchmark } from './load.js';
import { type BackendName, type BenchOptions, metricsSectionNames, parseOptions } from './options.js';
import { createBenchDatabase, describeServer } from './postgres.js';
import {
  catchUpTable,
  drillDownTable,
  engineTable,
  ingestionTable,
  ingestStepsTable,
  limitTable,
  memoryTable,
  metricsTable,
} from './report.js';
import { formatCount, formatMs, mib } from './stats.js';
import { summarise, summariseLoad, summariseWeb, summariseWorkshop, summaryTable } from './summary.js';
import { targets } from './targets.js';
import {
  runWebLeaderboardBenchmark,
  type WebLeaderboardResult,
  webLeaderboardReport,
} from './webLeaderboard.js';
import { buildWorkload, metricsWindows, type Workload } from './workload.js';
import { runWorkshopLatencyBenchmark, type WorkshopLatencyResult } from './workshopLatency.js';

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/** Whether PostgreSQL can be measured: its version, or why it is skipped (never a made-up figure). */
async function postgresServer(options: BenchOptions): Promise<{ note: string; skip?: string } | undefined> {
  if (!options.backends.includes('postgres')) return undefined;
  if (!options.databaseUrl) {
    const skip = 'DATABASE_URL is not set: PostgreSQL not measured';
    return { note: `PostgreSQL skipped: ${skip}.`, skip };
  }
  const server = await describeServer(options.databaseUrl);
  if (!server.ok) {
    const skip = `the server of DATABASE_URL cannot be reached (${server.reason}): PostgreSQL not measured`;
    return { note: `PostgreSQL skipped: ${skip}.`, skip };
  }
  return {
    note: `PostgreSQL ${server.version} at ${new URL(options.databaseUrl).host} (a fresh database per run, dropped after).`,
  };
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const loadBefore = load();
  const postgres = await postgresServer(options);
  console.log('DevOps Checkpoint benchmarks');
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${formatCount(mib(totalmem()))} MiB, Node ${process.version}; ` +
      `load average ${loadBefore} — shared with other work, so figures are noisy: cheap ones are the median of ${options.repeats} runs`,
  );
  if (postgres) console.log(postgres.note);

  const measurable = (backend: BackendName) =>
    options.backends.includes(backend) && (backend === 'pglite' || postgres?.skip === undefined);
  const sections = options.sections;
  let workload: Workload | undefined;
  const windows = metricsWindows();
  const results: BackendResult[] = [];
  if (metricsSectionNames.some((section) => sections.has(section))) {
    workload = buildWorkload(options.scale, options.batchSize);
    console.log(
      `workload: benchmark organisation at scale ${options.scale} — ${workload.services} services, one year; ` +
        `${formatCount(workload.events.total)} events (${formatCount(workload.events.change)} changes, ` +
        `${formatCount(workload.events.deployment)} deployment, ${formatCount(workload.events.incident)} incident events), ` +
        `${formatCount(mib(workload.bytes))} MiB of JSON in ${workload.bodies.length} batches of ${options.batchSize}, ` +
        `generated in ${formatMs(workload.generationMs)} (before any clock starts); ${options.concurrency} requests in flight`,
    );
    for (const backend of ['pglite', 'postgres'] as const) {
      if (!options.backends.includes(backend)) continue;
      const skip = backend === 'postgres' ? postgres?.skip : undefined;
      results.push(
        skip ? { backend, skipped: skip, memory: {} } : await runBackend(backend, options, workload, windows),
      );
    }
    if (sections.has('ingestion'))
      console.log(`${ingestionTable(results)}\n${ingestStepsTable(results)}\n${catchUpTable(results)}`);
    if (sections.has('metrics')) console.log(`${metricsTable(results)}\n${drillDownTable(results)}`);
    if (sections.has('limit')) console.log(limitTable(results));
    if (sections.has('memory')) console.log(memoryTable(results));
    if (sections.has('engine')) console.log(engineTable(results));
    for (const skipped of results.filter((r) => r.skipped))
      console.log(`\n${skipped.backend}: ${skipped.skipped}`);
  }

  let workshop: WorkshopLatencyResult[] = [];
  if (sections.has('workshop')) {
    console.log(`\nThe live workshop (load average now ${load()})`);
    workshop = await runWorkshopLatencyBenchmark({
      databaseUrl: measurable('postgres') ? options.databaseUrl : undefined,
      backends: options.backends.filter(measurable),
    });
  }

  const loaded: LoadBenchmarkResult[] = [];
  if (sections.has('load')) {
    for (const backend of options.backends.filter(measurable)) {
      console.log(`\nLoad on ${backend} (load average now ${load()})`);
      if (backend === 'pglite') loaded.push(await runLoadBenchmark());
      else {
        const database = await createBenchDatabase(options.databaseUrl as string);
        try {
          loaded.push(await runLoadBenchmark({ databaseUrl: database.url }));
        } finally {
          await database.drop();
        }
      }
    }
  }

  let web: WebLeaderboardResult | undefined;
  if (sections.has('web')) {
    console.log(`\nThe leaderboard in Chromium (load average now ${load()})`);
    web = await runWebLeaderboardBenchmark();
    console.log(webLeaderboardReport(web));
  }

  const summary = [
    ...summarise(results),
    ...summariseWorkshop(workshop),
    ...summariseLoad(loaded),
    ...summariseWeb(web),
  ];
  console.log(summaryTable(summary));
  const elapsedMs = performance.now() - started;
  const report = {
    when: new Date().toISOString(),
    machine: {
      cores: cpus().length,
      memoryBytes: totalmem(),
      node: process.version,
      loadBefore,
      loadAfter: load(),
    },
    options: {
      ...options,
      sections: [...options.sections],
      databaseUrl: options.databaseUrl ? 'set' : 'unset',
    },
    targets,
    workload:
      workload === undefined
        ? null
        : { ...workload, bodies: undefined, sizes: undefined, batches: workload.bodies.length },
    windows,
    results,
    workshop,
    load: loaded,
    web,
    summary,
    elapsedMs,
  };
  await writeFile(options.outFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `\nwhole run ${formatMs(elapsedMs)}; load average now ${load()}; results written to ${options.outFile}`,
  );
}

await main();
