import { describe, expect, it } from 'vitest';
import { countLimits } from './checkInput.js';
import type { CheckpointState } from './checkpointState.js';
import { command, eventsOf, inPhase, mustApply, refusalOf, withPeople } from './testCheckpoint.js';

const board: CheckpointState = inPhase(
  mustApply(
    inPhase(withPeople(), 'pathToProduction'),
    command('addNode', 'ann', {
      nodeId: 's1',
      label: 'Deploy',
      automation: 'manual',
      lane: 'delivery',
      x: 0,
      y: 0,
    }),
    command('addNote', 'ann', { noteId: 'n1', nodeId: 's1', kind: 'improvement', text: 'Automate it' }),
    command('addNote', 'ann', { noteId: 'n2', nodeId: 's1', kind: 'failedDeployment', text: 'Config drift' }),
  ),
  'actions',
);
const add = (
  fields: Partial<{
    actionId: string;
    title: string;
    owner: string;
    due: string | null;
    capability: string | null;
    noteId: string | null;
  }> = {},
) =>
  command('addAction', 'bob', {
    actionId: 'a1',
    title: 'Script the deploy',
    owner: 'Dana',
    ...fields,
  } as never);

describe('actions', () => {
  it('are added with an owner, an optional due date, capability and improvement note, open', () => {
    expect(eventsOf(board, add())).toEqual([{ type: 'actionChanged', actionId: 'a1', change: 'added' }]);
    const state = mustApply(
      board,
      add({ due: '2025-04-30', capability: 'deployment-automation', noteId: 'n1' }),
    );
    expect(state.actions).toEqual([
      {
        id: 'a1',
        title: 'Script the deploy',
        owner: 'Dana',
        due: '2025-04-30',
        capability: 'deployment-automation',
        noteId: 'n1',
        status: 'open',
      },
    ]);
    expect(mustApply(board, add()).actions[0]).toMatchObject({ due: null, capability: null, noteId: null });
  });

  it('are edited field by field, status included, and removed', () => {
    const state = mustApply(
      board,
      add(),
      command('updateAction', 'cat', { actionId: 'a1', owner: 'Eli', status: 'inProgress' }),
      command('updateAction', 'ann', { actionId: 'a1', due: '2025-05-02', noteId: 'n1' }),
      command('updateAction', 'ann', { actionId: 'a1', due: null }),
    );
    expect(state.actions[0]).toMatchObject({
      owner: 'Eli',
      status: 'inProgress',
      due: null,
      noteId: 'n1',
      title: 'Script the deploy',
    });
    expect(mustApply(state, command('removeAction', 'ann', { actionId: 'a1' })).actions).toEqual([]);
  });

  it('refuse a missing title or owner, a bad date, capability or note, a taken id and too many', () => {
    expect(refusalOf(board, add({ title: ' ' }))).toBe('invalid-value');
    expect(refusalOf(board, add({ owner: '' }))).toBe('invalid-value');
    expect(refusalOf(board, command('addAction', 'bob', { actionId: 'a1', title: 'x' } as never))).toBe(
      'invalid-value',
    );
    expect(refusalOf(board, command('addAction', 'bob', { actionId: 'a1', owner: 'x' } as never))).toBe(
      'invalid-value',
    );
    expect(refusalOf(board, add({ due: '2025-02-30' }))).toBe('invalid-value');
    expect(refusalOf(board, add({ due: '30/04/2025' }))).toBe('invalid-value');
    expect(refusalOf(board, add({ capability: 'juggling' }))).toBe('unknown-capability');
    expect(refusalOf(board, add({ noteId: 'nope' }))).toBe('unknown-note');
    expect(refusalOf(board, add({ noteId: 'n2' }))).toBe('not-an-improvement');
    expect(refusalOf(board, add({ actionId: 'a b' }))).toBe('invalid-id');
    expect(refusalOf(mustApply(board, add()), add())).toBe('duplicate-id');
    const full = mustApply(
      board,
      ...Array.from({ length: countLimits.actions }, (_, index) => add({ actionId: `a${index}` })),
    );
    expect(refusalOf(full, add({ actionId: 'more' }))).toBe('limit-reached');
  });

  it('refuse edits of an unknown action, empty edits and a bad status', () => {
    const state = mustApply(board, add());
    expect(refusalOf(state, command('updateAction', 'ann', { actionId: 'nope', owner: 'x' }))).toBe(
      'unknown-action',
    );
    expect(refusalOf(state, command('updateAction', 'ann', { actionId: 'a1' }))).toBe('no-change');
    expect(
      refusalOf(state, command('updateAction', 'ann', { actionId: 'a1', status: 'late' as 'done' })),
    ).toBe('invalid-value');
    expect(refusalOf(state, command('removeAction', 'ann', { actionId: 'nope' }))).toBe('unknown-action');
  });
});
