import type { GroupMetrics, MetricName } from './groupMetrics.js';

/** Sample sizes below which a band is low-confidence (metrics contract §5). */
export const lowConfidenceThresholds = { deployments: 5, changes: 10, incidents: 5 } as const;

/** What a metric's sample counts. */
export type SampleKind = keyof typeof lowConfidenceThresholds;

/** Whether a band resting on `size` deployments, changes or incidents is low-confidence (< 5, < 10, < 5). */
export function isLowConfidenceSample(kind: SampleKind, size: number): boolean {
  return size < lowConfidenceThresholds[kind];
}

/** The sample a metric rests on: deployments (frequency, failure rate, recovery, rework), changes, incidents. */
export function sampleOf(metrics: GroupMetrics, metric: MetricName): { kind: SampleKind; size: number } {
  switch (metric) {
    case 'deploymentFrequency':
      return { kind: 'deployments', size: metrics.deploymentFrequency.count };
    case 'leadTime':
      return { kind: 'changes', size: metrics.leadTime.count };
    case 'changeFailureRate':
      return { kind: 'deployments', size: metrics.changeFailureRate.total };
    case 'failedDeploymentRecoveryTime':
      return { kind: 'deployments', size: metrics.failedDeploymentRecoveryTime.count };
    case 'timeToRestore':
      return { kind: 'incidents', size: metrics.timeToRestore.count };
    case 'reworkRate':
      return { kind: 'deployments', size: metrics.reworkRate.total };
  }
}

/**
 * Whether a group's band for a metric is low-confidence: it rests on fewer than 5 deployments, 10
 * changes or 5 incidents. Recovery time rests on its recovered failed deployments.
 */
export function isLowConfidence(metrics: GroupMetrics, metric: MetricName): boolean {
  const { kind, size } = sampleOf(metrics, metric);
  return isLowConfidenceSample(kind, size);
}
