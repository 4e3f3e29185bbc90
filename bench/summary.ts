/** The summary of `npm run bench`: the headline figures against their targets. */
import type { BackendResult } from './backendRun.js';
import { formatCount, median, mib } from './stats.js';
import { table } from './table.js';
import { type SummaryItem, targets } from './targets.js';

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

export function summaryTable(items: SummaryItem[]): string {
  return table(
    'Summary ("ref.": the target is set for the other backend; server CPU counts the Node process only, a busy-machine-proof lower bound)',
    ['figure', 'backend', 'value', 'unit', 'target', 'verdict'],
    items.map((i) => [
      i.figure,
      i.backend,
      formatCount(i.value, i.unit === '×' ? 2 : 0),
      i.unit,
      i.target,
      verdict(i),
    ]),
  );
}
