/**
 * Why a command was refused. Expected outcomes are values, never thrown: the server turns them into
 * an `error` message naming the code and, in words, what was wrong.
 */

/** Every reason a command can be refused; stable for programs (the message is for people). */
export const workshopErrorCodes = [
  'unknown-command',
  'completed',
  'paused',
  'not-paused',
  'wrong-phase',
  'same-phase',
  'no-next-phase',
  'no-previous-phase',
  'no-timer',
  'not-facilitator',
  'not-system',
  'unknown-participant',
  'viewer-cannot-take-part',
  'viewer-cannot-facilitate',
  'already-joined',
  'removed',
  'facilitator-must-hand-over',
  'cannot-remove-self',
  'invalid-id',
  'duplicate-id',
  'invalid-value',
  'limit-reached',
  'no-change',
  'unknown-principle',
  'unknown-previous-action',
  'unknown-question',
  'answer-out-of-range',
  'already-revealed',
  'nothing-to-reveal',
  'too-few-answers',
  'unknown-statement',
  'unknown-capability',
  'capability-without-statements',
  'capability-not-assessed',
  'capability-already-assessed',
  'capability-not-added',
  'unknown-node',
  'unknown-edge',
  'unknown-note',
  'duplicate-edge',
  'self-loop',
  'not-an-improvement',
  'voting-open',
  'vote-limit-exceeded',
  'note-vote-limit-exceeded',
  'no-vote-to-retract',
  'unknown-action',
  'already-submitted',
] as const;

/** The code of a refusal. */
export type WorkshopErrorCode = (typeof workshopErrorCodes)[number];

/** A refused command: the code, and a message for people naming the field and the problem. */
export interface WorkshopError {
  code: WorkshopErrorCode;
  message: string;
}

/** Builds a refusal. */
export function refuse(code: WorkshopErrorCode, message: string): WorkshopError {
  return { code, message };
}
