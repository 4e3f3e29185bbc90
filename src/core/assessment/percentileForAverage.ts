import { normalCdf } from './normalCdf.js';
import type { PercentileModel } from './quickCheckEdition.js';

/**
 * "Better than N% of respondents" (DORA Quick Check 2019–2022, dora.dev):
 * N = round(100·Φ((average − mean) / sd)), an integer 0–100, for an average answer of 1–6.
 */
export function percentileForAverage(average: number, model: PercentileModel): number {
  return Math.round(100 * normalCdf((average - model.mean) / model.sd));
}
