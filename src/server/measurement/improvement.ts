import type { GroupMetrics } from '../../core/metrics/index.js';

type Keyed = 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'failedDeploymentRecoveryTime';
const keys: Keyed[] = [
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'failedDeploymentRecoveryTime',
];

/** How a group moved against its own previous period: band steps per key (up is better) and their sum. */
export interface Improvement {
  /** Sum of the band steps over the keys measured in both periods; null when none was. */
  score: number | null;
  /** Band steps per key; null where a period has no band. */
  bands: Record<Keyed, number | null>;
  /** Relative change of the median lead time (negative is faster); null without both medians. */
  leadTimeMedianChange: number | null;
}

/**
 * Compares a group with itself (DORA warns against ranking teams against each other): each key's
 * band now minus its band in the previous period of the same length.
 */
export function improvementOf(current: GroupMetrics, previous: GroupMetrics): Improvement {
  const bands = {} as Record<Keyed, number | null>;
  let score: number | null = null;
  for (const key of keys) {
    const now = current[key].band?.value;
    const before = previous[key].band?.value;
    const step = now === undefined || before === undefined ? null : now - before;
    bands[key] = step;
    if (step !== null) score = (score ?? 0) + step;
  }
  const nowMedian = current.leadTime.median;
  const beforeMedian = previous.leadTime.median;
  return {
    score,
    bands,
    leadTimeMedianChange:
      nowMedian === null || beforeMedian === null || beforeMedian === 0
        ? null
        : Math.round(((nowMedian - beforeMedian) / beforeMedian) * 10_000) / 10_000,
  };
}
