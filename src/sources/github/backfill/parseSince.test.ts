import { describe, expect, it } from 'vitest';
import { parseSince } from './parseSince.js';

const now = Date.parse('2026-03-10T12:00:00Z');

describe('parseSince', () => {
  it('reads days and hours back from now', () => {
    expect(parseSince('90d', now)).toEqual({ since: Date.parse('2025-12-10T12:00:00Z') });
    expect(parseSince('3d', now)).toEqual({ since: Date.parse('2026-03-07T12:00:00Z') });
    expect(parseSince(' 36H ', now)).toEqual({ since: Date.parse('2026-03-09T00:00:00Z') });
  });

  it('reads a date as the start of that day in UTC, and a date-time with its offset', () => {
    expect(parseSince('2026-01-15', now)).toEqual({ since: Date.parse('2026-01-15T00:00:00Z') });
    expect(parseSince('2026-01-15T08:00:00+01:00', now)).toEqual({
      since: Date.parse('2026-01-15T07:00:00Z'),
    });
  });

  it('refuses what it cannot read, a zero span and the future', () => {
    expect(parseSince('last week', now)).toEqual({ error: expect.stringContaining('give days (90d)') });
    expect(parseSince('2026-01-15T08:00:00', now)).toEqual({ error: expect.stringContaining('offset') });
    expect(parseSince('2026-02-30', now)).toEqual({ error: expect.stringContaining('give days') });
    expect(parseSince('0d', now)).toEqual({ error: expect.stringContaining('at least') });
    expect(parseSince('2026-04-01', now)).toEqual({ error: expect.stringContaining('future') });
  });
});
