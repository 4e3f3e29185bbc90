import type { CheckpointState } from '../../core/workshop/index.js';
import type { ActionChanges } from '../../store/checkpointActions.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a command changed in the tracked actions: this checkpoint's actions added, edited or removed,
 * and the statuses of the previous checkpoint's actions set in the review. Undefined when nothing
 * changed, which is nearly every command.
 */
export function actionChangesOf(before: CheckpointState, after: CheckpointState): ActionChanges | undefined {
  const previous = new Map(before.actions.map((action) => [action.id, action]));
  const upserted = after.actions.filter((action) => !same(previous.get(action.id), action));
  const kept = new Set(after.actions.map((action) => action.id));
  const removed = before.actions.filter((action) => !kept.has(action.id)).map((action) => action.id);
  const reviewed = new Map(before.scene.previousActions.map((action) => [action.id, action.status]));
  const statuses = after.scene.previousActions
    .filter((action) => reviewed.get(action.id) !== action.status)
    .map((action) => ({ id: action.id, status: action.status }));
  if (upserted.length + removed.length + statuses.length === 0) return undefined;
  return { checkpointId: after.id, squad: after.squad, tribe: after.tribe, upserted, removed, statuses };
}
