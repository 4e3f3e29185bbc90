/**
 * Validating the part of a webhook payload a source reads, with messages that name the field.
 * Schemas are loose: fields a source does not read are let through untouched.
 */
import { z } from 'zod';
import { toIsoInstant } from './toIsoInstant.js';
import type { SourceError } from './types.js';

/** A time in any format `toIsoInstant` reads, output as an ISO 8601 UTC string. */
export const instant = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const iso = toIsoInstant(value);
  if (iso === undefined) {
    ctx.addIssue({ code: 'custom', message: `is not a date-time: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return iso;
});

/** A non-empty identifier that may arrive as a string or a number, output as a string. */
export const identifier = z
  .union([z.string().trim().min(1, 'must not be empty'), z.number()])
  .transform((value) => String(value));

/** A list of labels as GitHub (`name`) or GitLab (`title`) sends them; output as label names. */
export const labelList = z
  .array(z.union([z.string(), z.looseObject({ name: z.string().optional(), title: z.string().optional() })]))
  .nullish()
  .transform((labels) =>
    (labels ?? [])
      .map((label) => (typeof label === 'string' ? label : (label.name ?? label.title ?? '')))
      .filter((name) => name.trim() !== ''),
  );

function describe(issue: z.core.$ZodIssue, at: string): string {
  const field = [at, ...issue.path.map(String)].filter((part) => part !== '').join('.');
  return field === '' ? issue.message : `${field}: ${issue.message}`;
}

/**
 * Validates `value` against `schema`; on failure an error naming the first fields that are wrong,
 * as paths from the payload's root (`at` is the path of `value` inside the payload, if not the root).
 */
export function parsePayload<T extends z.ZodType>(
  schema: T,
  value: unknown,
  at = '',
): { data: z.output<T> } | SourceError {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data };
  const problems = result.error.issues.slice(0, 3).map((issue) => describe(issue, at));
  return { error: `payload is missing or has a wrong field: ${problems.join('; ')}` };
}
