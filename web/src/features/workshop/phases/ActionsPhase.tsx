import { useId, useState } from 'react';
import { type CapabilitySlug, getCapability } from '../../../../../src/core/assessment/index.js';
import { summariseView } from '../../../../../src/core/workshop/index.js';
import type { LiveRoom, PhaseProps } from '../liveRoom.js';
import { ActionsTable } from '../summaryParts.js';

function AddAction({ room }: { room: LiveRoom }) {
  const id = useId();
  const { view } = room;
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [capability, setCapability] = useState('');
  const [noteId, setNoteId] = useState('');
  const improvements = view.flow.notes.filter((note) => note.kind === 'improvement');
  return (
    <form
      className="action-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (title.trim() === '' || owner.trim() === '') return;
        void room
          .act({
            type: 'addAction',
            title: title.trim(),
            owner: owner.trim(),
            due: due === '' ? null : due,
            capability: capability === '' ? null : (capability as CapabilitySlug),
            noteId: noteId === '' ? null : noteId,
          })
          .then((outcome) => {
            if (!outcome.ok) return;
            setTitle('');
            setOwner('');
            setDue('');
            setCapability('');
            setNoteId('');
          });
      }}
    >
      <h3 id={`${id}-title`}>Add an action</h3>
      <div className="field">
        <label htmlFor={`${id}-action`}>Action</label>
        <input id={`${id}-action`} value={title} onChange={(event) => setTitle(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-owner`}>Owner</label>
        <input
          id={`${id}-owner`}
          list={`${id}-people`}
          value={owner}
          onChange={(event) => setOwner(event.target.value)}
        />
        <datalist id={`${id}-people`}>
          {view.participants.map((person) => (
            <option key={person.id} value={person.name} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={`${id}-due`}>Due</label>
        <input id={`${id}-due`} type="date" value={due} onChange={(event) => setDue(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-capability`}>Capability (optional)</label>
        <select
          id={`${id}-capability`}
          value={capability}
          onChange={(event) => setCapability(event.target.value)}
        >
          <option value="">None</option>
          {view.capabilities.assessed.map((entry) => (
            <option key={entry.slug} value={entry.slug}>
              {getCapability(entry.slug).name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>From the improvement (optional)</label>
        <select id={`${id}-note`} value={noteId} onChange={(event) => setNoteId(event.target.value)}>
          <option value="">None</option>
          {improvements.map((note) => (
            <option key={note.id} value={note.id}>
              {note.text}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="button-primary"
        disabled={!room.isOpen || title.trim() === '' || owner.trim() === ''}
      >
        Add the action
      </button>
    </form>
  );
}

/** The top improvements broken into small actions, each with an owner and a date. */
export function ActionsPhase({ room }: PhaseProps) {
  const { view } = room;
  const summary = summariseView(view);
  const editable = room.canTakePart && room.isOpen;
  return (
    <div className="phase-columns">
      <div>
        <h3>Top improvements</h3>
        {summary.topImprovements === null ? (
          <p className="muted">The votes are not revealed yet.</p>
        ) : summary.topImprovements.length === 0 ? (
          <p className="muted">No improvement received a vote.</p>
        ) : (
          <ol>
            {summary.topImprovements.map((entry) => (
              <li key={entry.noteId}>
                {entry.text}{' '}
                <span className="muted">
                  ({entry.step}, {entry.votes} votes)
                </span>
              </li>
            ))}
          </ol>
        )}
        {editable && <AddAction room={room} />}
      </div>
      <div>
        <h3>Actions</h3>
        {summary.actions.length === 0 ? (
          <p className="muted">No actions yet.</p>
        ) : (
          <ActionsTable
            actions={summary.actions}
            caption="Actions agreed"
            {...(editable
              ? {
                  change: (action: { id: string; title: string }) => (
                    <button
                      type="button"
                      className="button-small"
                      onClick={() => room.act({ type: 'removeAction', actionId: action.id })}
                    >
                      Remove <span className="visually-hidden">{action.title}</span>
                    </button>
                  ),
                }
              : {})}
          />
        )}
      </div>
    </div>
  );
}
