/**
 * The opening phases. Welcome: the facilitator edits the meeting principles and everyone taking part
 * agrees by raising a hand; any edit lowers every hand, since the group agreed to other words.
 * Set the scene: the facilitator records what became of each action of the last checkpoint.
 */
import { checkId, checkText, countLimits, isOneOf, textLimits } from './checkInput.js';
import type { ActionStatus, CheckpointState } from './checkpointState.js';
import type { CommandRules } from './commandRule.js';
import { listAnswerers } from './listAnswerers.js';
import { refuse } from './workshopError.js';
import type { WorkshopEvent } from './workshopEvent.js';

/** Every action status. */
export const actionStatuses = [
  'open',
  'inProgress',
  'done',
  'dropped',
] as const satisfies readonly ActionStatus[];

/** True when every member present has a hand up (and someone is there to agree). */
export function isPrinciplesAgreed(state: CheckpointState): boolean {
  const members = listAnswerers(state);
  return members.length > 0 && members.every((id) => state.welcome.hands.includes(id));
}

function handsEvent(draft: CheckpointState): WorkshopEvent {
  return {
    type: 'handsChanged',
    raised: draft.welcome.hands.length,
    everyoneAgreed: isPrinciplesAgreed(draft),
  };
}

function findPrinciple(draft: CheckpointState, principleId: string) {
  return draft.welcome.principles.find((principle) => principle.id === principleId);
}

type OpeningCommand =
  | 'addPrinciple'
  | 'updatePrinciple'
  | 'removePrinciple'
  | 'raiseHand'
  | 'lowerHand'
  | 'setPreviousActionStatus';

/** Rules of the welcome and set-the-scene commands. */
export const openingRules: CommandRules<OpeningCommand> = {
  addPrinciple: {
    sender: 'facilitator',
    phase: 'welcome',
    run(draft, { principleId, text }) {
      const badId = checkId('principleId', principleId);
      if (badId !== null) return badId;
      if (findPrinciple(draft, principleId) !== undefined) {
        return refuse('duplicate-id', `principleId ${principleId} is taken`);
      }
      if (draft.welcome.principles.length >= countLimits.principles) {
        return refuse('limit-reached', `at most ${countLimits.principles} principles`);
      }
      const checked = checkText('text', text, textLimits.principle);
      if (typeof checked !== 'string') return checked;
      draft.welcome.principles.push({ id: principleId, text: checked });
      draft.welcome.hands = [];
      return [{ type: 'principlesChanged', principleId, change: 'added' }, handsEvent(draft)];
    },
  },
  updatePrinciple: {
    sender: 'facilitator',
    phase: 'welcome',
    run(draft, { principleId, text }) {
      const principle = findPrinciple(draft, principleId);
      if (principle === undefined) return refuse('unknown-principle', `no principle ${String(principleId)}`);
      const checked = checkText('text', text, textLimits.principle);
      if (typeof checked !== 'string') return checked;
      principle.text = checked;
      draft.welcome.hands = [];
      return [{ type: 'principlesChanged', principleId, change: 'updated' }, handsEvent(draft)];
    },
  },
  removePrinciple: {
    sender: 'facilitator',
    phase: 'welcome',
    run(draft, { principleId }) {
      if (findPrinciple(draft, principleId) === undefined) {
        return refuse('unknown-principle', `no principle ${String(principleId)}`);
      }
      draft.welcome.principles = draft.welcome.principles.filter((principle) => principle.id !== principleId);
      draft.welcome.hands = [];
      return [{ type: 'principlesChanged', principleId, change: 'removed' }, handsEvent(draft)];
    },
  },
  raiseHand: {
    sender: 'member',
    phase: 'welcome',
    run(draft, { actorId }) {
      if (draft.welcome.hands.includes(actorId)) return refuse('no-change', 'your hand is already up');
      draft.welcome.hands.push(actorId);
      return [handsEvent(draft)];
    },
  },
  lowerHand: {
    sender: 'member',
    phase: 'welcome',
    run(draft, { actorId }) {
      if (!draft.welcome.hands.includes(actorId)) return refuse('no-change', 'your hand is not up');
      draft.welcome.hands = draft.welcome.hands.filter((hand) => hand !== actorId);
      return [handsEvent(draft)];
    },
  },
  setPreviousActionStatus: {
    sender: 'facilitator',
    phase: 'setTheScene',
    run(draft, { actionId, status }) {
      const action = draft.scene.previousActions.find((entry) => entry.id === actionId);
      if (action === undefined)
        return refuse('unknown-previous-action', `no previous action ${String(actionId)}`);
      if (!isOneOf(actionStatuses, status)) {
        return refuse('invalid-value', `status must be one of ${actionStatuses.join(', ')}`);
      }
      action.status = status;
      return [{ type: 'previousActionUpdated', actionId, status }];
    },
  },
};
