/** Count, median, 90th percentile and mean of a sample of durations in seconds; `null` when empty. */
export interface DurationStats {
  count: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
}

/** Sorts numbers ascending into a new array. */
export function sortAscending(values: ArrayLike<number>): Float64Array {
  return new Float64Array(values).sort();
}

/** Median of an ascending sample: the middle value, or the mean of the two middle values (even count). */
export function median(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const half = Math.floor(n / 2);
  if (n % 2 === 1) return sorted[half] ?? null;
  return ((sorted[half - 1] ?? 0) + (sorted[half] ?? 0)) / 2;
}

/** Nearest-rank 90th percentile of an ascending sample: the ⌈0.9·n⌉-th smallest value. */
export function p90(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  // 9n/10 in integers first, so 0.9·70 does not become 63.000…01 and round up to the wrong rank.
  const rank = Math.ceil((9 * n) / 10);
  return sorted[rank - 1] ?? null;
}

/** Arithmetic mean, summed in ascending order so that the input order never changes the result. */
export function mean(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i] as number;
  return sum / n;
}

/**
 * Moves the k-th smallest value (from 0) of `values` to position k, smaller or equal ones before it
 * and greater or equal ones after it (quickselect, median-of-three pivot): linear on average, where
 * sorting a whole sample would not be. A sample that defeats the pivot (many rounds without the range
 * shrinking enough) has what is left sorted instead, so no input makes it quadratic.
 */
function select(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  for (let rounds = 0; hi > lo; rounds++) {
    if (rounds > 64) {
      values.subarray(lo, hi + 1).sort();
      break;
    }
    const mid = (lo + hi) >> 1;
    const a = values[lo] as number;
    const b = values[mid] as number;
    const c = values[hi] as number;
    // the middle one of the three
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k] as number;
}

/** The smallest of `values` from position `from` to the end. */
function smallestFrom(values: Float64Array, from: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = from; i < values.length; i++) if ((values[i] as number) < min) min = values[i] as number;
  return min;
}

/**
 * Count, median, p90 (nearest rank) and mean of durations (seconds of whole milliseconds), in any
 * order. The order statistics are selected, not sorted for; the mean sums whole milliseconds, which is
 * exact (below 2^53 ms, some 285,000 years in all), so no order of the sample changes it.
 */
export function durationStats(values: ArrayLike<number>): DurationStats {
  const work = new Float64Array(values);
  const before = millisecondsBefore(work);
  return durationStatsOf(work, before[work.length] as number);
}

/**
 * The whole milliseconds of the durations (seconds) before each position, then of all of them: one
 * entry more than `values`, so the sum of positions `from` to `to` is `before[to] − before[from]`.
 */
export function millisecondsBefore(values: ArrayLike<number>): Float64Array {
  const before = new Float64Array(values.length + 1);
  let milliseconds = 0;
  for (let i = 0; i < values.length; i++) {
    before[i] = milliseconds;
    milliseconds += Math.round((values[i] as number) * 1000);
  }
  before[values.length] = milliseconds;
  return before;
}

/**
 * `durationStats` of a sample whose sum in whole milliseconds is known; reorders `work`, which the
 * caller gives up.
 */
export function durationStatsOf(work: Float64Array, milliseconds: number): DurationStats {
  const n = work.length;
  if (n === 0) return { count: 0, median: null, p90: null, mean: null };
  const half = n >> 1;
  const middle = n % 2 === 1 ? select(work, half) : (select(work, half - 1) + smallestFrom(work, half)) / 2;
  // ⌈0.9·n⌉-th smallest, with 9n/10 in integers first (0.9·70 must not round up to the wrong rank)
  const tail = select(work, Math.ceil((9 * n) / 10) - 1);
  return { count: n, median: middle, p90: tail, mean: milliseconds / 1000 / n };
}

/** A rate rounded to 4 decimals (0.123456 → 0.1235). */
export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
