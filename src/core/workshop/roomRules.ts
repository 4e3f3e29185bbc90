/**
 * The room: joining (by name only), leaving, removal by the facilitator and handing the facilitator
 * role over. Leaving keeps what someone gave; removal (e.g. a double join) forgets everything of
 * theirs that is still secret, but never changes a spread or a total already revealed, because that
 * change would show what they had answered.
 */

import { checkId, checkText, countLimits, isOneOf, textLimits } from './checkInput.js';
import { systemActorId } from './checkpointCommand.js';
import type { CheckpointState } from './checkpointState.js';
import type { CommandRules } from './commandRule.js';
import { findParticipant } from './listAnswerers.js';
import { refuse } from './workshopError.js';

function forgetSecrets(draft: CheckpointState, id: string): void {
  draft.welcome.hands = draft.welcome.hands.filter((hand) => hand !== id);
  for (const item of [...Object.values(draft.questions), ...Object.values(draft.statements)]) {
    if (!item.revealed) delete item.answers[id];
  }
  if (!draft.vote.revealed) delete draft.vote.ballots[id];
  delete draft.survey[id];
}

/** Rules of the room commands. */
export const roomRules: CommandRules<'join' | 'leave' | 'removeParticipant' | 'handOverFacilitator'> = {
  join: {
    sender: 'newcomer',
    phase: null,
    whilePaused: true,
    run(draft, { actorId, name, role, at }) {
      const badId = checkId('actorId', actorId);
      if (badId !== null) return badId;
      if (actorId === systemActorId) return refuse('invalid-id', `actorId ${systemActorId} is reserved`);
      const text = checkText('name', name, textLimits.name);
      if (typeof text !== 'string') return text;
      if (!isOneOf(['participant', 'viewer'], role)) {
        return refuse('invalid-value', 'role must be participant or viewer');
      }
      const existing = findParticipant(draft, actorId);
      if (existing?.status === 'removed') {
        return refuse('removed', 'the facilitator removed this participant; they cannot join again');
      }
      if (existing?.status === 'joined') return refuse('already-joined', `${actorId} has already joined`);
      if (existing !== undefined) {
        Object.assign(existing, { name: text, role, status: 'joined', joinedAt: at });
      } else {
        if (draft.participants.length >= countLimits.participants) {
          return refuse('limit-reached', `a checkpoint takes at most ${countLimits.participants} people`);
        }
        draft.participants.push({ id: actorId, name: text, role, status: 'joined', joinedAt: at });
      }
      return [{ type: 'participantJoined', participantId: actorId, role }];
    },
  },
  leave: {
    sender: 'joined',
    phase: null,
    whilePaused: true,
    run(draft, { actorId }) {
      if (actorId === draft.facilitatorId) {
        return refuse('facilitator-must-hand-over', 'hand the facilitator role over before leaving');
      }
      findParticipant(draft, actorId)!.status = 'left';
      draft.welcome.hands = draft.welcome.hands.filter((hand) => hand !== actorId);
      return [{ type: 'participantLeft', participantId: actorId }];
    },
  },
  removeParticipant: {
    sender: 'facilitator',
    phase: null,
    whilePaused: true,
    run(draft, { actorId, participantId }) {
      if (participantId === actorId)
        return refuse('cannot-remove-self', 'the facilitator cannot remove themself');
      const target = findParticipant(draft, String(participantId));
      if (target === undefined || target.status === 'removed') {
        return refuse(
          'unknown-participant',
          `participantId ${String(participantId)} is not in this checkpoint`,
        );
      }
      target.status = 'removed';
      forgetSecrets(draft, target.id);
      return [{ type: 'participantRemoved', participantId: target.id }];
    },
  },
  handOverFacilitator: {
    sender: 'facilitator',
    phase: null,
    whilePaused: true,
    run(draft, { actorId, participantId }) {
      const target = findParticipant(draft, String(participantId));
      if (target === undefined || target.status !== 'joined') {
        return refuse('unknown-participant', `participantId ${String(participantId)} has not joined`);
      }
      if (target.role === 'viewer') return refuse('viewer-cannot-facilitate', 'a viewer cannot facilitate');
      if (target.id === actorId) return refuse('no-change', 'you are already the facilitator');
      draft.facilitatorId = target.id;
      return [{ type: 'facilitatorHandedOver', from: actorId, to: target.id }];
    },
  },
};
