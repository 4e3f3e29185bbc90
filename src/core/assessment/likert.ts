/**
 * The five-point agreement scale of DORA's capability statements (dora.dev). Answers are 1–5 on the
 * wire; the 2019 "help me prioritise" counts them as 0–4 (answer − 1), as DORA did.
 */

/** An answer to a statement: 1 strongly disagree … 5 strongly agree. */
export type LikertAnswer = 1 | 2 | 3 | 4 | 5;

/** The options, with their labels, 1 to 5. */
export const likertOptions: readonly { value: LikertAnswer; label: string }[] = [
  { value: 1, label: 'Strongly disagree' },
  { value: 2, label: 'Disagree' },
  { value: 3, label: 'Neither agree nor disagree' },
  { value: 4, label: 'Agree' },
  { value: 5, label: 'Strongly agree' },
];

/** What a Likert answer may be, in words (for problems). */
export const likertAllowed = 'an integer from 1 (strongly disagree) to 5 (strongly agree)';

/** True when `value` is a Likert answer. */
export function isLikertAnswer(value: unknown): value is LikertAnswer {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/**
 * The points of an answer on DORA's 0–4 scale: answer − 1, or 5 − answer for a statement worded so
 * that agreeing is the worse position (reverse-scored).
 */
export function likertPoints(answer: LikertAnswer, reverse: boolean): number {
  return reverse ? 5 - answer : answer - 1;
}
