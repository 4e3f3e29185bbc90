/**
 * Calendar days in an IANA time zone, as UTC instants: working days and business hours of the
 * synthetic organisation are local, the events carry UTC instants.
 */
import type { Instant } from '../../src/core/events.js';

const minute = 60_000;
const day = 86_400_000;

/** One calendar day in the organisation's time zone. */
export interface LocalDay {
  /** Instant of local midnight. */
  start: Instant;
  /** Instant of the next local midnight (23, 24 or 25 hours later). */
  end: Instant;
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  date: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** UTC offset at local noon, minutes east of Greenwich. */
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (found === undefined) {
    found = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** The time zone's offset from UTC at an instant, in minutes east of Greenwich. */
export function zoneOffsetMinutes(instant: Instant, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const wholeSeconds = Math.floor(instant / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / minute);
}

/** The instant of local midnight starting the given local calendar date. */
function localMidnight(year: number, month: number, date: number, timeZone: string): Instant {
  const naive = Date.UTC(year, month - 1, date);
  const guess = naive - zoneOffsetMinutes(naive, timeZone) * minute;
  return naive - zoneOffsetMinutes(guess, timeZone) * minute;
}

function dayFor(year: number, month: number, date: number, timeZone: string): LocalDay {
  const normal = new Date(Date.UTC(year, month - 1, date));
  const y = normal.getUTCFullYear();
  const m = normal.getUTCMonth() + 1;
  const d = normal.getUTCDate();
  const start = localMidnight(y, m, d, timeZone);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  const end = localMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone);
  const weekday = ((normal.getUTCDay() + 6) % 7) + 1;
  return {
    start,
    end,
    year: y,
    month: m,
    date: d,
    weekday,
    offsetMinutes: zoneOffsetMinutes(start + day / 2, timeZone),
  };
}

/** The local day containing an instant. */
export function localDayOf(instant: Instant, timeZone: string): LocalDay {
  const local = new Date(instant + zoneOffsetMinutes(instant, timeZone) * minute);
  return dayFor(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), timeZone);
}

/** The local day after the given one. */
export function nextLocalDay(current: LocalDay, timeZone: string): LocalDay {
  return dayFor(current.year, current.month, current.date + 1, timeZone);
}

/** The instant of a local wall-clock time (minutes after midnight) on a day. */
export function atLocalTime(localDay: LocalDay, minutesAfterMidnight: number): Instant {
  return (
    Date.UTC(localDay.year, localDay.month - 1, localDay.date) +
    (minutesAfterMidnight - localDay.offsetMinutes) * minute
  );
}

/** Every local day from the one containing `from` to the one containing `to`, in order. */
export function* localDays(from: Instant, to: Instant, timeZone: string): Generator<LocalDay> {
  let current = localDayOf(from, timeZone);
  while (current.start <= to) {
    yield current;
    current = nextLocalDay(current, timeZone);
  }
}

/** The instant `months` calendar months (UTC) before `end`. */
export function monthsBefore(end: Instant, months: number): Instant {
  const date = new Date(end);
  const target = new Date(end);
  target.setUTCDate(1);
  target.setUTCMonth(date.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.getTime();
}

const twoDigits = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const datePrefixes = new Map<number, string>();

/** ISO 8601 in UTC, whole seconds: `2026-03-02T10:00:00Z` (the date part is cached per day). */
export function isoUtc(instant: Instant): string {
  const seconds = Math.floor(instant / 1000);
  const dayNumber = Math.floor(seconds / 86_400);
  let prefix = datePrefixes.get(dayNumber);
  if (prefix === undefined) {
    prefix = new Date(dayNumber * day).toISOString().slice(0, 11);
    datePrefixes.set(dayNumber, prefix);
  }
  const inDay = seconds - dayNumber * 86_400;
  const h = Math.floor(inDay / 3600);
  const m = Math.floor((inDay - h * 3600) / 60);
  return `${prefix}${twoDigits[h]}:${twoDigits[m]}:${twoDigits[inDay - h * 3600 - m * 60]}Z`;
}

/** ISO 8601 at a fixed offset, whole seconds: `2026-06-02T11:00:00+01:00` (same instant). */
export function isoWithOffset(instant: Instant, offsetMinutes: number): string {
  if (offsetMinutes === 0) return isoUtc(instant);
  const local = new Date(instant + offsetMinutes * minute).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hours = String(Math.floor(abs / 60)).padStart(2, '0');
  const mins = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${mins}`;
}

/** The ISO calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function isoLocalDate(instant: Instant, timeZone: string): string {
  const localDay = localDayOf(instant, timeZone);
  return `${localDay.year}-${String(localDay.month).padStart(2, '0')}-${String(localDay.date).padStart(2, '0')}`;
}
