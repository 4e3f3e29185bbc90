/**
 * The Quick Check on the wire: `POST /api/quickcheck` (score answers in an edition) and
 * `POST /api/quickcheck/prioritise` (rank capabilities from statement answers). Validation reuses the
 * assessment core, so every problem names its field and what the field allows, e.g.
 * `answers.leadtime: must be an integer from 1 to 6`.
 */
import { z } from 'zod';
import {
  type AssessmentProblem,
  checkQuickCheckOptions,
  currentEditionId,
  editionIds,
  getEdition,
  industryKeys,
  type Prioritisation,
  prioritiseCapabilities,
  type QuickCheckResult,
  tierIds,
  validateAnswers,
} from '../core/assessment/index.js';

const editionSchema = z.enum(editionIds, { error: `must be one of ${editionIds.join(', ')}` });
const answersSchema = z.record(z.string(), z.unknown(), { error: 'must be an object of answers by key' });

/** Puts core problems on the zod context, with the path of their dotted field (`answers.<key>`). */
function addProblems(ctx: z.RefinementCtx, problems: readonly AssessmentProblem[]): void {
  for (const problem of problems) {
    const dot = problem.field.indexOf('.');
    const path = dot < 0 ? [problem.field] : [problem.field.slice(0, dot), problem.field.slice(dot + 1)];
    ctx.addIssue({ code: 'custom', path, message: problem.message });
  }
}

/**
 * Body of `POST /api/quickcheck`: `{"edition":"2019","answers":{…},"industry":"technology"}`. The
 * answers, industry and organisation size are checked against the chosen edition by the core.
 */
export const quickCheckRequestSchema = z
  .strictObject({
    edition: editionSchema.default(currentEditionId),
    answers: answersSchema,
    industry: z.string({ error: `must be one of ${industryKeys.join(', ')}` }).optional(),
    organisationSize: z.string({ error: 'must be a string' }).optional(),
  })
  .superRefine((body, ctx) => {
    const edition = getEdition(body.edition);
    const validated = validateAnswers(edition, body.answers);
    if (!validated.ok) addProblems(ctx, validated.problems);
    addProblems(
      ctx,
      checkQuickCheckOptions(edition, { industry: body.industry, organisationSize: body.organisationSize }),
    );
  });

/** Body of `POST /api/quickcheck/prioritise`: an edition or a 2019 tier, and Likert answers (1–5) by statement id. */
export const prioritiseRequestSchema = z
  .strictObject({
    edition: editionSchema.optional(),
    tier: z.enum(tierIds, { error: `must be one of ${tierIds.join(', ')}` }).optional(),
    answers: answersSchema,
  })
  .superRefine((body, ctx) => {
    const request = {
      ...(body.edition === undefined ? {} : { edition: body.edition }),
      ...(body.tier === undefined ? {} : { tier: body.tier }),
    };
    const outcome = prioritiseCapabilities(request, body.answers);
    if (!outcome.ok) addProblems(ctx, outcome.problems);
  });

/** A validated `POST /api/quickcheck` body. */
export type QuickCheckRequest = z.output<typeof quickCheckRequestSchema>;
/** A validated `POST /api/quickcheck/prioritise` body. */
export type PrioritiseRequestBody = z.output<typeof prioritiseRequestSchema>;

/** The 200 response of `POST /api/quickcheck`: the result of the edition's scoring. */
export type QuickCheckResponse = QuickCheckResult;
/** The 200 response of `POST /api/quickcheck/prioritise`: the ranking, lowest first. */
export type PrioritiseResponse = Prioritisation;

/** One problem of a request: the dotted field and what is wrong with it. */
export interface QuickCheckProblem {
  field: string;
  message: string;
}

/** The 400 response: every problem, and all of them in one line (`field: message; …`). */
export interface QuickCheckErrorResponse {
  error: string;
  problems: QuickCheckProblem[];
}

/** A validated request, or every problem with it (the 400 response). */
export type ParsedRequest<T> = { ok: true; value: T } | ({ ok: false } & QuickCheckErrorResponse);

function toProblems(error: z.ZodError): QuickCheckProblem[] {
  const problems: QuickCheckProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        problems.push({ field: [...issue.path, key].join('.'), message: 'is not a known field' });
      continue;
    }
    problems.push({ field: issue.path.join('.') || 'body', message: issue.message });
  }
  return problems;
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown): ParsedRequest<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const problems = toProblems(result.error);
  return {
    ok: false,
    problems,
    error: problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
  };
}

/** Validates a `POST /api/quickcheck` body. */
export function parseQuickCheckRequest(input: unknown): ParsedRequest<QuickCheckRequest> {
  return parseWith(quickCheckRequestSchema, input);
}

/** Validates a `POST /api/quickcheck/prioritise` body. */
export function parsePrioritiseRequest(input: unknown): ParsedRequest<PrioritiseRequestBody> {
  return parseWith(prioritiseRequestSchema, input);
}
