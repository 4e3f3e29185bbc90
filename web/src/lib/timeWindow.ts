/**
 * Windows of time as the pages ask for them: the last 30, 90 or 180 days (up to and including today)
 * or custom dates, and the weeks of a trend. Dates are plain `YYYY-MM-DD`, which the API reads as
 * midnight in the organisation's time zone; the window is [from, to).
 */

export const windowPresets = ['30', '90', '180'] as const;
export type WindowPreset = (typeof windowPresets)[number];
export type WindowKey = WindowPreset | 'custom';

export interface DateWindow {
  key: WindowKey;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date of `date` as `YYYY-MM-DD`. */
export function isoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `date` moved by `days` calendar days (local time). */
export function addDays(date: Date, days: number): Date {
  const moved = new Date(date);
  moved.setDate(moved.getDate() + days);
  return moved;
}

/** A plain date, or an ISO instant with an offset (as the API echoes windows, for exact drill-downs). */
const isDate = (value: string | null): value is string =>
  value !== null &&
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value) &&
  !Number.isNaN(Date.parse(value));

/** The last `days` days, today included. */
export function presetWindow(days: WindowPreset, today = new Date()): DateWindow {
  const end = addDays(today, 1);
  return { key: days, from: isoDate(addDays(end, -Number(days))), to: isoDate(end) };
}

/**
 * The window a page's URL asks for: `window=30|90|180`, or `from` and `to` dates (custom). Anything
 * else falls back to the last 90 days.
 */
export function readWindow(search: URLSearchParams): DateWindow {
  const from = search.get('from');
  const to = search.get('to');
  if (isDate(from) && isDate(to) && Date.parse(from) < Date.parse(to)) return { key: 'custom', from, to };
  const preset = search.get('window');
  return presetWindow(
    (windowPresets as readonly string[]).includes(preset ?? '') ? (preset as WindowPreset) : '90',
  );
}

/** The URL parameters that describe a window (nothing for the default 90 days). */
export function windowParams(window: DateWindow): Record<string, string | undefined> {
  if (window.key === 'custom') return { window: undefined, from: window.from, to: window.to };
  return { window: window.key === '90' ? undefined : window.key, from: undefined, to: undefined };
}

/** Changes `search` in place: sets the defined values and deletes the undefined ones. */
export function applyParams(
  search: URLSearchParams,
  params: Record<string, string | undefined>,
): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/** One ISO week (Monday first) of a trend. */
export interface Week {
  from: string;
  to: string;
  /** True for the week that holds today: its figures are the week so far. */
  current: boolean;
}

/** The last `count` weeks, oldest first, the current week (so far) last. */
export function lastWeeks(count = 13, today = new Date()): Week[] {
  const monday = addDays(today, -((today.getDay() + 6) % 7));
  const weeks: Week[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = addDays(monday, -7 * i);
    weeks.push({ from: isoDate(start), to: isoDate(addDays(start, 7)), current: i === 0 });
  }
  return weeks;
}

/** The window of the same length just before `window`. */
export function previousWindow(window: DateWindow): DateWindow {
  const plain = /^\d{4}-\d{2}-\d{2}$/;
  if (plain.test(window.from) && plain.test(window.to)) {
    const from = new Date(`${window.from}T00:00:00`);
    const to = new Date(`${window.to}T00:00:00`);
    const days = Math.round((to.getTime() - from.getTime()) / 86_400_000);
    return { key: 'custom', from: isoDate(addDays(from, -days)), to: window.from };
  }
  const from = Date.parse(window.from);
  const length = Date.parse(window.to) - from;
  return { key: 'custom', from: new Date(from - length).toISOString(), to: new Date(from).toISOString() };
}
