/**
 * The organisation file (YAML, kept in version control): its shape as zod validates it.
 * Semantic rules (unique names, known time zone) live in `core/org/checkOrganisation`.
 */
import { z } from 'zod';
import { defaultProductionEnvironments, type Organisation } from '../core/org/organisation.js';

const name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, dots, dashes or underscores');
const repo = z
  .string()
  .trim()
  .regex(/^[\w.-]+(\/[\w.-]+)+$/, 'must look like owner/name (a GitLab group path may have more parts)');
const isoDate = z
  .string({ error: 'must be a date like 2026-01-31' })
  .refine(
    (value) =>
      z.iso.date().safeParse(value).success || z.iso.datetime({ offset: true }).safeParse(value).success,
    {
      message: 'must be a date like 2026-01-31 or an ISO date-time with an offset',
    },
  );
const strict = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, { error: (issue) => unknownKeyMessage(issue) });

function unknownKeyMessage(issue: { code?: string; keys?: string[] }): string | undefined {
  if (issue.code === 'unrecognized_keys' && issue.keys)
    return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return undefined;
}

const serviceSchema = strict({
  name,
  repo,
  path: z.string().trim().min(1).optional(),
  onboardedAt: isoDate.optional(),
  pagerduty: z.array(z.string().min(1)).optional(),
  opsgenie: z.array(z.string().min(1)).optional(),
  datadog: z.array(z.string().min(1)).optional(),
  deployWorkflows: z.array(strict({ name: z.string().min(1), environment: z.string().min(1) })).optional(),
});

const squadSchema = strict({ name, services: z.array(serviceSchema).default([]) });
const tribeSchema = strict({ name, squads: z.array(squadSchema).min(1, 'a tribe needs at least one squad') });

export const organisationFileSchema = strict({
  name: z.string().trim().min(1).max(200).default('Our organisation'),
  timezone: z.string().min(1).default('UTC'),
  environments: strict({
    production: z.array(z.string().min(1)).min(1, 'name at least one production environment'),
  }).default({ production: defaultProductionEnvironments }),
  attributionWindowHours: z
    .number({ error: 'must be a number of hours' })
    .positive('must be more than 0')
    .max(24 * 30, 'must be at most 720 hours')
    .default(24),
  tribes: z.array(tribeSchema).min(1, 'declare at least one tribe'),
});

export type OrganisationFile = z.input<typeof organisationFileSchema>;

/** One problem in an organisation file: where (a path like `tribes.0.squads.1.name`) and what. */
export interface OrganisationProblem {
  path: (string | number)[];
  message: string;
}

export type ParsedOrganisationFile =
  | { ok: true; organisation: Organisation }
  | { ok: false; problems: OrganisationProblem[] };

// NUL and half a surrogate pair cannot be stored (the organisation is recorded in the database).
const unpairedSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const isStorable = (text: string): boolean => !text.includes('\u0000') && !unpairedSurrogate.test(text);

/** The paths of every key or text in a document holding a character that cannot be stored. */
function unstorableTexts(value: unknown, path: (string | number)[] = []): OrganisationProblem[] {
  if (typeof value === 'string')
    return !isStorable(value)
      ? [{ path, message: 'must not contain NUL characters or unpaired surrogates' }]
      : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    return !isStorable(key)
      ? [{ path: at, message: 'the name of this field holds a NUL character or an unpaired surrogate' }]
      : unstorableTexts(child, at);
  });
}

/** Validates the shape of a parsed organisation document. */
export function parseOrganisationFile(document: unknown): ParsedOrganisationFile {
  const unreadable = unstorableTexts(document);
  if (unreadable.length > 0) return { ok: false, problems: unreadable };
  const result = organisationFileSchema.safeParse(document);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => ({
        path: issue.path.filter((part): part is string | number => typeof part !== 'symbol'),
        message: issue.message,
      })),
    };
  }
  return { ok: true, organisation: result.data as Organisation };
}
