import type { GroupMetrics } from '../../core/metrics/index.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** A group's figures as the API returns them: instants as ISO strings, everything else as computed. */
export function presentMetrics(metrics: GroupMetrics) {
  return {
    ...metrics,
    failedDeploymentRecoveryTime: {
      ...metrics.failedDeploymentRecoveryTime,
      unrecovered: metrics.failedDeploymentRecoveryTime.unrecovered.map((d) => ({
        ...d,
        finishedAt: iso(d.finishedAt),
      })),
    },
    timeToRestore: {
      ...metrics.timeToRestore,
      open: metrics.timeToRestore.open.map((i) => ({ ...i, openedAt: iso(i.openedAt) })),
    },
  };
}

export type PresentedMetrics = ReturnType<typeof presentMetrics>;
