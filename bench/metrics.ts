/**
 * GET /api/metrics?groupBy=service, cold (the first request after the server starts: load and
 * analysis), warm (the analysis cached) and after a write (the first request after one more event is
 * stored on the running server), for each window, on freshly started servers.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { MemoryReading, ServerSpec } from './protocol.js';
import { startBenchServer } from './serverHandle.js';
import { median } from './stats.js';
import type { MetricsWindow } from './workload.js';

const requestTimeoutMs = 5 * 60_000;
/** Starts beyond the first are made only while a window's runs fit in this much time. */
const windowBudgetMs = 20_000;

export interface WindowTimings {
  window: string;
  coldMs: number[];
  warmMs: number[];
  /** The first request after one more deployment is stored on the running server (ms). */
  afterWriteMs: number[];
  /** CPU time of the server process for each cold request, and per warm request (ms). */
  coldCpuMs: number[];
  warmCpuMs: number[];
  groups: number;
  responseBytes: number;
}

export interface MetricsResult {
  windows: WindowTimings[];
  /** From process start to listening, each start. */
  startMs: number[];
  /** RSS once listening on the loaded store, each start. */
  startRss: number[];
  /** Highest RSS of the server process while it answered (sampled every 100 ms). */
  peakRss: number;
  maxRss: number;
}

export async function getMetrics(url: string, window: MetricsWindow) {
  const query = new URLSearchParams({ groupBy: 'service', from: window.from, to: window.to });
  const started = performance.now();
  const response = await fetch(`${url}/api/metrics?${query}`, {
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`GET /api/metrics answered ${response.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { groups?: { key: string }[] };
  return {
    ms,
    groups: body.groups?.length ?? 0,
    lastKey: body.groups?.at(-1)?.key,
    bytes: Buffer.byteLength(text),
  };
}

/**
 * Stores one more production deployment of `service`, finished an hour before the window ends, then
 * times the next request: what a running server pays after a webhook, with its code warm and its
 * caches gone (the service's facts derived again, every service's facts read and assembled). The
 * deployment stays in the store.
 */
async function metricsAfterWrite(url: string, window: MetricsWindow, service: string) {
  const deployment = {
    type: 'deployment',
    id: `after-write-${randomUUID()}`,
    source: 'bench',
    service,
    environment: 'production',
    sha: randomBytes(20).toString('hex'),
    status: 'success',
    finishedAt: new Date(Date.parse(window.to) - 3_600_000).toISOString(),
  };
  const stored = await fetch(`${url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(deployment),
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  if (!stored.ok) throw new Error(`POST /api/events answered ${stored.status}: ${await stored.text()}`);
  return getMetrics(url, window);
}

/**
 * For every window, up to `repeats` times (fewer when a run is long): starts a server on the loaded
 * store, times its first request (cold), `warmRequests` more (warm) and one after storing a deployment
 * (after a write), reads its memory, stops it.
 */
export async function measureMetrics(
  spec: ServerSpec,
  windows: MetricsWindow[],
  repeats: number,
  warmRequests: number,
): Promise<MetricsResult> {
  const result: MetricsResult = { windows: [], startMs: [], startRss: [], peakRss: 0, maxRss: 0 };
  const readings: MemoryReading[] = [];
  for (const window of windows) {
    const timing: WindowTimings = {
      window: window.name,
      coldMs: [],
      warmMs: [],
      afterWriteMs: [],
      coldCpuMs: [],
      warmCpuMs: [],
      groups: 0,
      responseBytes: 0,
    };
    result.windows.push(timing);
    const started = performance.now();
    for (let r = 0; r < repeats; r++) {
      const runStarted = performance.now();
      const server = await startBenchServer(spec);
      try {
        result.startMs.push(server.startMs);
        result.startRss.push(server.startRss);
        await server.memory();
        const cold = await getMetrics(server.url, window);
        timing.coldMs.push(cold.ms);
        timing.groups = cold.groups;
        timing.responseBytes = cold.bytes;
        const afterCold = await server.memory();
        timing.coldCpuMs.push(afterCold.cpuMs);
        for (let w = 0; w < warmRequests; w++) timing.warmMs.push((await getMetrics(server.url, window)).ms);
        const afterWarm = await server.memory();
        timing.warmCpuMs.push(afterWarm.cpuMs / Math.max(1, warmRequests));
        // the last service: the drill-downs measured next open the first squad's, whose rows stay as they were
        if (cold.lastKey !== undefined) {
          timing.afterWriteMs.push((await metricsAfterWrite(server.url, window, cold.lastKey)).ms);
        }
        readings.push(afterCold, afterWarm);
      } finally {
        readings.push(await server.stop());
      }
      const now = performance.now();
      if (now - started + (now - runStarted) > windowBudgetMs) break;
    }
  }
  result.peakRss = Math.max(...readings.map((r) => r.peakRss));
  result.maxRss = Math.max(...readings.map((r) => r.maxRss));
  return result;
}

export const coldMedian = (result: MetricsResult, window: string) =>
  median(result.windows.find((w) => w.window === window)?.coldMs ?? []);
export const warmMedian = (result: MetricsResult, window: string) =>
  median(result.windows.find((w) => w.window === window)?.warmMs ?? []);

/** The first drill-downs after a start: a service's lists, then its squad's. */
export interface DrillDownResult {
  requests: { path: string; ms: number; total: number }[];
  /** Highest RSS of the server process over its life (bytes). */
  maxRss: number;
}

/**
 * Starts a server on the loaded store and asks, over `window`, for what a service's page and then its
 * squad's page show: deployments, changes and incidents, each list of a page asked for at once, as
 * the browser does. The first request also reads the kept whole history (or assembles the kept facts).
 */
export async function measureDrillDowns(
  spec: ServerSpec,
  window: MetricsWindow,
  subjects: { service: string; squad: string },
): Promise<DrillDownResult> {
  const server = await startBenchServer(spec);
  const requests: DrillDownResult['requests'] = [];
  const get = async (path: string) => {
    const started = performance.now();
    const response = await fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(requestTimeoutMs) });
    const text = await response.text();
    const ms = performance.now() - started;
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return { path, ms, total: (JSON.parse(text) as { total: number }).total };
  };
  try {
    for (const selection of [{ service: subjects.service }, { squad: subjects.squad }]) {
      const query = new URLSearchParams({ ...selection, from: window.from, to: window.to });
      const page = ['deployments', 'changes', 'incidents'].map((list) => get(`/api/${list}?${query}`));
      requests.push(...(await Promise.all(page)));
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { requests, maxRss: (await server.stop()).maxRss };
}
