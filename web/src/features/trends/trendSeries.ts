/** The weekly figures of one group, as series for the trend charts and rows for their table. */
import type { Figures, MetricsResponse } from '../../lib/apiTypes.js';
import { formatDayMonth } from '../../lib/format.js';
import type { Week } from '../../lib/timeWindow.js';

export interface WeekPoint {
  week: Week;
  label: string;
  figures: Figures | null;
  deployments: number | null;
  deployDays: number | null;
  leadTimeHours: number | null;
  changeFailurePercent: number | null;
  recoveryHours: number | null;
  restoreHours: number | null;
}

const hours = (seconds: number | null | undefined) =>
  seconds === null || seconds === undefined ? null : Math.round((seconds / 3_600) * 100) / 100;

/** One point per week; `key` picks the group (the organisation's name, a squad, a service). */
export function weekPoints(
  weeks: readonly Week[],
  responses: readonly (MetricsResponse | undefined)[],
  key: string | null,
): WeekPoint[] {
  return weeks.map((week, index) => {
    const response = responses[index];
    const figures =
      (key === null ? response?.groups[0] : response?.groups.find((g) => g.key === key)) ?? null;
    return {
      week,
      label: week.current ? 'this week' : formatDayMonth(week.from),
      figures,
      deployments: figures ? figures.deploymentFrequency.count : null,
      deployDays: figures?.deploymentFrequency.deployDaysPerWeekMedian ?? null,
      leadTimeHours: hours(figures?.leadTime.median),
      changeFailurePercent:
        figures?.changeFailureRate.rate === null || figures === null
          ? null
          : Math.round(figures.changeFailureRate.rate * 1_000) / 10,
      recoveryHours: hours(figures?.failedDeploymentRecoveryTime.median),
      restoreHours: hours(figures?.timeToRestore.median),
    };
  });
}
