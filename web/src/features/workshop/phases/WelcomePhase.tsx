import { useState } from 'react';
import type { Principle } from '../../../../../src/core/workshop/index.js';
import { agenda } from '../../../../../src/core/workshop/index.js';
import type { LiveRoom, PhaseProps } from '../liveRoom.js';

function PrincipleEditor({
  principle,
  room,
  index,
}: {
  principle: Principle;
  room: LiveRoom;
  index: number;
}) {
  const [text, setText] = useState(principle.text);
  const changed = text.trim() !== principle.text && text.trim() !== '';
  return (
    <form
      className="principle-editor"
      onSubmit={(event) => {
        event.preventDefault();
        if (changed) void room.act({ type: 'updatePrinciple', principleId: principle.id, text: text.trim() });
      }}
    >
      <label className="visually-hidden" htmlFor={`principle-${principle.id}`}>
        Principle {index + 1}
      </label>
      <input
        id={`principle-${principle.id}`}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" disabled={!changed}>
        Save
      </button>
      <button
        type="button"
        onClick={() => room.act({ type: 'removePrinciple', principleId: principle.id })}
        aria-label={`Remove principle ${index + 1}`}
      >
        Remove
      </button>
    </form>
  );
}

/** Why we meet, the agenda, and the principles agreed by a show of hands. */
export function WelcomePhase({ room }: PhaseProps) {
  const { view, isFacilitator, canTakePart, act } = room;
  const [added, setAdded] = useState('');
  const welcome = view.welcome;
  return (
    <div className="phase-columns">
      <div>
        <h3>Why we are here</h3>
        <p>
          Once a quarter the squad stops to look at how it delivers software: what the data says, what we
          believe, and the one or two things that would help most. Everyone answers for themselves first;
          nobody sees who answered what.
        </p>
        <h3>The agenda</h3>
        <table className="data-table compact">
          <caption className="visually-hidden">Agenda with planned minutes</caption>
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">What for</th>
              <th scope="col">Minutes</th>
            </tr>
          </thead>
          <tbody>
            {agenda.map((item) => (
              <tr key={item.phase}>
                <th scope="row">{item.title}</th>
                <td>{item.purpose}</td>
                <td>{item.plannedMinutes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h3>How we work together</h3>
        {isFacilitator && room.isOpen ? (
          <>
            <ol className="principles editing">
              {welcome.principles.map((principle, index) => (
                <li key={principle.id}>
                  <PrincipleEditor principle={principle} room={room} index={index} />
                </li>
              ))}
            </ol>
            <form
              className="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (added.trim() === '') return;
                void act({ type: 'addPrinciple', text: added.trim() }).then((outcome) => {
                  if (outcome.ok) setAdded('');
                });
              }}
            >
              <label htmlFor="new-principle">Another principle</label>
              <input id="new-principle" value={added} onChange={(event) => setAdded(event.target.value)} />
              <button type="submit">Add</button>
            </form>
          </>
        ) : (
          <ol className="principles">
            {welcome.principles.map((principle) => (
              <li key={principle.id}>{principle.text}</li>
            ))}
          </ol>
        )}
        <div className="hands card">
          <p>
            <strong>
              {welcome.handsRaised} of {welcome.expected}
            </strong>{' '}
            raised a hand to agree. {welcome.everyoneAgreed && <strong>Everyone agrees.</strong>}
          </p>
          {canTakePart && (
            <button
              type="button"
              aria-pressed={welcome.yourHandRaised}
              disabled={!room.isOpen}
              onClick={() => act({ type: welcome.yourHandRaised ? 'lowerHand' : 'raiseHand' })}
            >
              {welcome.yourHandRaised ? 'I agree (lower my hand)' : 'Raise my hand to agree'}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
