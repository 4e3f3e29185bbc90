/**
 * Who counts when answers are gathered, and when a spread may be shown: everyone who joined to take
 * part (the facilitator too) and has not left or been removed. Viewers only watch.
 */

import { getOwn } from './checkInput.js';
import type { CheckpointState, Participant, PrivateAnswers } from './checkpointState.js';

/** Fewest answers whose spread may be shown while someone present has not answered yet. */
export const minimumAnswersToReveal = 3;

/** The participant with this id, in any status. */
export function findParticipant(state: CheckpointState, id: string): Participant | undefined {
  return state.participants.find((participant) => participant.id === id);
}

/** True when `id` has joined (and not left) to take part, not only to watch. */
export function isMember(state: CheckpointState, id: string): boolean {
  const participant = findParticipant(state, id);
  return participant?.status === 'joined' && participant.role === 'participant';
}

/** Ids of everyone present who takes part: joined, not a viewer. */
export function listAnswerers(state: CheckpointState): string[] {
  return state.participants
    .filter((participant) => participant.status === 'joined' && participant.role === 'participant')
    .map((participant) => participant.id);
}

/** True when every answerer present has answered. */
export function isEveryoneAnswered(
  state: CheckpointState,
  answers: Readonly<Record<string, unknown>>,
): boolean {
  return listAnswerers(state).every((id) => getOwn(answers, id) !== undefined);
}

/**
 * True when a spread may be revealed: at least one answer, and at least three or else everyone
 * present has answered (so that two people cannot read each other's answer from a spread too early).
 */
export function canReveal(state: CheckpointState, item: PrivateAnswers<unknown>): boolean {
  const count = Object.keys(item.answers).length;
  if (count === 0) return false;
  return count >= minimumAnswersToReveal || isEveryoneAnswered(state, item.answers);
}
