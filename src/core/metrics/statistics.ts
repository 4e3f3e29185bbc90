/** Count, median, 90th percentile and mean of a sample of durations in seconds; `null` when empty. */
export interface DurationStats {
  count: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
}

/** Sorts numbers ascending into a new array. */
export function sortAscending(values: readonly number[]): number[] {
  return Array.from(Float64Array.from(values).sort());
}

/** Median of an ascending sample: the middle value, or the mean of the two middle values (even count). */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const half = Math.floor(n / 2);
  if (n % 2 === 1) return sorted[half] ?? null;
  return ((sorted[half - 1] ?? 0) + (sorted[half] ?? 0)) / 2;
}

/** Nearest-rank 90th percentile of an ascending sample: the ⌈0.9·n⌉-th smallest value. */
export function p90(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  // 9n/10 in integers first, so 0.9·70 does not become 63.000…01 and round up to the wrong rank.
  const rank = Math.ceil((9 * n) / 10);
  return sorted[rank - 1] ?? null;
}

/** Arithmetic mean, summed in ascending order so that the input order never changes the result. */
export function mean(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  let sum = 0;
  for (const value of sorted) sum += value;
  return sum / sorted.length;
}

/** Count, median, p90 (nearest rank) and mean of durations (seconds), in any order. */
export function durationStats(values: readonly number[]): DurationStats {
  const sorted = sortAscending(values);
  return { count: sorted.length, median: median(sorted), p90: p90(sorted), mean: mean(sorted) };
}

/** A rate rounded to 4 decimals (0.123456 → 0.1235). */
export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
