/** Human-readable figures for the terminal: durations in the largest sensible unit, rates as percentages. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3_600) return `${(seconds / 60).toFixed(0)} min`;
  if (seconds < 86_400) return `${(seconds / 3_600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

export const formatRate = (rate: number | null): string =>
  rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;

interface Figures {
  key: string;
  deploymentFrequency: { count: number; perDay: number | null; band: { value: number } | null };
  leadTime: { count: number; median: number | null; p90: number | null; band: { value: number } | null };
  changeFailureRate: { failed: number; total: number; rate: number | null; band: { value: number } | null };
  failedDeploymentRecoveryTime: { count: number; median: number | null; band: { value: number } | null };
  timeToRestore: { count: number; median: number | null; band: { value: number } | null };
  reworkRate: { rework: number; total: number; rate: number | null };
}

const band = (b: { value: number } | null) => (b === null ? ' ' : String(b.value));

/** The groups as an aligned text table: speed and stability side by side, bands 1–6 in brackets. */
export function formatMetricsTable(groupBy: string, groups: Figures[]): string {
  const header = [
    groupBy,
    'deploys',
    '/day',
    'lead time (median, p90)',
    'change fail',
    'recovery',
    'restore',
    'rework',
  ];
  const rows = groups.map((g) => [
    g.key,
    String(g.deploymentFrequency.count),
    g.deploymentFrequency.perDay === null ? '—' : g.deploymentFrequency.perDay.toFixed(2),
    `${formatDuration(g.leadTime.median)}, ${formatDuration(g.leadTime.p90)} [${band(g.leadTime.band)}] n=${g.leadTime.count}`,
    `${formatRate(g.changeFailureRate.rate)} (${g.changeFailureRate.failed}/${g.changeFailureRate.total}) [${band(g.changeFailureRate.band)}]`,
    `${formatDuration(g.failedDeploymentRecoveryTime.median)} [${band(g.failedDeploymentRecoveryTime.band)}]`,
    `${formatDuration(g.timeToRestore.median)} [${band(g.timeToRestore.band)}] n=${g.timeToRestore.count}`,
    `${formatRate(g.reworkRate.rate)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
