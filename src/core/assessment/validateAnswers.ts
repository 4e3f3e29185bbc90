import type { AssessmentProblem, Outcome } from './assessmentProblem.js';
import type { AnswersFor, EditionId, Question, QuickCheckEdition } from './quickCheckEdition.js';

/** What a question accepts, in words: `an integer from 1 to 6` or `a number from 0 to 100`. */
export function describeAllowedAnswer(question: Question): string {
  return question.kind === 'option'
    ? `an integer from 1 to ${question.options.length}`
    : `a number from ${question.min} to ${question.max}`;
}

/** True when `value` is a valid answer to `question`. */
export function isValidAnswer(question: Question, value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (question.kind === 'option')
    return Number.isInteger(value) && value >= 1 && value <= question.options.length;
  return value >= question.min && value <= question.max;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks answers against an edition's questions: every question answered within its range, no other
 * keys. Returns the typed answers, or a problem per offending key naming what it allows.
 */
export function validateAnswers<E extends EditionId>(
  edition: QuickCheckEdition & { id: E },
  answers: unknown,
): Outcome<AnswersFor<E>> {
  const keys = edition.questions.map((question) => question.key);
  if (!isRecord(answers)) {
    return {
      ok: false,
      problems: [
        {
          code: 'invalid-answer',
          field: 'answers',
          message: `must be an object with the keys ${keys.join(', ')}`,
          allowed: keys.join(', '),
        },
      ],
    };
  }
  const problems: AssessmentProblem[] = [];
  const valid: Record<string, number> = {};
  for (const question of edition.questions) {
    const allowed = describeAllowedAnswer(question);
    const value = answers[question.key];
    const field = `answers.${question.key}`;
    if (value === undefined || value === null) {
      problems.push({ code: 'missing-answer', field, message: `is required: must be ${allowed}`, allowed });
    } else if (!isValidAnswer(question, value)) {
      problems.push({ code: 'invalid-answer', field, message: `must be ${allowed}`, allowed });
    } else {
      valid[question.key] = value;
    }
  }
  for (const key of Object.keys(answers)) {
    if (keys.includes(key as (typeof keys)[number])) continue;
    problems.push({
      code: 'unknown-answer',
      field: `answers.${key}`,
      message: `is not a question of the ${edition.id} edition: expected one of ${keys.join(', ')}`,
      allowed: keys.join(', '),
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: valid as unknown as AnswersFor<E> };
}
