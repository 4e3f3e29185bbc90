import { describe, expect, it } from 'vitest';
import type { CheckpointState } from './checkpointState.js';
import {
  command,
  eventsOf,
  facilitator,
  inPhase,
  mustApply,
  refusalOf,
  withPeople,
} from './testCheckpoint.js';

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
    command('addNote', 'ann', { noteId: 'n2', nodeId: 's1', kind: 'improvement', text: 'Smaller changes' }),
    command('addNote', 'ann', { noteId: 'n3', nodeId: 's1', kind: 'failedDeployment', text: 'Config drift' }),
  ),
  'vote',
);
const cast = (actor: string, noteId: string) => command('castVote', actor, { noteId });

describe('dot-voting', () => {
  it('gives three votes each, at most two on one note', () => {
    expect(eventsOf(board, cast('ann', 'n1'))).toEqual([{ type: 'votesCounted', cast: 1 }]);
    const state = mustApply(board, cast('ann', 'n1'), cast('ann', 'n1'), cast('ann', 'n2'));
    expect(state.vote.ballots).toEqual({ ann: ['n1', 'n1', 'n2'] });
    expect(refusalOf(state, cast('ann', 'n2'))).toBe('vote-limit-exceeded');
    expect(refusalOf(mustApply(board, cast('bob', 'n1'), cast('bob', 'n1')), cast('bob', 'n1'))).toBe(
      'note-vote-limit-exceeded',
    );
  });

  it('takes a vote back before the reveal', () => {
    const state = mustApply(
      board,
      cast('ann', 'n1'),
      cast('ann', 'n2'),
      command('retractVote', 'ann', { noteId: 'n1' }),
    );
    expect(state.vote.ballots).toEqual({ ann: ['n2'] });
    expect(refusalOf(state, command('retractVote', 'ann', { noteId: 'n1' }))).toBe('no-vote-to-retract');
    expect(refusalOf(state, command('retractVote', 'bob', { noteId: 'n2' }))).toBe('no-vote-to-retract');
  });

  it('refuses votes on unknown notes and on failed-deployment notes', () => {
    expect(refusalOf(board, cast('ann', 'nope'))).toBe('unknown-note');
    expect(refusalOf(board, cast('ann', 'n3'))).toBe('not-an-improvement');
  });

  it('lets the facilitator change the number of votes before the first is cast', () => {
    const state = mustApply(board, command('setVotesPerPerson', facilitator, { votes: 5 }));
    expect(state.vote.votesPerPerson).toBe(5);
    const one = mustApply(board, command('setVotesPerPerson', facilitator, { votes: 1 }), cast('ann', 'n1'));
    expect(refusalOf(one, cast('ann', 'n2'))).toBe('vote-limit-exceeded');
    expect(refusalOf(one, command('setVotesPerPerson', facilitator, { votes: 3 }))).toBe('voting-open');
    for (const votes of [0, 11, 2.5]) {
      expect(refusalOf(board, command('setVotesPerPerson', facilitator, { votes }))).toBe('invalid-value');
    }
  });

  it('reveals once; then no vote may be cast or taken back', () => {
    expect(refusalOf(board, command('revealVotes', facilitator, {}))).toBe('nothing-to-reveal');
    const revealed = mustApply(board, cast('ann', 'n1'), command('revealVotes', facilitator, {}));
    expect(revealed.vote.revealed).toBe(true);
    expect(refusalOf(revealed, command('revealVotes', facilitator, {}))).toBe('already-revealed');
    expect(refusalOf(revealed, cast('bob', 'n1'))).toBe('already-revealed');
    expect(refusalOf(revealed, command('retractVote', 'ann', { noteId: 'n1' }))).toBe('already-revealed');
    expect(refusalOf(revealed, command('setVotesPerPerson', facilitator, { votes: 4 }))).toBe('voting-open');
  });
});
