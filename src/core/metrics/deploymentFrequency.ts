import type { Instant } from '../events.js';
import { type Band, type BandValue, deploymentFrequencyBand } from './bands.js';
import { type Window, windowCalendar } from './calendar.js';
import { median, round4, sortAscending } from './statistics.js';

/** Deployment frequency of a group over a window (metrics contract §4). */
export interface DeploymentFrequency {
  /** Logical successful production deployments finished in the window. */
  count: number;
  /** `count` per day of the window (window length / 24 h), 4 decimals; null when count is 0. */
  perDay: number | null;
  /** Median over the ISO weeks wholly inside the window of the days with a deployment; null without such weeks or deployments. */
  deployDaysPerWeekMedian: number | null;
  band: Band | null;
}

/**
 * The band value of a deployment frequency, from the calendar facts of the window:
 * 6 median week ≥ 3 deploy days and median deploy day ≥ 2 deployments; 5 median week ≥ 3 deploy days;
 * 4 at least half the weeks with a deployment; 3 at least half the months; 2 any deployment; 1 none.
 *
 * Decision where the contract is silent: a condition on weeks (months) holds only when the window holds
 * at least one whole week (month), so a short window is never "at least half" of nothing.
 */
export function deploymentFrequencyValue(facts: {
  count: number;
  deployDaysPerWeek: readonly number[];
  deploymentsPerDeployDay: readonly number[];
  monthsWithDeployment: number;
  months: number;
}): BandValue {
  const weeks = facts.deployDaysPerWeek.length;
  const medianWeek = median(sortAscending(facts.deployDaysPerWeek));
  const medianDay = median(sortAscending(facts.deploymentsPerDeployDay));
  const weeksWithDeployment = facts.deployDaysPerWeek.filter((days) => days > 0).length;
  if (weeks > 0 && medianWeek !== null && medianWeek >= 3) {
    return medianDay !== null && medianDay >= 2 ? 6 : 5;
  }
  if (weeks > 0 && 2 * weeksWithDeployment >= weeks) return 4;
  if (facts.months > 0 && 2 * facts.monthsWithDeployment >= facts.months) return 3;
  return facts.count > 0 ? 2 : 1;
}

/**
 * Deployment frequency from the finish instants (ms) of a group's logical deployments; instants outside
 * the window are ignored. Days, ISO weeks (Monday first) and months are those of `timezone`; weeks and
 * months count only when wholly inside the window. With no deployment every figure is null (never 0):
 * zero deployments cannot be told apart from deployments that were never reported.
 */
export function deploymentFrequency(
  finishedAt: readonly Instant[],
  window: Window,
  timezone: string,
): DeploymentFrequency {
  const calendar = windowCalendar(window, timezone);
  const perDay = new Int32Array(calendar.days.length);
  let count = 0;
  for (const at of finishedAt) {
    const day = calendar.dayIndexOf(at);
    if (day < 0) continue;
    perDay[day] = (perDay[day] ?? 0) + 1;
    count += 1;
  }
  if (count === 0) return { count, perDay: null, deployDaysPerWeekMedian: null, band: null };

  const deployDaysPerWeek = calendar.wholeWeeks.map((monday) => {
    let days = 0;
    for (let d = monday; d < monday + 7; d++) if ((perDay[d] ?? 0) > 0) days += 1;
    return days;
  });
  const deploymentsPerDeployDay = Array.from(perDay).filter((n) => n > 0);
  let monthsWithDeployment = 0;
  for (const month of calendar.wholeMonths) {
    if (perDay.subarray(month.first, month.last + 1).some((n) => n > 0)) monthsWithDeployment += 1;
  }
  const value = deploymentFrequencyValue({
    count,
    deployDaysPerWeek,
    deploymentsPerDeployDay,
    monthsWithDeployment,
    months: calendar.wholeMonths.length,
  });
  const windowDays = (window.to - window.from) / 86_400_000;
  return {
    count,
    perDay: round4(count / windowDays),
    deployDaysPerWeekMedian: median(sortAscending(deployDaysPerWeek)),
    band: deploymentFrequencyBand(value),
  };
}
