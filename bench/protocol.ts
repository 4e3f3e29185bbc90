/** What the benchmark and its server process say to each other over the IPC channel. */
import type { BackendName } from './options.js';
import type { MetricsWindow } from './workload.js';

/** How to start the server process (passed in its environment as JSON). */
export interface ServerSpec {
  backend: BackendName;
  /** PGlite's data directory (file-backed, like production). */
  dataDir: string;
  databaseUrl: string | undefined;
  scale: number;
  /** The server's clock (ms): the end of the generated history. */
  now: number;
}

/** Resident memory and CPU time of the server process since the previous reading. */
export interface MemoryReading {
  /** CPU time (user + system, all threads) the process used since the previous reading (ms). */
  cpuMs: number;
  /** Highest RSS sampled every 100 ms since the previous reading (bytes). */
  peakRss: number;
  /** The kernel's maximum RSS of the process over its whole life (bytes). */
  maxRss: number;
  samples: number;
}

export interface ProbeRequest {
  windows: MetricsWindow[];
  repeats: number;
}

/** Durations (ms, one per repetition) of the store and engine steps behind GET /api/metrics. */
export interface ProbeResult {
  rows: { changes: number; deployments: number; incidents: number };
  countMs: number[];
  /** Reading the whole history a start keeps for the next (what a cold request reads). */
  readHistoryMs: number[];
  /** Decoding it (`decodeHistory`). */
  decodeHistoryMs: number[];
  /** Reading every service's kept facts and the incidents (one snapshot), when no history is kept. */
  readFactsMs: number[];
  /** Parsing the facts and assembling them with the incidents (`assembleHistory`). */
  assembleMs: number[];
  loadEventSetMs: number[];
  analyseMs: number[];
  groups: number;
  summariseMs: Record<string, number[]>;
}

export interface IngestStepsRequest {
  batches: number;
  batchSize: number;
}

/** Median ms per batch of the CPU steps of POST /api/events before the store. */
export interface IngestStepsResult {
  batches: number;
  parseJsonMs: number;
  validateMs: number;
  /** JSON.stringify + sha256 of the events: the delivery id when no Idempotency-Key is sent. */
  digestMs: number;
  mergeMs: number;
}

export type Command =
  | { command: 'memory' }
  | { command: 'probe'; probe: ProbeRequest }
  | { command: 'ingestSteps'; steps: IngestStepsRequest }
  | { command: 'stop' };

export type ParentMessage = { kind: 'request'; id: number } & Command;

export type ChildMessage =
  | { kind: 'ready'; port: number; startMs: number; rss: number }
  | { kind: 'failed'; error: string }
  | { kind: 'reply'; id: number; result: unknown }
  | { kind: 'reply'; id: number; error: string };

export const serverSpecVariable = 'CHECKPOINT_BENCH_SERVER';
