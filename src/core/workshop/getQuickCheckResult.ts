/**
 * The squad's Quick Check: the questions of the checkpoint's edition, which answers they accept, and
 * the result of the answers the group agreed on, scored by the assessment core (DORA, dora.dev).
 */
import {
  describeAllowedAnswer,
  getEdition,
  type Question,
  type QuickCheckResult,
  scoreQuickCheck,
} from '../assessment/index.js';
import type { CheckpointState } from './checkpointState.js';

/** The question of the checkpoint's edition with this key, if it asks one. */
export function getQuestion(state: CheckpointState, key: string): Question | undefined {
  return getEdition(state.edition).questions.find((question) => question.key === key);
}

/** True when `value` answers `question`: an option 1–6, or a percentage 0–100. */
export function isQuestionAnswer(question: Question, value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  return question.kind === 'option'
    ? Number.isInteger(value) && value >= 1 && value <= question.options.length
    : value >= question.min && value <= question.max;
}

/** What `question` accepts, in words (the assessment core's wording). */
export function describeQuestionAnswer(question: Question): string {
  return describeAllowedAnswer(question);
}

/** The agreed answers by key, leaving out the questions not agreed yet. */
export function getAgreedAnswers(state: CheckpointState): Record<string, number> {
  const agreed: Record<string, number> = {};
  for (const question of getEdition(state.edition).questions) {
    const value = state.questions[question.key]?.agreed;
    if (value !== null && value !== undefined) agreed[question.key] = value;
  }
  return agreed;
}

/** The keys of the questions the group has not agreed on yet. */
export function listUnagreedQuestions(state: CheckpointState): string[] {
  const agreed = getAgreedAnswers(state);
  return getEdition(state.edition)
    .questions.map((question) => question.key)
    .filter((key) => agreed[key] === undefined);
}

/** The result of the agreed answers in the checkpoint's edition, or null until every one is agreed. */
export function getQuickCheckResult(state: CheckpointState): QuickCheckResult | null {
  if (listUnagreedQuestions(state).length > 0) return null;
  const outcome = scoreQuickCheck(state.edition, getAgreedAnswers(state), { industry: state.industry });
  return outcome.ok ? outcome.value : null;
}
