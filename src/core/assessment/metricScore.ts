/**
 * The 0–10 scores of the Quick Check since 2023 (dora.dev): an answer v of 1–6 scores (v − 1)/5·10,
 * a percentage p (where lower is better) scores 10 − p/10. Shown to one decimal, kept unrounded.
 */

/** A score with its unrounded value, the value rounded to one decimal, and that as text. */
export interface Score {
  /** Unrounded, for further arithmetic and comparison. */
  value: number;
  /** Rounded half away from zero to one decimal, as DORA shows it. */
  rounded: number;
  /** `rounded` with exactly one decimal: `"10.0"`. */
  display: string;
}

/**
 * Rounds half away from zero to `digits` decimals, first removing binary noise (so 6.65 stored as
 * 6.6499999… still rounds to 6.7).
 */
export function roundHalfAway(value: number, digits: number): number {
  const cleaned = Number(value.toPrecision(12));
  const factor = 10 ** digits;
  const rounded = Math.sign(cleaned) * Math.round(Math.abs(cleaned) * factor);
  return rounded / factor + 0; // + 0 turns −0 into 0
}

/** Wraps a number as a `Score` (one decimal for display). */
export function metricScore(value: number): Score {
  const rounded = roundHalfAway(value, 1);
  return { value, rounded, display: rounded.toFixed(1) };
}

/** The 0–10 score of an answer of 1–6 (6 best): (v − 1)/5·10. */
export function scoreOptionAnswer(value: number): number {
  return ((value - 1) / 5) * 10;
}

/** The 0–10 score of a percentage 0–100 where lower is better: 10 − p/10. */
export function scorePercentageAnswer(percentage: number): number {
  return 10 - percentage / 10;
}

/** The arithmetic mean of a non-empty list. */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
