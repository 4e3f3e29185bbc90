/**
 * Ingestion through the HTTP API: every batch POSTed to /api/events of the real app, a few requests in
 * flight at once, bounded by the number of batches and by a time limit.
 */
import type { BenchServer } from './serverHandle.js';
import { median, percentile } from './stats.js';
import type { Workload } from './workload.js';

export interface IngestionResult {
  events: number;
  batches: number;
  /** Whether every batch was sent before the time limit. */
  complete: boolean;
  ms: number;
  eventsPerSecond: number;
  /** Latency of one request, with the others in flight. */
  batchLatencyMedianMs: number;
  batchLatencyP90Ms: number;
  megabytesPerSecond: number;
  /** CPU time the server process used meanwhile (ms): less sensitive than wall time to a busy machine. */
  serverCpuMs?: number;
}

const requestTimeoutMs = 180_000;

async function post(url: string, body: string): Promise<void> {
  const response = await fetch(`${url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST /api/events answered ${response.status}: ${text.slice(0, 300)}`);
  const answer = JSON.parse(text) as { stored?: number; duplicate?: boolean };
  if (answer.duplicate)
    throw new Error('POST /api/events took a batch for a duplicate: the database is not fresh');
}

/** Sends the workload's batches with `concurrency` requests in flight; stops at `limitMs`. */
export async function ingest(
  server: BenchServer,
  workload: Workload,
  concurrency: number,
  limitMs: number,
  onProgress?: (sent: number, total: number) => void,
): Promise<IngestionResult> {
  const latencies: number[] = [];
  let next = 0;
  let events = 0;
  let bytes = 0;
  let batches = 0;
  const started = performance.now();
  const deadline = started + limitMs;
  const worker = async () => {
    while (next < workload.bodies.length && performance.now() < deadline) {
      const index = next++;
      const body = workload.bodies[index]!;
      const sentAt = performance.now();
      await post(server.url, body);
      latencies.push(performance.now() - sentAt);
      events += workload.sizes[index] ?? 0;
      bytes += body.length;
      batches += 1;
      onProgress?.(batches, workload.bodies.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  const ms = performance.now() - started;
  return {
    events,
    batches,
    complete: batches === workload.bodies.length,
    ms,
    eventsPerSecond: events / (ms / 1000),
    batchLatencyMedianMs: median(latencies),
    batchLatencyP90Ms: percentile(latencies, 90),
    megabytesPerSecond: bytes / 1024 / 1024 / (ms / 1000),
  };
}
