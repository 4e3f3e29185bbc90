/**
 * Case-insensitive access to request headers as Node hands them over (a string, or a list for a
 * repeated header).
 */
import type { RawRequest } from './types.js';

/** Every value of the header `name` (case-insensitive), in the order received; empty when absent. */
export function headerValues(headers: RawRequest['headers'], name: string): string[] {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (Array.isArray(value)) values.push(...value);
    else values.push(value);
  }
  return values;
}

/** The first non-empty value of the header `name` (case-insensitive), trimmed; undefined when absent. */
export function headerValue(headers: RawRequest['headers'], name: string): string | undefined {
  for (const value of headerValues(headers, name)) {
    const trimmed = value.trim();
    if (trimmed !== '') return trimmed;
  }
  return undefined;
}
