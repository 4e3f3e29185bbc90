import { describe, expect, it } from 'vitest';
import { rateLimitPause } from './rateLimitPause.js';

const now = Date.parse('2026-03-10T12:00:00Z');
const resetAt = Date.parse('2026-03-10T12:20:00Z') / 1000;

describe('rateLimitPause', () => {
  it('waits for the reset (plus a second) when the primary limit is used up', () => {
    const headers = {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(resetAt),
      'x-ratelimit-resource': 'core',
      'x-ratelimit-used': '5000',
    };
    expect(rateLimitPause(403, headers, 'API rate limit exceeded for user ID 1.', now)).toEqual({
      until: Date.parse('2026-03-10T12:20:01Z'),
      reason: "GitHub's rate limit (core) is used up",
    });
    expect(rateLimitPause(429, headers, '', now)?.until).toBe(Date.parse('2026-03-10T12:20:01Z'));
  });

  it('prefers retry-after, in seconds or as an HTTP date', () => {
    expect(rateLimitPause(403, { 'retry-after': '30', 'x-ratelimit-remaining': '0' }, '', now)).toEqual({
      until: now + 30_000,
      reason: 'GitHub asked to retry after 30 s',
    });
    expect(rateLimitPause(429, { 'retry-after': 'Tue, 10 Mar 2026 12:05:00 GMT' }, '', now)?.until).toBe(
      Date.parse('2026-03-10T12:05:00Z'),
    );
  });

  it('waits a minute for a secondary limit named only in the message, or a bare 429', () => {
    const message =
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
    expect(rateLimitPause(403, { 'x-ratelimit-remaining': '4000' }, message, now)?.until).toBe(now + 60_000);
    expect(rateLimitPause(429, {}, 'Too Many Requests', now)?.until).toBe(now + 60_000);
  });

  it('never asks to retry in the past', () => {
    const past = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 - 60) };
    expect(rateLimitPause(403, past, '', now)?.until).toBe(now + 1_000);
  });

  it('is no pause for a refusal that is not a rate limit', () => {
    const headers = { 'x-ratelimit-remaining': '4999' };
    expect(
      rateLimitPause(403, headers, 'Resource not accessible by personal access token', now),
    ).toBeUndefined();
    expect(rateLimitPause(404, {}, 'Not Found', now)).toBeUndefined();
    expect(rateLimitPause(500, { 'retry-after': '5' }, 'Server Error', now)).toBeUndefined();
  });
});
