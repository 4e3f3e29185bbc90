/** Small numeric helpers of the benchmarks: medians, timing, formatting. */

/** The median (mean of the two middle values for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The nearest-rank percentile `p` (0–100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Runs `work` and returns its result with the elapsed milliseconds. */
export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Runs `work` `times` times, one after the other; returns every duration (ms) and the last result. */
export async function repeat<T>(
  times: number,
  work: () => Promise<T> | T,
): Promise<{ ms: number[]; last: T }> {
  const ms: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < times; i++) {
    const run = await timed(work);
    ms.push(run.ms);
    last = run.value;
  }
  return { ms, last: last as T };
}

/**
 * Like `repeat`, for expensive work: runs once, then again (up to `times`) only while the next run,
 * expected to last as long as the previous one, still ends within `budgetMs` of the start.
 */
export async function repeatWithin<T>(
  times: number,
  budgetMs: number,
  work: () => Promise<T> | T,
): Promise<{ ms: number[]; last: T }> {
  const ms: number[] = [];
  let last: T | undefined;
  const started = performance.now();
  for (let i = 0; i < times; i++) {
    const run = await timed(work);
    ms.push(run.ms);
    last = run.value;
    if (performance.now() - started + run.ms > budgetMs) break;
  }
  return { ms, last: last as T };
}

export const mib = (bytes: number): number => bytes / 1024 / 1024;

/** A duration in ms, readable at a glance: `850 ms`, `2.41 s`. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatCount(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value < 10 ? `${value.toFixed(2)}×` : `${Math.round(value)}×`;
}
