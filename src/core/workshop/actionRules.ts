/**
 * Actions: the top improvements broken into small steps, each with an owner (a name), an optional
 * due date, capability and the improvement note it comes from. Anyone taking part may add and edit
 * them; it is the squad's list.
 */
import { isCapabilitySlug } from '../assessment/index.js';
import { checkDate, checkId, checkText, countLimits, isOneOf, textLimits } from './checkInput.js';
import type { CommandPayloads } from './checkpointCommand.js';
import type { CheckpointAction, CheckpointState } from './checkpointState.js';
import type { CommandRules } from './commandRule.js';
import { actionStatuses } from './openingRules.js';
import { refuse, type WorkshopError } from './workshopError.js';

type ActionFields = Omit<CommandPayloads['updateAction'], 'actionId'>;

/** Checks the fields present; returns them cleaned, or a refusal. */
function checkFields(
  draft: CheckpointState,
  fields: ActionFields,
): Partial<CheckpointAction> | WorkshopError {
  const checked: Partial<CheckpointAction> = {};
  if (fields.title !== undefined) {
    const title = checkText('title', fields.title, textLimits.actionTitle);
    if (typeof title !== 'string') return title;
    checked.title = title;
  }
  if (fields.owner !== undefined) {
    const owner = checkText('owner', fields.owner, textLimits.name);
    if (typeof owner !== 'string') return owner;
    checked.owner = owner;
  }
  if (fields.due !== undefined) {
    const bad = fields.due === null ? null : checkDate('due', fields.due);
    if (bad !== null) return bad;
    checked.due = fields.due;
  }
  if (fields.capability !== undefined) {
    if (fields.capability !== null && !isCapabilitySlug(String(fields.capability))) {
      return refuse('unknown-capability', `no capability ${String(fields.capability)}`);
    }
    checked.capability = fields.capability;
  }
  if (fields.noteId !== undefined) {
    if (fields.noteId !== null) {
      const note = draft.flow.notes.find((entry) => entry.id === fields.noteId);
      if (note === undefined) return refuse('unknown-note', `no note ${String(fields.noteId)}`);
      if (note.kind !== 'improvement')
        return refuse('not-an-improvement', 'an action comes from an improvement note');
    }
    checked.noteId = fields.noteId;
  }
  if (fields.status !== undefined) {
    if (!isOneOf(actionStatuses, fields.status)) {
      return refuse('invalid-value', `status must be one of ${actionStatuses.join(', ')}`);
    }
    checked.status = fields.status;
  }
  return checked;
}

const findAction = (draft: CheckpointState, id: unknown) => draft.actions.find((action) => action.id === id);

/** Rules of the action commands. */
export const actionRules: CommandRules<'addAction' | 'updateAction' | 'removeAction'> = {
  addAction: {
    sender: 'member',
    phase: 'actions',
    run(draft, { actionId, title, owner, due, capability, noteId }) {
      const bad = checkId('actionId', actionId);
      if (bad !== null) return bad;
      if (findAction(draft, actionId) !== undefined)
        return refuse('duplicate-id', `actionId ${actionId} is taken`);
      if (draft.actions.length >= countLimits.actions)
        return refuse('limit-reached', `at most ${countLimits.actions} actions`);
      const fields = checkFields(draft, { title, owner, due, capability, noteId });
      if ('code' in fields) return fields;
      if (fields.title === undefined) return refuse('invalid-value', 'title is required');
      if (fields.owner === undefined) return refuse('invalid-value', 'owner is required');
      draft.actions.push({
        id: actionId,
        title: fields.title,
        owner: fields.owner,
        due: fields.due ?? null,
        capability: fields.capability ?? null,
        noteId: fields.noteId ?? null,
        status: 'open',
      });
      return [{ type: 'actionChanged', actionId, change: 'added' }];
    },
  },
  updateAction: {
    sender: 'member',
    phase: 'actions',
    run(draft, { actionId, title, owner, due, capability, noteId, status }) {
      const action = findAction(draft, actionId);
      if (action === undefined) return refuse('unknown-action', `no action ${String(actionId)}`);
      const fields = checkFields(draft, { title, owner, due, capability, noteId, status });
      if ('code' in fields) return fields;
      if (Object.keys(fields).length === 0) return refuse('no-change', 'name at least one field to change');
      Object.assign(action, fields);
      return [{ type: 'actionChanged', actionId, change: 'updated' }];
    },
  },
  removeAction: {
    sender: 'member',
    phase: 'actions',
    run(draft, { actionId }) {
      if (findAction(draft, actionId) === undefined)
        return refuse('unknown-action', `no action ${String(actionId)}`);
      draft.actions = draft.actions.filter((action) => action.id !== actionId);
      return [{ type: 'actionChanged', actionId, change: 'removed' }];
    },
  },
};
