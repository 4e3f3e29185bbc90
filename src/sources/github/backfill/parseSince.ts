/**
 * Reading how far back a backfill reaches: `90d`, `36h`, or an ISO date or date-time.
 */

const relative = /^(\d+)\s*([dh])$/i;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The instant (ms since the Unix epoch) `text` names: `Nd` is N days before `now`, `Nh` N hours
 * before it; `2026-01-15` is that day's start in UTC; a date-time needs its offset
 * (`2026-01-15T08:00:00+01:00`). An instant after `now`, or anything else, is an error.
 */
export function parseSince(text: string, now: number): { since: number } | { error: string } {
  const value = text.trim();
  const match = value.match(relative);
  let since: number | undefined;
  if (match) {
    const amount = Number(match[1]);
    const unitMs = match[2]?.toLowerCase() === 'd' ? 86_400_000 : 3_600_000;
    if (amount === 0) return { error: `--since ${value}: must reach back at least one hour or day` };
    since = now - amount * unitMs;
  } else if (isoDate.test(value)) {
    const day = Date.parse(`${value}T00:00:00Z`);
    // Date.parse rolls 2026-02-30 over into March; a date that does not exist is refused instead.
    if (!Number.isNaN(day) && new Date(day).toISOString().startsWith(value)) since = day;
  } else if (isoDateTime.test(value)) {
    since = Date.parse(value);
  }
  if (since === undefined || Number.isNaN(since)) {
    return {
      error: `--since ${value}: give days (90d), hours (36h), a date (2026-01-15) or a date-time with an offset`,
    };
  }
  if (since > now) return { error: `--since ${value}: lies in the future` };
  return { since };
}
