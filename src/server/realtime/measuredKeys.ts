import type { GroupMetrics } from '../../core/metrics/index.js';
import type { MeasuredFigure, MeasuredKeys } from '../../core/workshop/index.js';

const minute = 60;
const hour = 60 * minute;
const day = 24 * hour;

/** A duration in the unit people say it in: `40 min`, `5.5 hours`, `3.2 days`. */
function sayDuration(seconds: number): string {
  if (seconds < hour) return `${Math.max(1, Math.round(seconds / minute))} min`;
  if (seconds < 2 * day) return `${(seconds / hour).toFixed(1)} hours`;
  return `${(seconds / day).toFixed(1)} days`;
}

function sayFrequency(perDay: number): string {
  if (perDay >= 1) return `${perDay.toFixed(1)} per day`;
  if (perDay * 7 >= 1) return `${(perDay * 7).toFixed(1)} per week`;
  return `${(perDay * 30).toFixed(1)} per month`;
}

const sayRate = (rate: number, of: string) => `${Math.round(rate * 1000) / 10}% ${of}`;
const noData = 'no data';

/**
 * A squad's measured four keys (and recovery and rework) as the checkpoint shows them while setting
 * the scene: the bands and rates the Quick Check reads, and each figure in words. A figure without data
 * says so rather than showing a zero.
 */
export function measuredKeysOf(metrics: GroupMetrics, window: { from: number; to: number }): MeasuredKeys {
  const { deploymentFrequency, leadTime, changeFailureRate, failedDeploymentRecoveryTime } = metrics;
  const { timeToRestore, reworkRate } = metrics;
  const figures: MeasuredFigure[] = [
    {
      measure: 'deploymentFrequency',
      label: 'Deployment frequency',
      value: deploymentFrequency.perDay === null ? noData : sayFrequency(deploymentFrequency.perDay),
    },
    {
      measure: 'leadTime',
      label: 'Lead time for changes (median)',
      value: leadTime.median === null ? noData : sayDuration(leadTime.median),
    },
    {
      measure: 'changeFailureRate',
      label: 'Change failure rate',
      value:
        changeFailureRate.rate === null
          ? noData
          : sayRate(changeFailureRate.rate, `(${changeFailureRate.failed} of ${changeFailureRate.total})`),
    },
    {
      measure: 'timeToRestore',
      label: 'Time to restore service (median)',
      value: timeToRestore.median === null ? noData : sayDuration(timeToRestore.median),
    },
    {
      measure: 'recoveryTime',
      label: 'Failed deployment recovery time (median)',
      value:
        failedDeploymentRecoveryTime.median === null
          ? noData
          : sayDuration(failedDeploymentRecoveryTime.median),
    },
    {
      measure: 'reworkRate',
      label: 'Rework rate',
      value:
        reworkRate.rate === null
          ? noData
          : sayRate(reworkRate.rate, `(${reworkRate.rework} of ${reworkRate.total})`),
    },
  ];
  return {
    from: new Date(window.from).toISOString(),
    to: new Date(window.to).toISOString(),
    bands: {
      deploymentFrequencyBand: deploymentFrequency.band?.value ?? null,
      leadTimeBand: leadTime.band?.value ?? null,
      timeToRestoreBand: timeToRestore.band?.value ?? null,
      recoveryTimeBand: failedDeploymentRecoveryTime.band?.value ?? null,
      changeFailureRate: changeFailureRate.rate,
      changeFailureBand: changeFailureRate.band?.value ?? null,
      reworkRate: reworkRate.rate,
    },
    figures,
  };
}
