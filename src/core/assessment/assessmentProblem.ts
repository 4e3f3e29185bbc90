/**
 * Expected problems of the assessment (a wrong answer, an unknown industry…), returned as values and
 * never thrown. Each names the field in the request's terms and what it allows.
 */

/** What kind of problem it is; stable for programs, the message is for people. */
export type ProblemCode =
  | 'unknown-edition'
  | 'missing-answer'
  | 'unknown-answer'
  | 'invalid-answer'
  | 'unknown-industry'
  | 'unknown-organisation-size'
  | 'organisation-size-not-published'
  | 'unknown-tier'
  | 'missing-tier'
  | 'tier-not-in-edition'
  | 'unknown-statement'
  | 'invalid-statement-answer'
  | 'missing-statement-answer';

/** One problem: `field` is a dotted path such as `answers.leadtime`; `allowed` says what would do. */
export interface AssessmentProblem {
  code: ProblemCode;
  field: string;
  message: string;
  allowed: string;
}

/** The result of an assessment function: a value, or every problem found in its input. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: AssessmentProblem[] };

/** `answers.leadtime: must be an integer from 1 to 6` — the one-line form for people. */
export function describeProblem(problem: AssessmentProblem): string {
  return `${problem.field}: ${problem.message}`;
}
