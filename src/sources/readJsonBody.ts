/**
 * Reading a webhook body as JSON, and the stable delivery id of a body whose tool sends none.
 */
import { createHash } from 'node:crypto';
import type { SourceError } from './types.js';

/** `sha256:<hex>` of the raw body: the delivery id when the tool sends none (same body, same id). */
export function bodyDigest(body: Buffer): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}

/** Parses JSON text, naming the problem when it is not JSON (empty body, syntax error). */
export function readJsonText(text: string): { value: unknown } | SourceError {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { error: 'body is empty, expected a JSON object' };
  try {
    return { value: JSON.parse(trimmed) as unknown };
  } catch (problem) {
    const reason = problem instanceof Error ? problem.message : String(problem);
    return { error: `body is not valid JSON: ${reason}` };
  }
}

/** Parses the raw body (UTF-8) as a JSON object. */
export function readJsonBody(body: Buffer): { value: unknown } | SourceError {
  const read = readJsonText(body.toString('utf8'));
  if ('error' in read) return read;
  if (typeof read.value !== 'object' || read.value === null || Array.isArray(read.value)) {
    return { error: 'body must be a JSON object' };
  }
  return read;
}
