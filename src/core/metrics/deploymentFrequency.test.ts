import { describe, expect, it } from 'vitest';
import { deploymentFrequency, deploymentFrequencyValue } from './deploymentFrequency.js';

const hour = 3_600_000;
const day = 24 * hour;
/** Monday 5 January 2026 → Monday 2 February 2026 (UTC): 28 days, 4 whole weeks, no whole month. */
const fourWeeks = { from: Date.UTC(2026, 0, 5), to: Date.UTC(2026, 1, 2) };
const mondayOfWeek = (week: number): number => fourWeeks.from + week * 7 * day;

/** Deployments at noon on the given weekdays (0 = Monday) of each of the 4 weeks, `perDay` each. */
function everyWeek(weekdays: number[], perDay = 1): number[] {
  const out: number[] = [];
  for (let week = 0; week < 4; week++) {
    for (const weekday of weekdays) {
      for (let n = 0; n < perDay; n++) out.push(mondayOfWeek(week) + weekday * day + 12 * hour + n * 60_000);
    }
  }
  return out;
}

describe('deploymentFrequency', () => {
  it('is band 6 when the median week has 3 deploy days and the median deploy day 2 deployments', () => {
    // 4 weeks × Mon, Tue, Wed × 2 = 24 deployments over 28 days → 0.8571 per day
    const figures = deploymentFrequency(everyWeek([0, 1, 2], 2), fourWeeks, 'UTC');
    expect(figures).toEqual({
      count: 24,
      perDay: 0.8571,
      deployDaysPerWeekMedian: 3,
      band: { value: 6, label: 'On demand (multiple deploys per day)' },
    });
  });

  it('is band 5 when the median deploy day has fewer than 2 deployments', () => {
    // Mondays 1 each, Tuesdays 2 each, Wednesdays 1, 1, 2, 2: of the 12 deploy days 6 have one
    // deployment and 6 have two → median day (1 + 2) / 2 = 1.5 < 2
    const wednesdays = [0, 1, 2, 3].flatMap((week) => {
      const noon = mondayOfWeek(week) + 2 * day + 12 * hour;
      return week < 2 ? [noon] : [noon, noon + 60_000];
    });
    const figures = deploymentFrequency(
      [...everyWeek([0], 1), ...everyWeek([1], 2), ...wednesdays],
      fourWeeks,
      'UTC',
    );
    expect(figures.deployDaysPerWeekMedian).toBe(3);
    expect(figures.band?.value).toBe(5);
  });

  it('is band 4, not 5, when the median week has 2.5 deploy days', () => {
    // weeks with 2, 2, 3, 3 deploy days → median 2.5 < 3; all 4 weeks have a deployment
    const days = [0, 1, 7, 8, 14, 15, 16, 21, 22, 23].map((d) => fourWeeks.from + d * day + hour);
    const figures = deploymentFrequency(days, fourWeeks, 'UTC');
    expect(figures.deployDaysPerWeekMedian).toBe(2.5);
    expect(figures.band?.value).toBe(4);
  });

  it('is band 4 when exactly half the weeks have a deployment', () => {
    const figures = deploymentFrequency([mondayOfWeek(0) + hour, mondayOfWeek(2) + hour], fourWeeks, 'UTC');
    // weeks: 1, 0, 1, 0 deploy days → median 0.5; 2 of 4 weeks ≥ half
    expect(figures.deployDaysPerWeekMedian).toBe(0.5);
    expect(figures.band).toEqual({ value: 4, label: 'Between once per day and once per week' });
  });

  it('is band 2 when fewer than half the weeks have one and no month is whole', () => {
    const figures = deploymentFrequency([mondayOfWeek(1) + hour], fourWeeks, 'UTC');
    // 1 of 4 weeks; the window holds no whole month, so the month condition cannot hold
    expect(figures.band).toEqual({ value: 2, label: 'Between once per month and once every six months' });
    expect(figures.perDay).toBe(0.0357); // 1 / 28
  });

  it('is band 3 when at least half the whole months have a deployment', () => {
    // 1 January → 1 March 2026: 2 whole months, 7 whole weeks; one deployment on 14 January
    const window = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 2, 1) };
    const figures = deploymentFrequency([Date.UTC(2026, 0, 14, 9)], window, 'UTC');
    // weeks: 1 of 7 < half; months: 1 of 2 ≥ half
    expect(figures.band).toEqual({ value: 3, label: 'Between once per week and once per month' });
  });

  it('is band 2 when fewer than half the whole months have a deployment', () => {
    // 1 January → 1 April 2026: 3 whole months, one deployment → 1 of 3 < half
    const window = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 3, 1) };
    expect(deploymentFrequency([Date.UTC(2026, 0, 14, 9)], window, 'UTC').band?.value).toBe(2);
  });

  it('ignores deployments in weeks that are only partly inside the window', () => {
    // Wednesday 7 January → Wednesday 4 February: whole weeks start 12, 19 and 26 January.
    const window = { from: Date.UTC(2026, 0, 7), to: Date.UTC(2026, 1, 4) };
    const partialWeek = [7, 8, 9].map((d) => Date.UTC(2026, 0, d, 10)); // Wed, Thu, Fri of the first week
    const figures = deploymentFrequency([...partialWeek, Date.UTC(2026, 0, 13, 10)], window, 'UTC');
    // whole weeks: 1, 0, 0 deploy days → median 0, 1 of 3 weeks < half → band 2
    expect(figures.count).toBe(4);
    expect(figures.deployDaysPerWeekMedian).toBe(0);
    expect(figures.band?.value).toBe(2);
  });

  it('counts days and weeks in the organisation time zone', () => {
    // Each week: Monday 22:30 UTC, Monday 23:30 UTC, Tuesday 23:30 UTC.
    // In UTC that is Monday and Tuesday (2 days); in Amsterdam (UTC+1) Monday 23:30, Tuesday 00:30
    // and Wednesday 00:30 (3 days).
    const from = Date.UTC(2026, 0, 4, 23); // Monday 5 January 00:00 in Amsterdam
    const window = { from, to: from + 28 * day };
    const instants: number[] = [];
    for (let week = 0; week < 4; week++) {
      const monday = Date.UTC(2026, 0, 5 + 7 * week);
      instants.push(monday + 22.5 * hour, monday + 23.5 * hour, monday + day + 23.5 * hour);
    }
    const amsterdam = deploymentFrequency(instants, window, 'Europe/Amsterdam');
    expect(amsterdam.deployDaysPerWeekMedian).toBe(3);
    expect(amsterdam.band?.value).toBe(5);
    // In UTC the same window holds only 3 whole weeks, each with 2 deploy days → band 4.
    const utc = deploymentFrequency(instants, window, 'UTC');
    expect(utc.deployDaysPerWeekMedian).toBe(2);
    expect(utc.band?.value).toBe(4);
  });

  it('counts a deployment at the start of the window and not one at its end', () => {
    const figures = deploymentFrequency([fourWeeks.from, fourWeeks.to], fourWeeks, 'UTC');
    expect(figures.count).toBe(1);
  });

  it('puts a deployment at local midnight in the day it begins, in any input order', () => {
    // each week: Monday 23:59:59.999 and Tuesday 00:00 exactly → two deploy days, not one
    const instants = [0, 1, 2, 3].flatMap((week) => {
      const tuesday = mondayOfWeek(week) + day;
      return [tuesday, tuesday - 1];
    });
    const figures = deploymentFrequency(instants, fourWeeks, 'UTC');
    expect(figures.count).toBe(8);
    expect(figures.deployDaysPerWeekMedian).toBe(2);
  });

  it('counts a Sunday in its week and the first of a month in its month', () => {
    // every Sunday of the four weeks: each week has its deploy day on its last day
    const sundays = deploymentFrequency(everyWeek([6]), fourWeeks, 'UTC');
    expect([sundays.deployDaysPerWeekMedian, sundays.band?.value]).toEqual([1, 4]);
    // 1 January → 1 April 2026: deployments on 1 February and 1 March only → 2 of 3 whole months
    const window = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 3, 1) };
    const firsts = deploymentFrequency([Date.UTC(2026, 1, 1), Date.UTC(2026, 2, 1)], window, 'UTC');
    expect(firsts.band?.value).toBe(3);
  });

  it('has null figures, never zeros, without deployments', () => {
    expect(deploymentFrequency([], fourWeeks, 'UTC')).toEqual({
      count: 0,
      perDay: null,
      deployDaysPerWeekMedian: null,
      band: null,
    });
  });
});

describe('deploymentFrequencyValue', () => {
  it('is 1 for no deployment at all', () => {
    const none = {
      count: 0,
      deployDaysPerWeek: [0, 0],
      deploymentsPerDeployDay: [],
      monthsWithDeployment: 0,
    };
    expect(deploymentFrequencyValue({ ...none, months: 1 })).toBe(1);
  });

  it('never takes "half of no weeks" as true', () => {
    const facts = { count: 3, deployDaysPerWeek: [], deploymentsPerDeployDay: [3], monthsWithDeployment: 0 };
    expect(deploymentFrequencyValue({ ...facts, months: 0 })).toBe(2);
  });
});
