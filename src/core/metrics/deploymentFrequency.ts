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
  deployDaysPerWeek: ArrayLike<number>;
  deploymentsPerDeployDay: ArrayLike<number>;
  monthsWithDeployment: number;
  months: number;
}): BandValue {
  const weeks = facts.deployDaysPerWeek.length;
  const medianWeek = median(sortAscending(facts.deployDaysPerWeek));
  const medianDay = median(sortAscending(facts.deploymentsPerDeployDay));
  let weeksWithDeployment = 0;
  for (let w = 0; w < weeks; w++) if ((facts.deployDaysPerWeek[w] as number) > 0) weeksWithDeployment += 1;
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
  finishedAt: ArrayLike<Instant>,
  window: Window,
  timezone: string,
): DeploymentFrequency {
  const calendar = windowCalendar(window, timezone);
  const deployDaysPerWeek = new Float64Array(calendar.wholeWeeks.length);
  const monthHasDeployment = new Uint8Array(calendar.wholeMonths.length);
  const deploymentsPerDeployDay: number[] = [];
  let count = 0;
  // in time order, each deployment's day is found by walking on from the last one's; only the days
  // with a deployment are visited
  const sorted = new Float64Array(finishedAt).sort();
  let day = 0;
  let lastDay = -1;
  let onDay = 0;
  for (let k = 0; k < sorted.length; k++) {
    const at = sorted[k] as Instant;
    if (at < window.from) continue;
    if (at >= window.to) break;
    while (day + 1 < calendar.days.length && (calendar.days[day + 1]?.start as number) <= at) day += 1;
    if (day !== lastDay) {
      if (lastDay >= 0) deploymentsPerDeployDay.push(onDay);
      lastDay = day;
      onDay = 0;
      const week = calendar.weekOf[day] as number;
      if (week >= 0) deployDaysPerWeek[week] = (deployDaysPerWeek[week] as number) + 1;
      const month = calendar.monthOf[day] as number;
      if (month >= 0) monthHasDeployment[month] = 1;
    }
    onDay += 1;
    count += 1;
  }
  if (lastDay >= 0) deploymentsPerDeployDay.push(onDay);
  if (count === 0) return { count, perDay: null, deployDaysPerWeekMedian: null, band: null };

  let monthsWithDeployment = 0;
  for (let m = 0; m < monthHasDeployment.length; m++) monthsWithDeployment += monthHasDeployment[m] as number;
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
