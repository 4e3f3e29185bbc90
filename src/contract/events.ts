/**
 * The canonical events on the wire (metrics contract §1): what `POST /api/events`, the file import
 * and every source adapter speak. Times are ISO 8601 with an offset; they become UTC instants.
 */
import { z } from 'zod';
import { type CanonicalEvent, deploymentStatuses } from '../core/events.js';

const maxText = 1_000;
const maxList = 10_000;
/** How deeply a JSON body may nest objects and arrays (the deepest real webhook nests about ten). */
export const maxJsonDepth = 100;

/** How many bytes (UTF-8) an identity may take: two of them must fit in one index entry of the store. */
const maxKeyBytes = 1_000;
/** The instants the store can keep and the measurement can mean: from 1970 to the end of 9999 (UTC). */
const earliestInstant = Date.UTC(1970, 0, 1);
const latestInstant = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Whether JSON text nests objects and arrays deeper than `limit` levels (strings are skipped; it need not be valid). */
export function isNestedDeeperThan(json: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

// NUL and half a surrogate pair cannot be stored as text (PostgreSQL refuses both).
const unpairedSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const isStorable = (value: string): boolean => !value.includes('\u0000') && !unpairedSurrogate.test(value);

const text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(maxText, `must be at most ${maxText} characters`)
  .refine(isStorable, 'must not contain NUL characters or unpaired surrogates');
const key = text.refine(
  (value) => new TextEncoder().encode(value).length <= maxKeyBytes,
  `must be at most ${maxKeyBytes} bytes in UTF-8`,
);
const isoInstant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset' })
  .refine((value) => {
    const ms = Date.parse(value);
    return Number.isNaN(ms) || (ms >= earliestInstant && ms <= latestInstant);
  }, 'must be between 1970-01-01 and 9999-12-31 (UTC)');
const list = <T extends z.ZodType>(item: T) =>
  z.array(item).max(maxList, `must have at most ${maxList} items`);

const pullRequestSchema = z.object({
  number: z.number().int().nonnegative().max(2_147_483_647, 'must be at most 2147483647').optional(),
  openedAt: isoInstant.optional(),
  mergedAt: isoInstant.optional(),
  firstCommitAt: isoInstant.optional(),
});

export const changeEventSchema = z.object({
  type: z.literal('change'),
  repo: key,
  sha: key,
  committedAt: isoInstant,
  parents: list(text).optional(),
  pushedAt: isoInstant.optional(),
  branch: text.optional(),
  pr: pullRequestSchema.optional(),
  labels: list(text).optional(),
  reverts: list(text).optional(),
  files: list(text).optional(),
});

export const deploymentEventSchema = z
  .object({
    type: z.literal('deployment'),
    id: key,
    source: key,
    service: key,
    environment: text,
    sha: text.optional(),
    version: text.optional(),
    status: z.enum(deploymentStatuses),
    startedAt: isoInstant.optional(),
    finishedAt: isoInstant.optional(),
    commits: list(text).optional(),
    rollback: z.boolean().optional(),
    labels: list(text).optional(),
  })
  .superRefine((event, ctx) => {
    if (event.sha === undefined && event.version === undefined) {
      ctx.addIssue({ code: 'custom', path: ['sha'], message: 'a deployment needs a sha or a version' });
    }
    if (event.status !== 'in_progress' && event.finishedAt === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['finishedAt'],
        message: `is required when status is ${event.status}`,
      });
    }
  });

export const incidentEventSchema = z.object({
  type: z.literal('incident'),
  id: key,
  source: key,
  services: list(text).min(1, 'must name at least one service'),
  openedAt: isoInstant,
  acknowledgedAt: isoInstant.optional(),
  resolvedAt: isoInstant.optional(),
  severity: text.optional(),
  causedBy: text.optional(),
  changeRelated: z.boolean().optional(),
});

export const canonicalEventSchema = z.discriminatedUnion(
  'type',
  [changeEventSchema, deploymentEventSchema, incidentEventSchema],
  { error: 'type must be one of change, deployment, incident' },
);

/** A canonical event as received on the wire (ISO strings, optional fields absent). */
export type CanonicalEventInput = z.input<typeof canonicalEventSchema>;
export type ChangeEventInput = z.input<typeof changeEventSchema>;
export type DeploymentEventInput = z.input<typeof deploymentEventSchema>;
export type IncidentEventInput = z.input<typeof incidentEventSchema>;

/** One problem in a batch: which event, which field, what is wrong. */
export interface EventProblem {
  index: number;
  field: string;
  message: string;
}

export type ParsedEvents = { ok: true; events: CanonicalEvent[] } | { ok: false; problems: EventProblem[] };

const toInstant = (iso: string): number => Date.parse(iso);
const optionalInstant = (iso: string | undefined): number | undefined =>
  iso === undefined ? undefined : toInstant(iso);

/** `T` with every property that may be `undefined` made optional instead (for exact optional types). */
type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

function withoutUndefined<T extends object>(value: T): Compact<T> {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value as Compact<T>;
}

/**
 * Turns one wire event into a core event. `arrival` orders first arrivals (the store assigns it).
 */
export function toCanonicalEvent(
  input: z.output<typeof canonicalEventSchema>,
  arrival: number,
): CanonicalEvent {
  switch (input.type) {
    case 'change':
      return withoutUndefined({
        type: 'change' as const,
        repo: input.repo,
        sha: input.sha,
        committedAt: toInstant(input.committedAt),
        parents: input.parents,
        pushedAt: optionalInstant(input.pushedAt),
        branch: input.branch,
        pr: input.pr
          ? withoutUndefined({
              number: input.pr.number,
              openedAt: optionalInstant(input.pr.openedAt),
              mergedAt: optionalInstant(input.pr.mergedAt),
              firstCommitAt: optionalInstant(input.pr.firstCommitAt),
            })
          : undefined,
        labels: input.labels ?? [],
        reverts: input.reverts ?? [],
        files: input.files,
        arrival,
      });
    case 'deployment':
      return withoutUndefined({
        type: 'deployment' as const,
        source: input.source,
        id: input.id,
        service: input.service,
        environment: input.environment,
        sha: input.sha,
        version: input.version,
        status: input.status,
        startedAt: optionalInstant(input.startedAt),
        finishedAt: optionalInstant(input.finishedAt),
        commits: input.commits,
        rollback: input.rollback ?? false,
        labels: input.labels ?? [],
        arrival,
      });
    case 'incident':
      return withoutUndefined({
        type: 'incident' as const,
        source: input.source,
        id: input.id,
        services: input.services,
        openedAt: toInstant(input.openedAt),
        acknowledgedAt: optionalInstant(input.acknowledgedAt),
        resolvedAt: optionalInstant(input.resolvedAt),
        severity: input.severity,
        causedBy: input.causedBy,
        changeRelated: input.changeRelated ?? true,
      });
  }
}

/** Validates a batch: every event valid, or a list of every problem with its index and field. */
export function parseEvents(inputs: readonly unknown[]): ParsedEvents {
  const problems: EventProblem[] = [];
  const events: CanonicalEvent[] = [];
  inputs.forEach((input, index) => {
    const result = canonicalEventSchema.safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ index, field: issue.path.join('.') || 'type', message: issue.message });
      }
      return;
    }
    events.push(toCanonicalEvent(result.data, index));
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, events };
}
