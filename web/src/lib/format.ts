/** How figures are written on every page: short, with their unit, and "—" where there is no data. */

const one = (value: number) => (value < 10 ? value.toFixed(1) : Math.round(value).toString());

/** A duration in seconds as "45 s", "12 min", "5.2 h", "3.4 d". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3_600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3_600) return `${one(seconds / 3_600)} h`;
  return `${one(seconds / 86_400)} d`;
}

/** A rate 0–1 as "8.9 %". */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(rate * 100).toFixed(1)} %`;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

/** An ISO instant as "25 Nov 2026, 17:31" (the reader's time zone). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dateTime.format(new Date(iso));
}

/** An ISO instant or date as "25 Nov 2026". */
export function formatDate(iso: string): string {
  return dateOnly.format(new Date(iso));
}

/** An ISO instant or date as "25 Nov". */
export function formatDayMonth(iso: string): string {
  return dayMonth.format(new Date(iso));
}

const plainDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A window [from, to) as "29 Aug 2026 – 26 Nov 2026": the last day shown is the one before `to`.
 * Plain dates are calendar dates; instants are shown in `timeZone` (the organisation's) when given.
 */
export function formatWindow(from: string, to: string, timeZone?: string): string {
  if (plainDate.test(from) && plainDate.test(to)) {
    const last = new Date(`${to}T12:00:00`);
    last.setDate(last.getDate() - 1);
    return `${dateOnly.format(new Date(`${from}T12:00:00`))} – ${dateOnly.format(last)}`;
  }
  const format = timeZone
    ? new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone })
    : dateOnly;
  return `${format.format(new Date(from))} – ${format.format(new Date(new Date(to).getTime() - 1))}`;
}

/** The first characters of a commit sha. */
export function shortSha(sha: string | null): string {
  return sha === null ? '—' : sha.slice(0, 8);
}

/** "1 deployment", "3 deployments". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : pluralForm}`;
}
