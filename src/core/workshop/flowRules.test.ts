import { describe, expect, it } from 'vitest';
import { countLimits } from './checkInput.js';
import type { CheckpointState } from './checkpointState.js';
import { maxWaitMinutes } from './flowRules.js';
import {
  command,
  eventsOf,
  facilitator,
  inPhase,
  mustApply,
  refusalOf,
  withPeople,
} from './testCheckpoint.js';

const path = inPhase(withPeople(), 'pathToProduction');

const addNode = (nodeId: string, x = 0, actor = 'ann') =>
  command('addNode', actor, {
    nodeId,
    label: `Step ${nodeId}`,
    automation: 'manual',
    lane: 'delivery',
    x,
    y: 0,
  });
const addNote = (noteId: string, nodeId: string, kind: 'improvement' | 'failedDeployment' = 'improvement') =>
  command('addNote', 'bob', { noteId, nodeId, kind, text: `Note ${noteId}` });

const drawn: CheckpointState = mustApply(
  path,
  addNode('s1', 0),
  addNode('s2', 100),
  addNode('s3', 200),
  command('addEdge', 'ann', { edgeId: 'e1', from: 's1', to: 's2' }),
  command('addEdge', 'ann', { edgeId: 'e2', from: 's2', to: 's3' }),
  addNote('n1', 's2'),
  addNote('n2', 's2', 'failedDeployment'),
  addNote('n3', 's3'),
);

describe('steps', () => {
  it('are added with a label, manual or automated, a lane, an optional wait and a position', () => {
    expect(eventsOf(path, addNode('s1'))).toEqual([
      { type: 'flowChanged', part: 'node', id: 's1', change: 'added' },
    ]);
    const state = mustApply(
      path,
      command('addNode', 'ann', {
        nodeId: 's1',
        label: ' Code review ',
        automation: 'manual',
        lane: 'delivery',
        waitMinutes: 240,
        x: 10,
        y: 20,
      }),
    );
    expect(state.flow.nodes).toEqual([
      {
        id: 's1',
        label: 'Code review',
        automation: 'manual',
        lane: 'delivery',
        waitMinutes: 240,
        x: 10,
        y: 20,
      },
    ]);
  });

  it('merge concurrent edits of different fields; the last edit of a field wins', () => {
    const state = mustApply(
      drawn,
      command('moveNode', 'ann', { nodeId: 's1', x: 50, y: 60 }),
      command('updateNode', 'bob', { nodeId: 's1', label: 'Build' }),
      command('updateNode', 'cat', { nodeId: 's1', automation: 'automated', waitMinutes: 5 }),
      command('updateNode', 'ann', { nodeId: 's1', label: 'Build and test' }),
      command('updateNode', 'bob', { nodeId: 's1', lane: 'recovery', waitMinutes: null }),
    );
    expect(state.flow.nodes[0]).toEqual({
      id: 's1',
      label: 'Build and test',
      automation: 'automated',
      lane: 'recovery',
      waitMinutes: null,
      x: 50,
      y: 60,
    });
  });

  it('removing one removes its links, its notes, the votes on them and the links from actions', () => {
    let state = mustApply(
      inPhase(drawn, 'vote'),
      command('castVote', 'ann', { noteId: 'n1' }),
      command('castVote', 'ann', { noteId: 'n3' }),
    );
    state = mustApply(
      inPhase(state, 'actions'),
      command('addAction', 'ann', { actionId: 'a1', title: 'Do n1', owner: 'Dana', noteId: 'n1' }),
    );
    state = mustApply(inPhase(state, 'pathToProduction'), command('removeNode', 'cat', { nodeId: 's2' }));
    expect(state.flow.nodes.map((node) => node.id)).toEqual(['s1', 's3']);
    expect(state.flow.edges).toEqual([]);
    expect(state.flow.notes.map((note) => note.id)).toEqual(['n3']);
    expect(state.vote.ballots).toEqual({ ann: ['n3'] });
    expect(state.actions[0]?.noteId).toBeNull();
  });

  it('refuse a taken or bad id, bad fields, an unknown step, an empty update and too many', () => {
    expect(refusalOf(drawn, addNode('s1'))).toBe('duplicate-id');
    expect(refusalOf(drawn, addNode('s 9'))).toBe('invalid-id');
    expect(refusalOf(drawn, addNode('s9', Number.POSITIVE_INFINITY))).toBe('invalid-value');
    expect(refusalOf(drawn, addNode('s9', 2_000_000))).toBe('invalid-value');
    const node = { nodeId: 's9', label: 'X', automation: 'manual', lane: 'delivery', x: 0, y: 0 } as const;
    expect(refusalOf(drawn, command('addNode', 'ann', { ...node, label: '' }))).toBe('invalid-value');
    expect(refusalOf(drawn, command('addNode', 'ann', { ...node, automation: 'magic' as 'manual' }))).toBe(
      'invalid-value',
    );
    expect(refusalOf(drawn, command('addNode', 'ann', { ...node, lane: 'side' as 'delivery' }))).toBe(
      'invalid-value',
    );
    expect(refusalOf(drawn, command('addNode', 'ann', { ...node, waitMinutes: -1 }))).toBe('invalid-value');
    expect(refusalOf(drawn, command('addNode', 'ann', { ...node, waitMinutes: maxWaitMinutes + 1 }))).toBe(
      'invalid-value',
    );
    expect(refusalOf(drawn, command('moveNode', 'ann', { nodeId: 'nope', x: 0, y: 0 }))).toBe('unknown-node');
    expect(refusalOf(drawn, command('moveNode', 'ann', { nodeId: 's1', x: 0, y: Number.NaN }))).toBe(
      'invalid-value',
    );
    expect(refusalOf(drawn, command('updateNode', 'ann', { nodeId: 'nope', label: 'x' }))).toBe(
      'unknown-node',
    );
    expect(refusalOf(drawn, command('updateNode', 'ann', { nodeId: 's1' }))).toBe('no-change');
    expect(refusalOf(drawn, command('updateNode', 'ann', { nodeId: 's1', label: ' ' }))).toBe(
      'invalid-value',
    );
    expect(refusalOf(drawn, command('removeNode', 'ann', { nodeId: 'nope' }))).toBe('unknown-node');
    const many = Array.from({ length: countLimits.nodes }, (_, index) => addNode(`m${index}`));
    expect(refusalOf(mustApply(path, ...many), addNode('one-more'))).toBe('limit-reached');
  });
});

describe('links', () => {
  it('join two steps and can be removed', () => {
    const state = mustApply(drawn, command('addEdge', 'cat', { edgeId: 'e3', from: 's1', to: 's3' }));
    expect(state.flow.edges.at(-1)).toEqual({ id: 'e3', from: 's1', to: 's3' });
    expect(mustApply(state, command('removeEdge', 'cat', { edgeId: 'e3' })).flow.edges).toHaveLength(2);
  });

  it('refuse unknown steps, a loop onto itself, a duplicate, a taken id and an unknown link', () => {
    const edge = (edgeId: string, from: string, to: string) =>
      command('addEdge', 'ann', { edgeId, from, to });
    expect(refusalOf(drawn, edge('e9', 's1', 'nope'))).toBe('unknown-node');
    expect(refusalOf(drawn, edge('e9', 'nope', 's1'))).toBe('unknown-node');
    expect(refusalOf(drawn, edge('e9', 's1', 's1'))).toBe('self-loop');
    expect(refusalOf(drawn, edge('e9', 's1', 's2'))).toBe('duplicate-edge');
    expect(refusalOf(drawn, edge('e1', 's3', 's1'))).toBe('duplicate-id');
    expect(refusalOf(drawn, edge('bad id', 's3', 's1'))).toBe('invalid-id');
    expect(refusalOf(drawn, command('removeEdge', 'ann', { edgeId: 'nope' }))).toBe('unknown-edge');
  });
});

describe('sticky notes', () => {
  it('hang on a step with a kind, a text and their author', () => {
    expect(drawn.flow.notes[0]).toEqual({
      id: 'n1',
      nodeId: 's2',
      kind: 'improvement',
      text: 'Note n1',
      authorId: 'bob',
    });
  });

  it('can be moved to another step, reworded or change kind (which takes back its votes)', () => {
    const voted = mustApply(inPhase(drawn, 'vote'), command('castVote', 'cat', { noteId: 'n1' }));
    const state = mustApply(
      inPhase(voted, 'pathToProduction'),
      command('updateNote', 'ann', { noteId: 'n1', nodeId: 's1', text: 'Cache the build' }),
      command('updateNote', 'ann', { noteId: 'n1', kind: 'failedDeployment' }),
    );
    expect(state.flow.notes[0]).toMatchObject({
      nodeId: 's1',
      text: 'Cache the build',
      kind: 'failedDeployment',
      authorId: 'bob',
    });
    expect(state.vote.ballots).toEqual({ cat: [] });
  });

  it('removing one takes back its votes', () => {
    const voted = mustApply(inPhase(drawn, 'vote'), command('castVote', 'cat', { noteId: 'n1' }));
    const state = mustApply(
      inPhase(voted, 'pathToProduction'),
      command('removeNote', facilitator, { noteId: 'n1' }),
    );
    expect(state.flow.notes.map((note) => note.id)).toEqual(['n2', 'n3']);
    expect(state.vote.ballots).toEqual({ cat: [] });
  });

  it('refuse a taken or bad id, an unknown step, a bad kind, empty or long text, unknown notes and empty updates', () => {
    const note = { noteId: 'n9', nodeId: 's1', kind: 'improvement', text: 'X' } as const;
    expect(refusalOf(drawn, command('addNote', 'ann', { ...note, noteId: 'n1' }))).toBe('duplicate-id');
    expect(refusalOf(drawn, command('addNote', 'ann', { ...note, noteId: '-n' }))).toBe('invalid-id');
    expect(refusalOf(drawn, command('addNote', 'ann', { ...note, nodeId: 'nope' }))).toBe('unknown-node');
    expect(refusalOf(drawn, command('addNote', 'ann', { ...note, kind: 'idea' as 'improvement' }))).toBe(
      'invalid-value',
    );
    expect(refusalOf(drawn, command('addNote', 'ann', { ...note, text: 'x'.repeat(281) }))).toBe(
      'invalid-value',
    );
    expect(refusalOf(drawn, command('updateNote', 'ann', { noteId: 'nope', text: 'x' }))).toBe(
      'unknown-note',
    );
    expect(refusalOf(drawn, command('updateNote', 'ann', { noteId: 'n1' }))).toBe('no-change');
    expect(refusalOf(drawn, command('updateNote', 'ann', { noteId: 'n1', nodeId: 'nope' }))).toBe(
      'unknown-node',
    );
    expect(refusalOf(drawn, command('updateNote', 'ann', { noteId: 'n1', kind: 'x' as 'improvement' }))).toBe(
      'invalid-value',
    );
    expect(refusalOf(drawn, command('updateNote', 'ann', { noteId: 'n1', text: '' }))).toBe('invalid-value');
    expect(refusalOf(drawn, command('removeNote', 'ann', { noteId: 'nope' }))).toBe('unknown-note');
  });
});
