/**
 * GET /api/metrics?groupBy=service, cold (the first request after the server starts: load and
 * analysis) and warm (the analysis cached), for each window, on freshly started servers.
 */
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
  const body = JSON.parse(text) as { groups?: unknown[] };
  return { ms, groups: body.groups?.length ?? 0, bytes: Buffer.byteLength(text) };
}

/**
 * For every window, up to `repeats` times (fewer when a run is long): starts a server on the loaded
 * store, times its first request (cold) and `warmRequests` more (warm), reads its memory, stops it.
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
 * the browser does. The first request also reads and assembles the kept facts.
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
