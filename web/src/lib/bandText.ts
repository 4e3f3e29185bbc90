/** Short labels of the bands for chips and axes; DORA's full answer label is kept for titles. */
import type { BandValue } from '../../../src/core/metrics/bands.js';
import { lowConfidenceThresholds, type SampleKind } from '../../../src/core/metrics/lowConfidence.js';

export { isLowConfidenceSample } from '../../../src/core/metrics/lowConfidence.js';
export type { SampleKind };

export type BandKind = 'deploymentFrequency' | 'duration' | 'changeFailure';

const short: Record<BandKind, Record<BandValue, string>> = {
  deploymentFrequency: {
    6: 'On demand',
    5: 'Hourly–daily',
    4: 'Daily–weekly',
    3: 'Weekly–monthly',
    2: 'Monthly–6 months',
    1: 'Under 6-monthly',
  },
  duration: {
    6: 'Under 1 hour',
    5: 'Under 1 day',
    4: '1 day–1 week',
    3: '1 week–1 month',
    2: '1–6 months',
    1: 'Over 6 months',
  },
  changeFailure: { 6: '0–15 %', 5: '16–30 %', 4: '31–45 %', 3: '46–60 %', 2: '61–75 %', 1: '76–100 %' },
};

/** The short label of a band value for a kind of metric. */
export function shortBandLabel(kind: BandKind, value: BandValue): string {
  return short[kind][value];
}

/** "Low confidence: fewer than 5 deployments behind this band." (metrics §5) */
export function lowConfidenceText(kind: SampleKind): string {
  return `Low confidence: fewer than ${lowConfidenceThresholds[kind]} ${kind} behind this band.`;
}
