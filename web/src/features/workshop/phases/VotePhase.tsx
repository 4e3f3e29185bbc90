import { maxVotesPerPerson } from '../../../../../src/core/workshop/index.js';
import type { PhaseProps } from '../liveRoom.js';

/**
 * Dot-voting on the improvement notes: each person spends a few dots, at most two on one note; the
 * totals stay hidden (only how many dots are cast) until the facilitator reveals them.
 */
export function VotePhase({ room }: PhaseProps) {
  const { view, isFacilitator, canTakePart, act } = room;
  const { vote, flow } = view;
  const improvements = flow.notes.filter((note) => note.kind === 'improvement');
  const stepOf = (nodeId: string) => flow.nodes.find((node) => node.id === nodeId)?.label ?? '';
  const mine = (noteId: string) => vote.yourVotes.find((entry) => entry.noteId === noteId)?.votes ?? 0;
  const totalOf = (noteId: string) => vote.totals?.find((entry) => entry.noteId === noteId)?.votes ?? 0;
  const ordered =
    vote.totals === null ? improvements : [...improvements].sort((a, b) => totalOf(b.id) - totalOf(a.id));
  return (
    <div>
      <div className="toolbar vote-status">
        {canTakePart && !vote.revealed && (
          <p className="dots-left" role="status">
            You have <strong>{vote.yourRemaining}</strong> of {vote.votesPerPerson} dots left (at most{' '}
            {vote.maxPerNote} on one note).
          </p>
        )}
        <p>
          {vote.totalCast} {vote.totalCast === 1 ? 'dot' : 'dots'} cast so far
          {vote.revealed ? '.' : '; the totals stay hidden until the reveal.'}
        </p>
        {isFacilitator && (
          <>
            <label htmlFor="votes-per-person">Dots each</label>
            <select
              id="votes-per-person"
              value={vote.votesPerPerson}
              disabled={vote.totalCast > 0 || !room.isOpen}
              onChange={(event) => act({ type: 'setVotesPerPerson', votes: Number(event.target.value) })}
            >
              {Array.from({ length: maxVotesPerPerson }, (_, index) => index + 1).map((count) => (
                <option key={count} value={count}>
                  {count}
                </option>
              ))}
            </select>
            {!vote.revealed && (
              <button
                type="button"
                className="button-primary"
                onClick={() => act({ type: 'revealVotes' })}
                disabled={!room.isOpen}
              >
                Reveal the votes
              </button>
            )}
          </>
        )}
      </div>
      {improvements.length === 0 ? (
        <p className="muted">
          No improvement notes on the path to production yet: go back and stick some on.
        </p>
      ) : (
        <table className="data-table vote-table">
          <caption>{vote.revealed ? 'Improvements by votes, most first' : 'Improvements to vote on'}</caption>
          <thead>
            <tr>
              <th scope="col">Improvement</th>
              <th scope="col">Step</th>
              {canTakePart && <th scope="col">Your dots</th>}
              {vote.revealed && <th scope="col">Votes</th>}
            </tr>
          </thead>
          <tbody>
            {ordered.map((note) => (
              <tr key={note.id}>
                <th scope="row">{note.text}</th>
                <td>{stepOf(note.nodeId)}</td>
                {canTakePart && (
                  <td className="dot-cell">
                    <button
                      type="button"
                      className="button-small"
                      aria-label={`Take a dot back from ${note.text}`}
                      disabled={mine(note.id) === 0 || vote.revealed || !room.isOpen}
                      onClick={() => act({ type: 'retractVote', noteId: note.id })}
                    >
                      −
                    </button>
                    <span className="dots" data-testid="your-dots">
                      <span aria-hidden="true">{'●'.repeat(mine(note.id))}</span>
                      <span className="dot-count">{mine(note.id)}</span>
                    </span>
                    <button
                      type="button"
                      className="button-small"
                      aria-label={`Put a dot on ${note.text}`}
                      disabled={
                        vote.yourRemaining === 0 ||
                        mine(note.id) >= vote.maxPerNote ||
                        vote.revealed ||
                        !room.isOpen
                      }
                      onClick={() => act({ type: 'castVote', noteId: note.id })}
                    >
                      +
                    </button>
                  </td>
                )}
                {vote.revealed && <td>{totalOf(note.id)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
