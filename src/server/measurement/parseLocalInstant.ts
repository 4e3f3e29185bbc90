import { startOfLocalDate } from '../../core/metrics/index.js';

/**
 * An instant from an ISO date-time with an offset, or from a plain date read as local midnight in the
 * organisation's time zone (where days, weeks and months are counted).
 */
export function parseLocalInstant(value: string, timezone: string): number {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!date) return Date.parse(value);
  return startOfLocalDate(Number(date[1]), Number(date[2]), Number(date[3]), timezone);
}
