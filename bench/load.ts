/**
 * Load on a real listening server (`checkpoint serve` as its own process, on 127.0.0.1 only):
 * sustained ingestion (POST /api/events batches), the metrics API under concurrent GETs, and many
 * WebSocket connections to a checkpoint held open. Bounded in time; prints and returns the figures.
 * Run alone with `npx tsx bench/load.ts` (add `--quick` for a short smoke run; LOAD_DATABASE_URL names a
 * scratch PostgreSQL database to measure instead of PGlite).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdSockets, type SocketFigures } from './loadConnections.js';

export interface LoadBenchmarkOptions {
  /** A scratch PostgreSQL database to write to; without one, a throw-away PGlite data directory. */
  databaseUrl?: string;
  ingestSeconds?: number;
  metricsSeconds?: number;
  /** How many connections send at once (ingestion and metrics). */
  connections?: number;
  /** Events per POST /api/events. */
  batchSize?: number;
  sockets?: number;
  socketHoldSeconds?: number;
  /** Where the lines go (default console.log). */
  print?: (line: string) => void;
}

export interface HttpFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Failed requests (errors, timeouts, non-2xx) over all requests. */
  errorRate: number;
  requests: number;
}

export type { SocketFigures };

export interface LoadBenchmarkResult {
  database: 'pglite' | 'postgres';
  ingestion: HttpFigures & { eventsPerSecond: number; batchSize: number; connections: number };
  metrics: HttpFigures & { firstMs: number; connections: number };
  sockets: SocketFigures;
}

interface CannonResult {
  latency: { p50: number; p99: number };
  requests: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
type Cannon = (options: Record<string, unknown>) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

const root = new URL('../', import.meta.url).pathname;
const ingestToken = `load-${randomUUID()}`;
const organisation = `name: Load benchmark
tribes:
  - name: platform
    squads:
      - name: search
        services:
          - { name: vehicle-search, repo: acme/search }
          - { name: listings, repo: acme/listings }
`;

/** Starts `checkpoint serve` on a free loopback port and waits until it says it is ready. */
async function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => {
    log = (log + chunk).slice(-20_000);
  });
  child.stderr.on('data', (chunk) => {
    log = (log + chunk).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const found = /is ready at (http:\/\/[^\s"]+)/.exec(log)?.[1];
      if (found) {
        clearInterval(timer);
        resolve(found);
      }
    }, 100);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`the server exited before it was ready:\n${log}`));
    });
  });
  const rssMiB = (): number | null => {
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      return kb ? Math.round(Number(kb) / 1024) : null;
    } catch {
      return null;
    }
  };
  const stop = async () => {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { url, rssMiB, stop };
}

const figures = (result: CannonResult): HttpFigures => {
  const failed = result.errors + result.timeouts + result.non2xx;
  const all = result['2xx'] + result.non2xx + result.errors + result.timeouts;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errorRate: all === 0 ? 1 : failed / all,
    requests: all,
  };
};

/** A batch of new events: changes of acme/search, each fifth event a production deployment of them. */
function batchOf(size: number, counter: { next: number }): string {
  const events: Record<string, unknown>[] = [];
  const base = Date.parse('2026-01-05T00:00:00Z');
  for (let i = 0; i < size; i++) {
    const n = counter.next++;
    const at = new Date(base + (n % 5_000_000) * 60_000).toISOString();
    if (i % 5 === 4) {
      events.push({
        type: 'deployment',
        id: `load-${n}`,
        source: 'ci',
        service: 'vehicle-search',
        environment: 'production',
        sha: `load-${n - 1}`,
        commits: [`load-${n - 1}`],
        status: 'success',
        finishedAt: at,
      });
    } else events.push({ type: 'change', repo: 'acme/search', sha: `load-${n}`, committedAt: at });
  }
  return JSON.stringify({ events });
}

async function ingestion(url: string, seconds: number, connections: number, batchSize: number) {
  const counter = { next: 0 };
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/events',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestToken}` },
        setupRequest: (request: Record<string, unknown>) => ({
          ...request,
          body: batchOf(batchSize, counter),
        }),
      },
    ],
  });
  const measured = figures(result);
  const eventsPerSecond = Math.round(measured.requestsPerSecond * batchSize * (1 - measured.errorRate));
  return { ...measured, eventsPerSecond, batchSize, connections };
}

async function metrics(url: string, seconds: number, connections: number) {
  const path = '/api/metrics?groupBy=service&from=2026-01-05&to=2026-04-01';
  const started = performance.now();
  const first = await fetch(`${url}${path}`);
  if (first.status !== 200)
    throw new Error(`GET /api/metrics answered ${first.status}: ${await first.text()}`);
  const firstMs = Math.round(performance.now() - started);
  const result = await autocannon({ url: `${url}${path}`, connections, duration: seconds });
  return { ...figures(result), firstMs, connections };
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const percent = (value: number) => `${(value * 100).toFixed(2)} %`;

/** Runs the three loads on a fresh server and returns (and prints) the figures. */
export async function runLoadBenchmark(options: LoadBenchmarkOptions = {}): Promise<LoadBenchmarkResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  const began = performance.now();
  const seconds = () => ((performance.now() - began) / 1000).toFixed(0);
  const work = mkdtempSync(join(tmpdir(), 'checkpoint-load-'));
  writeFileSync(join(work, 'org.yaml'), organisation);
  const server = await startServer({
    CHECKPOINT_ORG: join(work, 'org.yaml'),
    DATA_DIR: join(work, 'data'),
    CHECKPOINT_INGEST_TOKEN: ingestToken,
    CHECKPOINT_INGEST_RATE_PER_MINUTE: '100000000',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  try {
    const database = options.databaseUrl ? 'postgres' : 'pglite';
    const connections = options.connections ?? 10;
    print(`load on ${server.url} (${database}), ready after ${seconds()} s`);
    const ingested = await ingestion(
      server.url,
      options.ingestSeconds ?? 20,
      connections,
      options.batchSize ?? 100,
    );
    print(
      `ingestion  ${ingested.eventsPerSecond} events/s (${ingested.requestsPerSecond} batches of ${ingested.batchSize}/s, ` +
        `${connections} connections)  p50 ${ms(ingested.p50Ms)}  p99 ${ms(ingested.p99Ms)}  errors ${percent(ingested.errorRate)}`,
    );
    const measured = await metrics(server.url, options.metricsSeconds ?? 10, connections);
    print(
      `metrics    ${measured.requestsPerSecond} requests/s (${connections} connections, first ${ms(measured.firstMs)})  ` +
        `p50 ${ms(measured.p50Ms)}  p99 ${ms(measured.p99Ms)}  errors ${percent(measured.errorRate)}`,
    );
    const held = await holdSockets(
      server.url,
      options.sockets ?? 1000,
      options.socketHoldSeconds ?? 60,
      server.rssMiB,
    );
    print(
      `sockets    ${held.held} of ${held.requested} held ${held.holdSeconds} s (opened ${held.opened} in ${held.secondsToOpen.toFixed(1)} s, ` +
        `${held.dropped} dropped, ${held.errors} failed; server RSS ${held.serverRssMiB.before ?? '?'} → ${held.serverRssMiB.held ?? '?'} MiB)  ${held.target}`,
    );
    return { database, ingestion: ingested, metrics: measured, sockets: held };
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
    print(`load benchmark done in ${seconds()} s`);
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const quick = process.argv.includes('--quick');
  // Only a database given for the purpose is written to (never the DATABASE_URL of the tests).
  const databaseUrl = process.env.LOAD_DATABASE_URL;
  await runLoadBenchmark({
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(quick ? { ingestSeconds: 5, metricsSeconds: 5, sockets: 200, socketHoldSeconds: 5 } : {}),
  });
}
