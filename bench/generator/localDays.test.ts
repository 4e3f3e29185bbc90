import { describe, expect, it } from 'vitest';
import {
  atLocalTime,
  isoLocalDate,
  isoUtc,
  isoWithOffset,
  localDayOf,
  localDays,
  monthsBefore,
  zoneOffsetMinutes,
} from './localDays.js';

const hour = 3_600_000;

describe('local days', () => {
  it('knows the London offset in winter and summer', () => {
    expect(zoneOffsetMinutes(Date.UTC(2026, 0, 15, 12), 'Europe/London')).toBe(0);
    expect(zoneOffsetMinutes(Date.UTC(2025, 6, 15, 12), 'Europe/London')).toBe(60);
    expect(zoneOffsetMinutes(Date.UTC(2025, 6, 15, 12), 'America/New_York')).toBe(-240);
  });

  it('starts days at local midnight and has short and long days at the clock changes', () => {
    const days = [...localDays(Date.UTC(2025, 2, 29, 12), Date.UTC(2025, 2, 31, 12), 'Europe/London')];
    expect(days.map((d) => d.date)).toEqual([29, 30, 31]);
    expect(days[0]!.start).toBe(Date.UTC(2025, 2, 29, 0));
    expect(days[1]!.end - days[1]!.start).toBe(23 * hour);
    expect(days[2]!.start).toBe(Date.UTC(2025, 2, 30, 23));
    const autumn = localDayOf(Date.UTC(2025, 9, 26, 12), 'Europe/London');
    expect(autumn.end - autumn.start).toBe(25 * hour);
    expect(autumn.weekday).toBe(7);
  });

  it('places wall-clock times in the zone', () => {
    const summer = localDayOf(Date.UTC(2025, 6, 15, 12), 'Europe/London');
    expect(summer.weekday).toBe(2);
    expect(atLocalTime(summer, 9 * 60)).toBe(Date.UTC(2025, 6, 15, 8));
    const winter = localDayOf(Date.UTC(2026, 0, 15, 12), 'Europe/London');
    expect(atLocalTime(winter, 9 * 60)).toBe(Date.UTC(2026, 0, 15, 9));
  });

  it('formats whole-second ISO strings, in UTC or at an offset, naming the same instant', () => {
    const instant = Date.UTC(2025, 6, 15, 8, 5, 9) + 731;
    expect(isoUtc(instant)).toBe('2025-07-15T08:05:09Z');
    expect(isoWithOffset(instant, 60)).toBe('2025-07-15T09:05:09+01:00');
    expect(isoWithOffset(instant, -330)).toBe('2025-07-15T02:35:09-05:30');
    expect(Date.parse(isoWithOffset(instant, 60))).toBe(Date.parse(isoUtc(instant)));
    expect(isoUtc(Date.UTC(1999, 11, 31, 23, 59, 59))).toBe('1999-12-31T23:59:59Z');
    expect(isoLocalDate(Date.UTC(2025, 6, 15, 23, 30), 'Europe/London')).toBe('2025-07-16');
  });

  it('goes back whole calendar months, clamping to the end of shorter months', () => {
    expect(monthsBefore(Date.UTC(2026, 2, 2, 17), 6)).toBe(Date.UTC(2025, 8, 2, 17));
    expect(monthsBefore(Date.UTC(2026, 2, 31, 10), 1)).toBe(Date.UTC(2026, 1, 28, 10));
    expect(monthsBefore(Date.UTC(2026, 0, 10), 12)).toBe(Date.UTC(2025, 0, 10));
  });
});
