import { describe, expect, it } from 'vitest';
import { startOfLocalDate, windowCalendar } from './calendar.js';

const hour = 3_600_000;
const day = 24 * hour;

describe('windowCalendar', () => {
  it('lists the days of a UTC window and the ISO weeks wholly inside it', () => {
    // Monday 5 January → Monday 2 February 2026: 28 days, 4 whole weeks, January is not whole.
    const calendar = windowCalendar({ from: Date.UTC(2026, 0, 5), to: Date.UTC(2026, 1, 2) }, 'UTC');
    expect(calendar.days).toHaveLength(28);
    expect(calendar.days[0]).toMatchObject({ year: 2026, month: 1, day: 5, weekday: 1 });
    expect(calendar.wholeWeeks).toEqual([0, 7, 14, 21]);
    expect(calendar.wholeMonths).toEqual([]);
  });

  it('counts a week or month only when it lies wholly inside the window', () => {
    // Thursday 1 January → Sunday 1 March 2026: January and February are whole; the weeks
    // starting Monday 5 January … 16 February are whole (7), the week of 23 February ends 2 March.
    const calendar = windowCalendar({ from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 2, 1) }, 'UTC');
    expect(calendar.wholeMonths).toEqual([
      { first: 0, last: 30 },
      { first: 31, last: 58 },
    ]);
    expect(calendar.wholeWeeks).toHaveLength(7);
    expect(calendar.days[calendar.wholeWeeks[0] ?? -1]).toMatchObject({ month: 1, day: 5 });
  });

  it('gives each day its whole week and whole month, or −1', () => {
    // Thursday 1 January → Sunday 1 March 2026 (as above): days 0–3 precede the first whole week
    // (Monday 5 January, day 4); the week of Monday 23 February (day 53) ends after the window.
    const calendar = windowCalendar({ from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 2, 1) }, 'UTC');
    const weeks = Array.from(calendar.weekOf);
    expect(weeks.slice(0, 5)).toEqual([-1, -1, -1, -1, 0]);
    expect(weeks.slice(10, 12)).toEqual([0, 1]); // Sunday 11 and Monday 12 January
    expect(weeks.slice(52, 54)).toEqual([6, -1]); // Sunday 22 and Monday 23 February
    expect(weeks).toHaveLength(59);
    const months = Array.from(calendar.monthOf);
    expect(months.slice(29, 33)).toEqual([0, 0, 1, 1]); // 30, 31 January, 1, 2 February
    expect(months.at(-1)).toBe(1);
    // a month cut by the window's start belongs to no whole month
    const cut = windowCalendar({ from: Date.UTC(2026, 0, 2), to: Date.UTC(2026, 2, 1) }, 'UTC');
    expect(Array.from(cut.monthOf.subarray(0, 31))).toEqual([...Array(30).fill(-1), 0]);
  });

  it('finds the day of an instant in the time zone', () => {
    // 15:00 UTC on 5 January is midnight of 6 January in Tokyo (UTC+9).
    const from = Date.UTC(2026, 0, 4, 15); // Monday 5 January 00:00 in Tokyo
    const calendar = windowCalendar({ from, to: from + 7 * day }, 'Asia/Tokyo');
    expect(calendar.wholeWeeks).toEqual([0]);
    expect(calendar.dayIndexOf(Date.UTC(2026, 0, 5, 14, 59))).toBe(0);
    expect(calendar.dayIndexOf(Date.UTC(2026, 0, 5, 15))).toBe(1);
    expect(calendar.dayIndexOf(from - 1)).toBe(-1);
    expect(calendar.dayIndexOf(from + 7 * day)).toBe(-1);
  });

  it('gives the spring-forward day 23 hours in Amsterdam', () => {
    // Sunday 29 March 2026: clocks go from 02:00 CET to 03:00 CEST.
    const from = Date.UTC(2026, 2, 27, 23); // Saturday 28 March 00:00 CET
    const to = Date.UTC(2026, 2, 29, 22); // Monday 30 March 00:00 CEST
    const calendar = windowCalendar({ from, to }, 'Europe/Amsterdam');
    expect(calendar.days.map((d) => (d.end - d.start) / hour)).toEqual([24, 23]);
    expect(calendar.days[1]).toMatchObject({ month: 3, day: 29, weekday: 7 });
  });

  it('keeps a week whole across a clock change', () => {
    // New York: Monday 2 March 2026 00:00 EST (05:00 UTC) → Monday 16 March 00:00 EDT (04:00 UTC);
    // clocks change on Sunday 8 March, so the first week lasts 167 hours.
    const calendar = windowCalendar(
      { from: Date.UTC(2026, 2, 2, 5), to: Date.UTC(2026, 2, 16, 4) },
      'America/New_York',
    );
    expect(calendar.days).toHaveLength(14);
    expect(calendar.wholeWeeks).toEqual([0, 7]);
    expect(calendar.days[7]?.start).toBe(Date.UTC(2026, 2, 9, 4));
  });

  it('starts a day whose midnight is skipped at its first instant', () => {
    // Santiago skips from Saturday 5 September 2026 24:00 to Sunday 01:00 (04:00 UTC).
    const from = Date.UTC(2026, 8, 5, 4); // Saturday 00:00 local (UTC−4)
    const calendar = windowCalendar({ from, to: from + 2 * day }, 'America/Santiago');
    expect(calendar.days[1]).toMatchObject({ month: 9, day: 6, start: Date.UTC(2026, 8, 6, 4) });
    expect(calendar.days[0]?.end).toBe(Date.UTC(2026, 8, 6, 4));
  });

  it('is empty for an empty window', () => {
    const calendar = windowCalendar({ from: 10, to: 10 }, 'UTC');
    expect(calendar.days).toEqual([]);
    expect(calendar.dayIndexOf(10)).toBe(-1);
  });
});

describe('startOfLocalDate', () => {
  it('gives local midnight as an instant', () => {
    expect(startOfLocalDate(2026, 1, 5, 'UTC')).toBe(Date.UTC(2026, 0, 5));
    expect(startOfLocalDate(2026, 1, 5, 'Asia/Tokyo')).toBe(Date.UTC(2026, 0, 4, 15)); // UTC+9
    expect(startOfLocalDate(2026, 3, 29, 'Europe/Amsterdam')).toBe(Date.UTC(2026, 2, 28, 23)); // still CET
    expect(startOfLocalDate(2026, 3, 30, 'Europe/Amsterdam')).toBe(Date.UTC(2026, 2, 29, 22)); // CEST
    expect(startOfLocalDate(2026, 11, 1, 'America/New_York')).toBe(Date.UTC(2026, 10, 1, 4)); // EDT until 02:00
  });

  it('gives the first instant of a date whose midnight is skipped', () => {
    expect(startOfLocalDate(2026, 9, 6, 'America/Santiago')).toBe(Date.UTC(2026, 8, 6, 4)); // 01:00 local
  });
});
