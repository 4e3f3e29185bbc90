/**
 * Normalises the many time formats webhooks use into one ISO 8601 UTC instant
 * (`2026-03-02T10:00:00.000Z`), the form the canonical events carry.
 */

const dateTime =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Epoch numbers by magnitude: seconds, milliseconds, microseconds or nanoseconds. */
function fromEpoch(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e17) return Math.trunc(value / 1e6);
  if (magnitude >= 1e14) return Math.trunc(value / 1e3);
  if (magnitude >= 1e11) return Math.trunc(value);
  return Math.trunc(value * 1000);
}

function zoneSuffix(zone: string | undefined): string {
  if (zone === undefined || /^(z|utc|gmt)$/i.test(zone)) return 'Z';
  const match = zone.match(/^([+-]\d{2}):?(\d{2})?$/);
  return match ? `${match[1]}:${match[2] ?? '00'}` : 'Z';
}

function fromText(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return fromEpoch(Number(trimmed));
  const match = trimmed.match(dateTime);
  if (!match) return undefined;
  const time = (match[2] ?? '').replace(',', '.');
  const ms = Date.parse(`${match[1]}T${time.length === 5 ? `${time}:00` : time}${zoneSuffix(match[3])}`);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The instant `value` denotes, as an ISO 8601 UTC string, or undefined when it is not a time.
 *
 * Accepts ISO 8601 with `Z` or an offset (`+02:00`, `+0200`), GitLab's `2016-08-12 15:23:28 UTC` and
 * `2021-04-28 21:50:00 +0200`, and epoch numbers or numeric strings in seconds, milliseconds,
 * microseconds or nanoseconds (told apart by magnitude). A date-time without a zone is taken as UTC.
 */
export function toIsoInstant(value: string | number): string | undefined {
  const ms = typeof value === 'number' ? fromEpoch(value) : fromText(value);
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
