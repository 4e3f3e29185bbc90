/**
 * Deciding whether a refused GitHub request hit a rate limit, and how long to pause before retrying,
 * following GitHub's REST guidance: a `retry-after` header gives the seconds to wait; a primary
 * limit (`x-ratelimit-remaining: 0`) lasts until `x-ratelimit-reset` (UTC epoch seconds); a
 * secondary limit without either header calls for at least a minute.
 */

/** A pause before retrying: until when (ms since the Unix epoch) and why. */
export interface RateLimitPause {
  until: number;
  reason: string;
}

const minute = 60_000;
/** Never retry sooner than this: a reset time already past means the clocks disagree a little. */
const shortest = 1_000;

const headerText = (headers: Record<string, unknown>, name: string): string | undefined => {
  const value = headers[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
};

function retryAfterUntil(value: string, now: number): number | undefined {
  if (/^\d+$/.test(value)) return now + Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date;
}

/**
 * The pause a refused request calls for, or undefined when the refusal (status, lower-case response
 * headers, message) is not a rate limit: a 403 without these signs is a permission problem.
 */
export function rateLimitPause(
  status: number,
  headers: Record<string, unknown>,
  message: string,
  now: number,
): RateLimitPause | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const pause = (until: number, reason: string): RateLimitPause => ({
    until: Math.max(until, now + shortest),
    reason,
  });
  const retryAfter = headerText(headers, 'retry-after');
  const afterUntil = retryAfter === undefined ? undefined : retryAfterUntil(retryAfter, now);
  if (afterUntil !== undefined && retryAfter !== undefined) {
    const after = /^\d+$/.test(retryAfter) ? `${retryAfter} s` : retryAfter;
    return pause(afterUntil, `GitHub asked to retry after ${after}`);
  }
  if (headerText(headers, 'x-ratelimit-remaining') === '0') {
    const reset = Number(headerText(headers, 'x-ratelimit-reset'));
    const until = Number.isFinite(reset) && reset > 0 ? reset * 1000 + shortest : now + minute;
    const resource = headerText(headers, 'x-ratelimit-resource');
    return pause(until, `GitHub's rate limit${resource ? ` (${resource})` : ''} is used up`);
  }
  if (/secondary rate limit/i.test(message)) return pause(now + minute, "GitHub's secondary rate limit hit");
  if (status === 429) return pause(now + minute, 'GitHub answered 429 Too Many Requests');
  return undefined;
}
