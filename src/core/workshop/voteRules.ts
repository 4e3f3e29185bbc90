/**
 * Dot-voting on the improvement notes. Each member has `votesPerPerson` dots (3 unless the
 * facilitator changes it before the first dot is cast), at most `maxPerNote` on one note, and may
 * take a dot back until the facilitator reveals the totals. Nobody sees another's dots, ever.
 */
import { checkNumber, getOwn } from './checkInput.js';
import type { CheckpointState } from './checkpointState.js';
import type { CommandRules } from './commandRule.js';
import { refuse } from './workshopError.js';

/** Most dots a facilitator may give each person. */
export const maxVotesPerPerson = 10;

/** Dots cast by everyone together. */
export function countVotesCast(state: CheckpointState): number {
  return Object.values(state.vote.ballots).reduce((sum, ballot) => sum + ballot.length, 0);
}

/** The most dots one person may put on one note. */
export function getNoteVoteLimit(state: CheckpointState): number {
  return Math.min(state.vote.maxPerNote, state.vote.votesPerPerson);
}

/** Rules of the vote commands. */
export const voteRules: CommandRules<'setVotesPerPerson' | 'castVote' | 'retractVote' | 'revealVotes'> = {
  setVotesPerPerson: {
    sender: 'facilitator',
    phase: 'vote',
    run(draft, { votes }) {
      if (draft.vote.revealed || countVotesCast(draft) > 0) {
        return refuse('voting-open', 'the number of dots is fixed once voting has started');
      }
      const bad = checkNumber('votes', votes, 1, maxVotesPerPerson, true);
      if (bad !== null) return bad;
      draft.vote.votesPerPerson = votes;
      return [{ type: 'votesPerPersonSet', votes }];
    },
  },
  castVote: {
    sender: 'member',
    phase: 'vote',
    run(draft, { actorId, noteId }) {
      if (draft.vote.revealed) return refuse('already-revealed', 'the votes are revealed; voting is over');
      const note = draft.flow.notes.find((entry) => entry.id === noteId);
      if (note === undefined) return refuse('unknown-note', `no note ${String(noteId)}`);
      if (note.kind !== 'improvement') return refuse('not-an-improvement', 'only improvements take votes');
      const ballot = getOwn(draft.vote.ballots, actorId) ?? [];
      if (ballot.length >= draft.vote.votesPerPerson) {
        return refuse('vote-limit-exceeded', `you have spent all ${draft.vote.votesPerPerson} of your votes`);
      }
      const limit = getNoteVoteLimit(draft);
      if (ballot.filter((entry) => entry === noteId).length >= limit) {
        return refuse('note-vote-limit-exceeded', `at most ${limit} of your votes may go on one note`);
      }
      draft.vote.ballots[actorId] = [...ballot, note.id];
      return [{ type: 'votesCounted', cast: countVotesCast(draft) }];
    },
  },
  retractVote: {
    sender: 'member',
    phase: 'vote',
    run(draft, { actorId, noteId }) {
      if (draft.vote.revealed) return refuse('already-revealed', 'the votes are revealed; voting is over');
      const ballot = getOwn(draft.vote.ballots, actorId) ?? [];
      const index = ballot.lastIndexOf(String(noteId));
      if (index < 0) return refuse('no-vote-to-retract', `you have no vote on ${String(noteId)}`);
      draft.vote.ballots[actorId] = ballot.filter((_, position) => position !== index);
      return [{ type: 'votesCounted', cast: countVotesCast(draft) }];
    },
  },
  revealVotes: {
    sender: 'facilitator',
    phase: 'vote',
    run(draft) {
      if (draft.vote.revealed) return refuse('already-revealed', 'the votes are already revealed');
      if (countVotesCast(draft) === 0) return refuse('nothing-to-reveal', 'nobody has voted yet');
      draft.vote.revealed = true;
      return [{ type: 'votesRevealed' }];
    },
  },
};
