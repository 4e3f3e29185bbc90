/**
 * Checks of command input shared by the phases. Each returns a refusal naming the field and what it
 * allows, so the core stays safe even when called without the protocol's schemas in front of it.
 */
import { refuse, type WorkshopError } from './workshopError.js';

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Longest texts, in characters. */
export const textLimits = {
  name: 60,
  principle: 200,
  label: 80,
  note: 280,
  actionTitle: 200,
} as const;

/** Most things of a kind one checkpoint holds. */
export const countLimits = {
  participants: 100,
  principles: 20,
  nodes: 200,
  edges: 400,
  notes: 500,
  actions: 50,
  addedCapabilities: 10,
} as const;

/** Refuses anything but an id of 1–64 letters, digits, `_ . : -`, starting with a letter or digit. */
export function checkId(field: string, value: unknown): WorkshopError | null {
  return typeof value === 'string' && idPattern.test(value)
    ? null
    : refuse(
        'invalid-id',
        `${field} must be 1–64 letters, digits or _ . : - (starting with a letter or digit)`,
      );
}

/** The trimmed text, or a refusal when it is not a string of 1 to `max` characters. */
export function checkText(field: string, value: unknown, max: number): string | WorkshopError {
  if (typeof value !== 'string') return refuse('invalid-value', `${field} must be text`);
  const text = value.trim();
  if (text.length === 0 || text.length > max) {
    return refuse('invalid-value', `${field} must be 1 to ${max} characters`);
  }
  return text;
}

/** Refuses anything but a calendar date `YYYY-MM-DD`. */
export function checkDate(field: string, value: unknown): WorkshopError | null {
  const match = typeof value === 'string' ? datePattern.exec(value) : null;
  if (match !== null) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return null;
    }
  }
  return refuse('invalid-value', `${field} must be a date YYYY-MM-DD`);
}

/** Refuses anything but a finite number from `min` to `max` (an integer when `integer`). */
export function checkNumber(
  field: string,
  value: unknown,
  min: number,
  max: number,
  integer = false,
): WorkshopError | null {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isInteger(value));
  return ok
    ? null
    : refuse(
        'invalid-value',
        `${field} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`,
      );
}

/** True when `value` is one of `allowed`. */
export function isOneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

/** The entry of `record` under its own key `key` (never an inherited property such as `constructor`). */
export function getOwn<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
