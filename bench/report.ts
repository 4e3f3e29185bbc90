/** The readable tables of `npm run bench` and the summary of figures against their targets. */
import type { BackendResult } from './backendRun.js';
import { coldMedian, warmMedian } from './metrics.js';
import { formatCount, formatMs, formatRatio, median, mib } from './stats.js';
import { table } from './table.js';
import { targets } from './targets.js';

const measured = (results: BackendResult[]) => results.filter((r) => !r.skipped);

export function ingestionTable(results: BackendResult[]): string {
  const rows = measured(results).flatMap((r) => {
    const i = r.ingestion;
    if (!i) return [];
    const ratio = i.eventsPerSecond / targets.ingestionEventsPerSecond;
    return [
      [
        r.backend,
        formatCount(i.events),
        `${i.batches}${i.complete ? '' : ' (time limit)'}`,
        formatMs(i.ms),
        formatCount(i.eventsPerSecond),
        i.serverCpuMs === undefined ? '—' : formatCount(i.events / (i.serverCpuMs / 1000)),
        `≥ ${formatCount(targets.ingestionEventsPerSecond)}${r.backend === 'pglite' ? '' : ' (ref.)'}`,
        formatRatio(ratio),
        formatCount(i.megabytesPerSecond, 1),
        `${formatMs(i.batchLatencyMedianMs)} / ${formatMs(i.batchLatencyP90Ms)}`,
        r.storeBytes === undefined ? '—' : `${formatCount(mib(r.storeBytes))} MiB`,
      ],
    ];
  });
  return table(
    '(a) Ingestion: POST /api/events through the real app on 127.0.0.1 (per server CPU-s: events ÷ CPU time of the server process)',
    [
      'backend',
      'events',
      'batches',
      'time',
      'events/s',
      'per server CPU-s',
      'target',
      '÷ target',
      'MiB/s',
      'latency p50 / p90',
      'store on disk',
    ],
    rows,
  );
}

export function ingestStepsTable(results: BackendResult[]): string {
  const rows = measured(results).flatMap((r) => {
    const i = r.ingestion;
    const st = r.ingestSteps;
    if (!i || !st || i.batches === 0) return [];
    const perBatch = i.ms / i.batches;
    const share = (ms: number) => `${formatMs(ms)} (${Math.round((100 * ms) / perBatch)} %)`;
    const rest = perBatch - st.parseJsonMs - st.validateMs - st.digestMs - st.mergeMs;
    return [
      [
        r.backend,
        formatMs(perBatch),
        share(st.parseJsonMs),
        share(st.validateMs),
        share(st.digestMs),
        share(st.mergeMs),
        rest < 0 ? '≈ 0 (noise)' : share(rest),
      ],
    ];
  });
  return table(
    "(a') Where a batch's time goes — ingestion time ÷ batches; CPU steps timed alone on the first batches (median)",
    [
      'backend',
      'per batch',
      'JSON.parse',
      'parseEvents (zod)',
      'digest (stringify+sha256)',
      'mergeBatch',
      'rest: store (SQL, raw log), HTTP',
    ],
    rows,
  );
}

export function metricsTable(results: BackendResult[]): string {
  const rows = measured(results).flatMap((r) =>
    (r.metrics?.windows ?? []).map((w) => {
      const cold = median(w.coldMs);
      const target = w.window === 'year' ? targets.metricsYearMs : null;
      return [
        r.backend,
        w.window,
        formatMs(cold),
        `${w.coldMs.length}: ${w.coldMs.map((ms) => formatMs(ms)).join(', ')}`,
        formatMs(median(w.coldCpuMs)),
        formatMs(median(w.warmMs)),
        formatMs(median(w.warmCpuMs)),
        formatMs(median(w.afterWriteMs)),
        target === null ? '—' : `< ${formatMs(target)}${r.backend === 'postgres' ? '' : ' (ref.)'}`,
        target === null ? '—' : formatRatio(cold / target),
        formatCount(w.groups),
        `${formatCount(w.responseBytes / 1024)} KiB`,
        formatMs(median(r.metrics?.startMs ?? [])),
      ];
    }),
  );
  return table(
    "(b) GET /api/metrics?groupBy=service — cold: first request after start; warm: analysis cached; after a write: first request once one more deployment is stored (its service's facts derived, every service's assembled again); CPU: the server process only (not PostgreSQL's)",
    [
      'backend',
      'window',
      'cold (median)',
      'cold runs',
      'cold CPU',
      'warm (median)',
      'warm CPU',
      'after a write',
      'target',
      'cold ÷ target',
      'groups',
      'response',
      'server start',
    ],
    rows,
  );
}

export function limitTable(results: BackendResult[]): string {
  const rows = measured(results).flatMap((r) => {
    const p = r.probe;
    if (!p || !r.metrics) return [];
    const count = median(p.countMs);
    const load = median(p.loadEventSetMs);
    return r.metrics.windows.map((w) => {
      const cold = median(w.coldMs);
      return [
        r.backend,
        w.window,
        formatMs(count),
        formatMs(load),
        formatMs(cold),
        formatRatio(cold / count),
        formatRatio(cold / load),
        formatRatio(median(w.warmMs) / count),
        `≤ ${targets.ratioToLimit}×`,
      ];
    });
  });
  return table(
    '(c) Ratio to the limit — the read-only limit: count(*) over changes, deployments, incidents (what the metrics read; no joins)',
    [
      'backend',
      'window',
      'count(*)',
      'loadEventSet',
      'cold',
      'cold ÷ count',
      'cold ÷ loadEventSet',
      'warm ÷ count',
      'target',
    ],
    rows,
  );
}

export function engineTable(results: BackendResult[]): string {
  const rows = measured(results).flatMap((r) => {
    const p = r.probe;
    if (!p) return [];
    const read = median(p.readHistoryMs);
    const decode = median(p.decodeHistoryMs);
    const assembling = median(p.readFactsMs) + median(p.assembleMs);
    return Object.entries(p.summariseMs).map(([window, ms]) => {
      const summarise = median(ms);
      const cold = r.metrics ? coldMedian(r.metrics, window) : Number.NaN;
      const warm = r.metrics ? warmMedian(r.metrics, window) : Number.NaN;
      const rest = cold - read - decode - summarise;
      const step = (part: number) =>
        Number.isFinite(cold) ? `${formatMs(part)} (${Math.round((100 * part) / cold)} %)` : formatMs(part);
      return [
        r.backend,
        window,
        `${formatCount(p.rows.changes)} / ${formatCount(p.rows.deployments)} / ${formatCount(p.rows.incidents)}`,
        step(read),
        step(decode),
        step(summarise),
        rest < 0 ? '≈ 0 (noise)' : step(rest),
        warm - summarise < 0 ? '≈ 0 (noise)' : formatMs(warm - summarise),
        `${formatMs(median(p.readFactsMs))} + ${formatMs(median(p.assembleMs))} = ${formatMs(assembling)}`,
        `${formatMs(median(p.loadEventSetMs))} + ${formatMs(median(p.analyseMs))}`,
      ];
    });
  });
  return table(
    '(e) Where the cold request goes — each step alone, median; share of the cold request in brackets',
    [
      'backend',
      'window',
      'rows (chg / dep / inc)',
      'read kept history',
      'decode',
      `summarise × groups`,
      'rest (HTTP, JSON, present)',
      'warm − summarise',
      'else: read facts + assemble',
      'whole analysis (load + analyse)',
    ],
    rows,
  );
}

export function catchUpTable(results: BackendResult[]): string {
  const rows = measured(results).flatMap((r) =>
    r.catchUp === undefined ? [] : [[r.backend, formatMs(r.catchUp.ms), formatCount(r.catchUp.groups)]],
  );
  return table(
    "(a'') After ingestion — the first GET /api/metrics?groupBy=service over the year on the ingesting server: waits for every service's facts to be derived from the events just stored",
    ['backend', 'first answer after the last batch', 'groups'],
    rows,
  );
}

export function drillDownTable(results: BackendResult[]): string {
  const rows = measured(results).flatMap((r) =>
    (r.drillDowns?.requests ?? []).map((q) => [
      r.backend,
      q.path.replace(/&from=.*/, ''),
      formatMs(q.ms),
      formatCount(q.total),
    ]),
  );
  return table(
    "(b') Drill-downs — the first after a start, over the year: a service's page, then its squad's (each page's three lists asked for at once; the first also reads the kept whole history)",
    ['backend', 'request', 'time', 'rows'],
    rows,
  );
}

export function memoryTable(results: BackendResult[]): string {
  const limit = `< ${formatCount(mib(targets.peakRssBytes))} MiB`;
  const cell = (bytes: number | undefined) =>
    bytes === undefined || Number.isNaN(bytes) ? '—' : `${formatCount(mib(bytes))} MiB`;
  const rows = measured(results).flatMap((r) => [
    [r.backend, 'listening, empty store', cell(r.memory.emptyStartRss), '—', '—'],
    [r.backend, 'ingestion', cell(r.memory.ingestionPeakRss), cell(r.memory.ingestionMaxRss), limit],
    [r.backend, 'listening, loaded store', cell(median(r.metrics?.startRss ?? [])), '—', '—'],
    [
      r.backend,
      'metrics (cold, warm, after a write)',
      cell(r.memory.metricsPeakRss),
      cell(r.metrics?.maxRss),
      limit,
    ],
    ...(r.drillDowns ? [[r.backend, "drill-downs (b')", '—', cell(r.drillDowns.maxRss), '—']] : []),
    [r.backend, 'step probe (e)', '—', cell(r.memory.probeMaxRss), '—'],
  ]);
  return table(
    '(d) Memory of the server process (PGlite runs inside it; the PostgreSQL server is not counted)',
    ['backend', 'phase', 'RSS (peak of 100 ms samples)', 'max RSS (kernel, process life)', 'target'],
    rows,
  );
}
