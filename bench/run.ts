/**
 * `npm run bench`: ingestion, metrics, the ratio to the read-only limit, the engine alone and memory,
 * on PGlite and (when DATABASE_URL is set) PostgreSQL, for the seeded benchmark organisation.
 * Prints one table per section and a summary, and writes the results as JSON under the temp directory.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { type BackendResult, runBackend } from './backendRun.js';
import { type BenchOptions, parseOptions } from './options.js';
import { describeServer } from './postgres.js';
import {
  engineTable,
  ingestionTable,
  ingestStepsTable,
  limitTable,
  memoryTable,
  metricsTable,
} from './report.js';
import { formatCount, formatMs, mib } from './stats.js';
import { summarise, summaryTable } from './summary.js';
import { targets } from './targets.js';
import { buildWorkload, metricsWindows } from './workload.js';

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

  const workload = buildWorkload(options.scale, options.batchSize);
  console.log(
    `workload: benchmark organisation at scale ${options.scale} — ${workload.services} services, one year; ` +
      `${formatCount(workload.events.total)} events (${formatCount(workload.events.change)} changes, ` +
      `${formatCount(workload.events.deployment)} deployment, ${formatCount(workload.events.incident)} incident events), ` +
      `${formatCount(mib(workload.bytes))} MiB of JSON in ${workload.bodies.length} batches of ${options.batchSize}, ` +
      `generated in ${formatMs(workload.generationMs)} (before any clock starts); ${options.concurrency} requests in flight`,
  );

  const windows = metricsWindows();
  const results: BackendResult[] = [];
  for (const backend of ['pglite', 'postgres'] as const) {
    if (!options.backends.includes(backend)) continue;
    const skip = backend === 'postgres' ? postgres?.skip : undefined;
    results.push(
      skip ? { backend, skipped: skip, memory: {} } : await runBackend(backend, options, workload, windows),
    );
  }

  const sections = options.sections;
  if (sections.has('ingestion')) console.log(`${ingestionTable(results)}\n${ingestStepsTable(results)}`);
  if (sections.has('metrics')) console.log(metricsTable(results));
  if (sections.has('limit')) console.log(limitTable(results));
  if (sections.has('memory')) console.log(memoryTable(results));
  if (sections.has('engine')) console.log(engineTable(results));
  for (const skipped of results.filter((r) => r.skipped))
    console.log(`\n${skipped.backend}: ${skipped.skipped}`);

  const summary = summarise(results);
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
    workload: { ...workload, bodies: undefined, sizes: undefined, batches: workload.bodies.length },
    windows,
    results,
    summary,
    elapsedMs,
  };
  await writeFile(options.outFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `\nwhole run ${formatMs(elapsedMs)}; load average now ${load()}; results written to ${options.outFile}`,
  );
}

await main();
