/** The summary of `npm run bench`: the headline figures against their targets. */
import type { BackendResult } from './backendRun.js';
import type { LoadBenchmarkResult } from './load.js';
import { formatCount, median, mib } from './stats.js';
import { table } from './table.js';
import { type SummaryItem, targets } from './targets.js';
import type { WebLeaderboardResult } from './webLeaderboard.js';
import type { WorkshopLatencyResult } from './workshopLatency.js';

const measured = (results: BackendResult[]) => results.filter((r) => !r.skipped);
const verdict = (item: SummaryItem) =>
  item.meets === null ? (item.target === '—' ? '' : 'ref.') : item.meets ? 'meets' : 'MISSES';

/** The headline figures against their targets. */
export function summarise(results: BackendResult[]): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const r of measured(results)) {
    if (r.ingestion) {
      items.push({
        figure: 'ingestion',
        backend: r.backend,
        value: Math.round(r.ingestion.eventsPerSecond),
        unit: 'events/s',
        target: `≥ ${targets.ingestionEventsPerSecond}`,
        meets:
          r.backend === 'pglite' ? r.ingestion.eventsPerSecond >= targets.ingestionEventsPerSecond : null,
      });
      const cpu = r.ingestion.serverCpuMs;
      if (cpu !== undefined && cpu > 0) {
        const perCpu = r.ingestion.events / (cpu / 1000);
        items.push({
          figure: 'ingestion per server CPU-second',
          backend: r.backend,
          value: Math.round(perCpu),
          unit: 'events/s',
          target: `≥ ${targets.ingestionEventsPerSecond}`,
          meets: r.backend === 'pglite' ? perCpu >= targets.ingestionEventsPerSecond : null,
        });
      }
    }
    if (r.metrics) {
      for (const w of r.metrics.windows) {
        const cold = median(w.coldMs);
        items.push({
          figure: `metrics ${w.window} cold`,
          backend: r.backend,
          value: Math.round(cold),
          unit: 'ms',
          target: w.window === 'year' ? `< ${targets.metricsYearMs}` : '—',
          meets: w.window === 'year' && r.backend === 'postgres' ? cold < targets.metricsYearMs : null,
        });
        const coldCpu = median(w.coldCpuMs);
        items.push({
          figure: `metrics ${w.window} cold, server CPU`,
          backend: r.backend,
          value: Math.round(coldCpu),
          unit: 'ms',
          target: w.window === 'year' ? `< ${targets.metricsYearMs}` : '—',
          meets: w.window === 'year' && r.backend === 'postgres' ? coldCpu < targets.metricsYearMs : null,
        });
        items.push({
          figure: `metrics ${w.window} warm`,
          backend: r.backend,
          value: Math.round(median(w.warmMs)),
          unit: 'ms',
          target: '—',
          meets: null,
        });
        items.push({
          figure: `metrics ${w.window} after a write`,
          backend: r.backend,
          value: Math.round(median(w.afterWriteMs)),
          unit: 'ms',
          target: '—',
          meets: null,
        });
        if (r.probe) {
          for (const [limit, ms] of [
            ['count(*)', median(r.probe.countMs)],
            ['loadEventSet', median(r.probe.loadEventSetMs)],
          ] as const) {
            items.push({
              figure: `metrics ${w.window} cold ÷ ${limit}`,
              backend: r.backend,
              value: Math.round((cold / ms) * 100) / 100,
              unit: '×',
              target: `≤ ${targets.ratioToLimit}`,
              meets: cold / ms <= targets.ratioToLimit,
            });
          }
        }
      }
    }
    if (r.probe) {
      const steps: [string, number[]][] = [
        ['loadEventSet alone', r.probe.loadEventSetMs],
        ['analyseDelivery alone', r.probe.analyseMs],
        ...Object.entries(r.probe.summariseMs).map(([window, ms]): [string, number[]] => [
          `summarise × ${r.probe?.groups} (${window})`,
          ms,
        ]),
      ];
      for (const [figure, ms] of steps) {
        items.push({
          figure,
          backend: r.backend,
          value: Math.round(median(ms)),
          unit: 'ms',
          target: '—',
          meets: null,
        });
      }
    }
    const peak = Math.max(r.memory.ingestionPeakRss ?? 0, r.memory.metricsPeakRss ?? 0);
    if (peak > 0) {
      items.push({
        figure: 'peak RSS (ingestion, metrics)',
        backend: r.backend,
        value: Math.round(mib(peak)),
        unit: 'MiB',
        target: `< ${mib(targets.peakRssBytes)}`,
        meets: peak < targets.peakRssBytes,
      });
    }
  }
  return items;
}

/** The live workshop's latency against its target, and whether every view arrived exactly once. */
export function summariseWorkshop(results: readonly WorkshopLatencyResult[]): SummaryItem[] {
  return results.flatMap((r): SummaryItem[] => {
    const missing = r.lost + r.duplicated + r.unfinished;
    return [
      {
        figure: 'workshop command → every view, median',
        backend: r.backend,
        value: r.latencyMs.median,
        unit: 'ms',
        target: '—',
        meets: null,
      },
      {
        figure: 'workshop command → every view, p99',
        backend: r.backend,
        value: r.latencyMs.p99,
        unit: 'ms',
        target: `< ${targets.workshopP99Ms}`,
        meets: r.latencyMs.p99 < targets.workshopP99Ms,
      },
      {
        figure: 'workshop p99 ÷ target',
        backend: r.backend,
        value: r.latencyMs.p99 / targets.workshopP99Ms,
        unit: '×',
        target: '< 1',
        meets: r.latencyMs.p99 < targets.workshopP99Ms,
      },
      {
        figure: 'workshop views lost, duplicated or unfinished',
        backend: r.backend,
        value: missing,
        unit: 'views',
        target: '0',
        meets: missing === 0,
      },
    ];
  });
}

/** Ingestion and metrics under load, and the WebSockets held. */
export function summariseLoad(results: readonly LoadBenchmarkResult[]): SummaryItem[] {
  return results.flatMap((r): SummaryItem[] => {
    const item = (
      figure: string,
      value: number,
      unit: string,
      target = '—',
      meets: boolean | null = null,
    ) => ({
      figure,
      backend: r.database,
      value,
      unit,
      target,
      meets,
    });
    const heldAll =
      r.sockets.held >= targets.loadSockets && r.sockets.holdSeconds >= targets.loadSocketHoldSeconds;
    return [
      item('load: ingestion', r.ingestion.eventsPerSecond, 'events/s'),
      item('load: ingestion p50', r.ingestion.p50Ms, 'ms'),
      item('load: ingestion p99', r.ingestion.p99Ms, 'ms'),
      item('load: ingestion errors', r.ingestion.errorRate * 100, '%', '0', r.ingestion.errorRate === 0),
      item('load: metrics', r.metrics.requestsPerSecond, 'requests/s'),
      item('load: metrics p50', r.metrics.p50Ms, 'ms'),
      item('load: metrics p99', r.metrics.p99Ms, 'ms'),
      item('load: metrics errors', r.metrics.errorRate * 100, '%', '0', r.metrics.errorRate === 0),
      item(
        `load: WebSockets held ${r.sockets.holdSeconds} s`,
        r.sockets.held,
        'connections',
        `≥ ${targets.loadSockets} for ${targets.loadSocketHoldSeconds} s`,
        heldAll,
      ),
      item('load: WebSockets held ÷ target', r.sockets.held / targets.loadSockets, '×', '≥ 1', heldAll),
    ];
  });
}

export function summaryTable(items: SummaryItem[]): string {
  return table(
    'Summary ("ref.": the target is set for the other backend; server CPU counts the Node process only, a busy-machine-proof lower bound)',
    ['figure', 'backend', 'value', 'unit', 'target', 'verdict'],
    items.map((i) => [
      i.figure,
      i.backend,
      formatCount(i.value, i.unit === '×' || i.unit === '%' || (i.unit === 'ms' && i.value < 10) ? 2 : 0),
      i.unit,
      i.target,
      verdict(i),
    ]),
  );
}

/** The leaderboard of the benchmark organisation in Chromium. */
export function summariseWeb(result: WebLeaderboardResult | undefined): SummaryItem[] {
  if (result === undefined) return [];
  const item = (figure: string, value: number, target = '—', meets: boolean | null = null): SummaryItem => ({
    figure,
    backend: 'pglite',
    value,
    unit: 'ms',
    target,
    meets,
  });
  return [
    item(`leaderboard (${result.services} services) click → first rows, median`, result.medianFirstMs),
    item(
      `leaderboard (${result.services} services) click → all rows, median`,
      result.medianAllMs,
      `< ${targets.leaderboardAllRowsMs}`,
      result.medianAllMs < targets.leaderboardAllRowsMs,
    ),
  ];
}
