/**
 * The path to production, drawn by many people at once. Commands are fine-grained and updates carry
 * only the fields they change, so concurrent edits of different fields merge and, per field, the
 * last command the server applies wins. Removing a step removes its links and notes; removing a note
 * takes back the votes on it and unlinks the actions made from it.
 */
import { checkId, checkNumber, checkText, countLimits, isOneOf, textLimits } from './checkInput.js';
import type { Automation, CheckpointState, FlowLane, FlowNode, NoteKind } from './checkpointState.js';
import type { CommandRules } from './commandRule.js';
import { refuse, type WorkshopError } from './workshopError.js';

/** Largest coordinate, either way. */
export const maxCoordinate = 1_000_000;
/** Longest wait of a step, in minutes (a year). */
export const maxWaitMinutes = 525_600;

const automations: readonly Automation[] = ['manual', 'automated'];
const lanes: readonly FlowLane[] = ['delivery', 'recovery'];
const noteKinds: readonly NoteKind[] = ['failedDeployment', 'improvement'];

const findNode = (draft: CheckpointState, id: unknown) => draft.flow.nodes.find((node) => node.id === id);
const findNote = (draft: CheckpointState, id: unknown) => draft.flow.notes.find((note) => note.id === id);
const unknownNode = (id: unknown) => refuse('unknown-node', `no step ${String(id)}`);
const unknownNote = (id: unknown) => refuse('unknown-note', `no note ${String(id)}`);

/** Takes back every vote on the notes and unlinks the actions made from them. */
export function forgetNotes(draft: CheckpointState, noteIds: readonly string[]): void {
  for (const [voter, ballot] of Object.entries(draft.vote.ballots)) {
    draft.vote.ballots[voter] = ballot.filter((noteId) => !noteIds.includes(noteId));
  }
  for (const action of draft.actions) {
    if (action.noteId !== null && noteIds.includes(action.noteId)) action.noteId = null;
  }
}

type NodeFields = Partial<Pick<FlowNode, 'label' | 'automation' | 'lane' | 'waitMinutes'>>;

/** Checks the fields present; returns them cleaned, or a refusal. */
function checkNodeFields(fields: Record<string, unknown>): NodeFields | WorkshopError {
  const checked: NodeFields = {};
  if (fields.label !== undefined) {
    const label = checkText('label', fields.label, textLimits.label);
    if (typeof label !== 'string') return label;
    checked.label = label;
  }
  if (fields.automation !== undefined) {
    if (!isOneOf(automations, fields.automation))
      return refuse('invalid-value', 'automation must be manual or automated');
    checked.automation = fields.automation;
  }
  if (fields.lane !== undefined) {
    if (!isOneOf(lanes, fields.lane)) return refuse('invalid-value', 'lane must be delivery or recovery');
    checked.lane = fields.lane;
  }
  if (fields.waitMinutes !== undefined) {
    const bad =
      fields.waitMinutes === null ? null : checkNumber('waitMinutes', fields.waitMinutes, 0, maxWaitMinutes);
    if (bad !== null) return bad;
    checked.waitMinutes = fields.waitMinutes as number | null;
  }
  return checked;
}

function checkPosition(x: unknown, y: unknown): WorkshopError | null {
  return (
    checkNumber('x', x, -maxCoordinate, maxCoordinate) ?? checkNumber('y', y, -maxCoordinate, maxCoordinate)
  );
}

type FlowCommand =
  | 'addNode'
  | 'moveNode'
  | 'updateNode'
  | 'removeNode'
  | 'addEdge'
  | 'removeEdge'
  | 'addNote'
  | 'updateNote'
  | 'removeNote';

/** Rules of the path-to-production commands. */
export const flowRules: CommandRules<FlowCommand> = {
  addNode: {
    sender: 'member',
    phase: 'pathToProduction',
    run(draft, { nodeId, label, automation, lane, waitMinutes, x, y }) {
      const bad = checkId('nodeId', nodeId) ?? checkPosition(x, y);
      if (bad !== null) return bad;
      if (findNode(draft, nodeId) !== undefined) return refuse('duplicate-id', `nodeId ${nodeId} is taken`);
      if (draft.flow.nodes.length >= countLimits.nodes)
        return refuse('limit-reached', `at most ${countLimits.nodes} steps`);
      const fields = checkNodeFields({ label, automation, lane, waitMinutes: waitMinutes ?? null });
      if ('code' in fields) return fields;
      if (fields.label === undefined) return refuse('invalid-value', 'label is required');
      if (fields.automation === undefined) return refuse('invalid-value', 'automation is required');
      if (fields.lane === undefined) return refuse('invalid-value', 'lane is required');
      draft.flow.nodes.push({
        id: nodeId,
        label: fields.label,
        automation: fields.automation,
        lane: fields.lane,
        waitMinutes: fields.waitMinutes ?? null,
        x,
        y,
      });
      return [{ type: 'flowChanged', part: 'node', id: nodeId, change: 'added' }];
    },
  },
  moveNode: {
    sender: 'member',
    phase: 'pathToProduction',
    run(draft, { nodeId, x, y }) {
      const node = findNode(draft, nodeId);
      if (node === undefined) return unknownNode(nodeId);
      const bad = checkPosition(x, y);
      if (bad !== null) return bad;
      Object.assign(node, { x, y });
      return [{ type: 'flowChanged', part: 'node', id: nodeId, change: 'updated' }];
    },
  },
  updateNode: {
    sender: 'member',
    phase: 'pathToProduction',
    run(draft, { nodeId, label, automation, lane, waitMinutes }) {
      const node = findNode(draft, nodeId);
      if (node === undefined) return unknownNode(nodeId);
      const fields = checkNodeFields({ label, automation, lane, waitMinutes });
      if ('code' in fields) return fields;
      if (Object.keys(fields).length === 0) return refuse('no-change', 'name at least one field to change');
      Object.assign(node, fields);
      return [{ type: 'flowChanged', part: 'node', id: nodeId, change: 'updated' }];
    },
  },
  removeNode: {
    sender: 'member',
    phase: 'pathToProduction',
    run(draft, { nodeId }) {
      if (findNode(draft, nodeId) === undefined) return unknownNode(nodeId);
      const notes = draft.flow.notes.filter((note) => note.nodeId === nodeId).map((note) => note.id);
      draft.flow.nodes = draft.flow.nodes.filter((node) => node.id !== nodeId);
      draft.flow.edges = draft.flow.edges.filter((edge) => edge.from !== nodeId && edge.to !== nodeId);
      draft.flow.notes = draft.flow.notes.filter((note) => note.nodeId !== nodeId);
      forgetNotes(draft, notes);
      return [{ type: 'flowChanged', part: 'node', id: nodeId, change: 'removed' }];
    },
  },
  addEdge: {
    sender: 'member',
    phase: 'pathToProduction',
    run(draft, { edgeId, from, to }) {
      const bad = checkId('edgeId', edgeId);
      if (bad !== null) return bad;
      if (draft.flow.edges.some((edge) => edge.id === edgeId))
        return refuse('duplicate-id', `edgeId ${edgeId} is taken`);
      if (findNode(draft, from) === undefined) return unknownNode(from);
      if (findNode(draft, to) === undefined) return unknownNode(to);
      if (from === to) return refuse('self-loop', 'a step cannot lead to itself');
      if (draft.flow.edges.some((edge) => edge.from === from && edge.to === to)) {
        return refuse('duplicate-edge', `${from} already leads to ${to}`);
      }
      if (draft.flow.edges.length >= countLimits.edges)
        return refuse('limit-reached', `at most ${countLimits.edges} links`);
      draft.flow.edges.push({ id: edgeId, from, to });
      return [{ type: 'flowChanged', part: 'edge', id: edgeId, change: 'added' }];
    },
  },
  removeEdge: {
    sender: 'member',
    phase: 'pathToProduction',
    run(draft, { edgeId }) {
      if (!draft.flow.edges.some((edge) => edge.id === edgeId))
        return refuse('unknown-edge', `no link ${String(edgeId)}`);
      draft.flow.edges = draft.flow.edges.filter((edge) => edge.id !== edgeId);
      return [{ type: 'flowChanged', part: 'edge', id: edgeId, change: 'removed' }];
    },
  },
  addNote: {
    sender: 'member',
    phase: 'pathToProduction',
    run(draft, { actorId, noteId, nodeId, kind, text }) {
      const bad = checkId('noteId', noteId);
      if (bad !== null) return bad;
      if (findNote(draft, noteId) !== undefined) return refuse('duplicate-id', `noteId ${noteId} is taken`);
      if (findNode(draft, nodeId) === undefined) return unknownNode(nodeId);
      if (!isOneOf(noteKinds, kind))
        return refuse('invalid-value', 'kind must be failedDeployment or improvement');
      const checked = checkText('text', text, textLimits.note);
      if (typeof checked !== 'string') return checked;
      if (draft.flow.notes.length >= countLimits.notes)
        return refuse('limit-reached', `at most ${countLimits.notes} notes`);
      draft.flow.notes.push({ id: noteId, nodeId, kind, text: checked, authorId: actorId });
      return [{ type: 'flowChanged', part: 'note', id: noteId, change: 'added' }];
    },
  },
  updateNote: {
    sender: 'member',
    phase: 'pathToProduction',
    run(draft, { noteId, nodeId, kind, text }) {
      const note = findNote(draft, noteId);
      if (note === undefined) return unknownNote(noteId);
      if (nodeId === undefined && kind === undefined && text === undefined) {
        return refuse('no-change', 'name at least one field to change');
      }
      if (nodeId !== undefined && findNode(draft, nodeId) === undefined) return unknownNode(nodeId);
      if (kind !== undefined && !isOneOf(noteKinds, kind)) {
        return refuse('invalid-value', 'kind must be failedDeployment or improvement');
      }
      const checked = text === undefined ? note.text : checkText('text', text, textLimits.note);
      if (typeof checked !== 'string') return checked;
      if (kind !== undefined && kind !== 'improvement') forgetNotes(draft, [note.id]);
      Object.assign(note, { nodeId: nodeId ?? note.nodeId, kind: kind ?? note.kind, text: checked });
      return [{ type: 'flowChanged', part: 'note', id: noteId, change: 'updated' }];
    },
  },
  removeNote: {
    sender: 'member',
    phase: 'pathToProduction',
    run(draft, { noteId }) {
      if (findNote(draft, noteId) === undefined) return unknownNote(noteId);
      draft.flow.notes = draft.flow.notes.filter((note) => note.id !== noteId);
      forgetNotes(draft, [noteId]);
      return [{ type: 'flowChanged', part: 'note', id: noteId, change: 'removed' }];
    },
  },
};
