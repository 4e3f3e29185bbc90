import type { Instant } from '../events.js';

/** A measurement window [from, to) of instants (ms since epoch). */
export interface Window {
  from: Instant;
  to: Instant;
}

/** One calendar day in a time zone: its first instant, the first instant of the next day, its date. */
export interface CalendarDay {
  start: Instant;
  end: Instant;
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
}

/**
 * The calendar of a window in a time zone (metrics contract §4): the days it touches, and the ISO weeks
 * and calendar months lying wholly inside it (as indices into `days`).
 */
export interface WindowCalendar {
  window: Window;
  timezone: string;
  /** Every local day that overlaps the window, in order; the first and last may be partly outside. */
  days: readonly CalendarDay[];
  /** Index in `days` of the Monday of each ISO week wholly inside the window. */
  wholeWeeks: readonly number[];
  /** First and last index in `days` of each calendar month wholly inside the window. */
  wholeMonths: readonly { first: number; last: number }[];
  /** For each day, the index in `wholeWeeks` of the week holding it, −1 when that week is not whole. */
  weekOf: Int32Array;
  /** For each day, the index in `wholeMonths` of the month holding it, −1 when that month is not whole. */
  monthOf: Int32Array;
  /** Index in `days` of the day holding an instant of the window, −1 outside the window. */
  dayIndexOf: (at: Instant) => number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  /** The wall-clock reading as if it were UTC, in ms (seconds precision). */
  asUtc: number;
}

/** The wall clock of an instant in a time zone. */
function wallClock(at: Instant, timezone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 1970;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  const asUtc = Date.UTC(year, month - 1, day, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return { year, month, day, asUtc };
}

const dayMs = 86_400_000;

/**
 * First instant of a local date: local midnight, or, where a clock change skips midnight, the first
 * instant that reads that date. `offsetGuess` (ms) is the offset expected (the previous day's).
 */
function startOfDate(
  year: number,
  month: number,
  day: number,
  timezone: string,
  offsetGuess: number,
): Instant {
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  let guess = midnightAsUtc - offsetGuess;
  for (let attempt = 0; attempt < 2; attempt++) {
    const wall = wallClock(guess, timezone);
    if (wall.asUtc === midnightAsUtc) return guess;
    guess = midnightAsUtc - (wall.asUtc - Math.floor(guess / 1000) * 1000);
  }
  // Midnight does not exist on this date: search the minute the date begins (offsets are within ±14 h).
  let lo = midnightAsUtc - 15 * 3_600_000;
  let hi = midnightAsUtc + 15 * 3_600_000;
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (wallClock(mid, timezone).asUtc < midnightAsUtc) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The first instant (ms since epoch) of a local calendar date in an IANA time zone: its midnight, or,
 * where a clock change skips midnight, the first instant that reads that date. `month` is 1–12.
 */
export function startOfLocalDate(year: number, month: number, day: number, timezone: string): Instant {
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  const offset = wallClock(midnightAsUtc, timezone).asUtc - midnightAsUtc;
  return startOfDate(year, month, day, timezone, offset);
}

function buildCalendar(window: Window, timezone: string): WindowCalendar {
  const days: CalendarDay[] = [];
  if (window.to > window.from) {
    const first = wallClock(window.from, timezone);
    let offset = first.asUtc - Math.floor(window.from / 1000) * 1000;
    let date = Date.UTC(first.year, first.month - 1, first.day);
    let start = startOfDate(first.year, first.month, first.day, timezone, offset);
    while (start < window.to) {
      const next = new Date(date + dayMs);
      const nextStart = startOfDate(
        next.getUTCFullYear(),
        next.getUTCMonth() + 1,
        next.getUTCDate(),
        timezone,
        offset,
      );
      const current = new Date(date);
      days.push({
        start,
        end: nextStart,
        year: current.getUTCFullYear(),
        month: current.getUTCMonth() + 1,
        day: current.getUTCDate(),
        weekday: ((current.getUTCDay() + 6) % 7) + 1,
      });
      offset = next.getTime() - nextStart;
      date = next.getTime();
      start = nextStart;
    }
  }
  const inside = (index: number): boolean => {
    const d = days[index];
    return d !== undefined && d.start >= window.from && d.end <= window.to;
  };
  const wholeWeeks: number[] = [];
  const wholeMonths: { first: number; last: number }[] = [];
  days.forEach((d, index) => {
    if (d.weekday === 1 && inside(index) && inside(index + 6)) wholeWeeks.push(index);
    if (d.day === 1) {
      const length = new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
      if (inside(index) && inside(index + length - 1))
        wholeMonths.push({ first: index, last: index + length - 1 });
    }
  });
  const weekOf = new Int32Array(days.length).fill(-1);
  wholeWeeks.forEach((monday, week) => {
    weekOf.fill(week, monday, monday + 7);
  });
  const monthOf = new Int32Array(days.length).fill(-1);
  wholeMonths.forEach((m, month) => {
    monthOf.fill(month, m.first, m.last + 1);
  });
  const dayIndexOf = (at: Instant): number => {
    if (at < window.from || at >= window.to) return -1;
    let lo = 0;
    let hi = days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((days[mid]?.start ?? Number.POSITIVE_INFINITY) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return { window, timezone, days, wholeWeeks, wholeMonths, weekOf, monthOf, dayIndexOf };
}

const calendars = new Map<string, WindowCalendar>();
const calendarCacheSize = 64;

/**
 * The calendar of a window in an IANA time zone (days, whole ISO weeks, whole months). Pure; results are
 * memoised because every group of one report asks for the same window.
 */
export function windowCalendar(window: Window, timezone: string): WindowCalendar {
  const key = `${timezone}|${window.from}|${window.to}`;
  const cached = calendars.get(key);
  if (cached !== undefined) return cached;
  const calendar = buildCalendar(window, timezone);
  if (calendars.size >= calendarCacheSize) calendars.clear();
  calendars.set(key, calendar);
  return calendar;
}
