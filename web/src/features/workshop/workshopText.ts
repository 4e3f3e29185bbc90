/** The workshop's words for its values, in one place. */
import type { ActionStatus, NoteKind, ViewRole } from '../../../../src/core/workshop/index.js';

export const actionStatusText: Record<ActionStatus, string> = {
  open: 'Open',
  inProgress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

export const noteKindText: Record<NoteKind, string> = {
  failedDeployment: 'Failed deployment',
  improvement: 'Improvement',
};

export const roleText: Record<ViewRole, string> = {
  facilitator: 'facilitator',
  participant: 'participant',
  viewer: 'watching',
};
