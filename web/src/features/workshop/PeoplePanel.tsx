import type { LiveRoom } from './liveRoom.js';
import { roleText } from './workshopText.js';

/**
 * Who is in the checkpoint and who is connected right now (in words, not by colour alone); the
 * facilitator may hand the role over or remove someone.
 */
export function PeoplePanel({ room }: { room: LiveRoom }) {
  const { view, presence, isFacilitator, act } = room;
  const connected = new Set(presence.map((entry) => entry.participantId));
  return (
    <section className="people" aria-labelledby="people-title">
      <h2 id="people-title">People ({view.participants.filter((p) => p.status === 'joined').length})</h2>
      <ul className="plain-list">
        {view.participants
          .filter((person) => person.status === 'joined')
          .map((person) => (
            <li key={person.id} className="person">
              <span
                className={`presence-dot${connected.has(person.id) ? ' presence-on' : ''}`}
                aria-hidden="true"
              />
              <span className="person-name">
                {person.name}
                {person.id === view.you?.id ? ' (you)' : ''}
              </span>{' '}
              <span className="muted small">
                {roleText[person.role]} · {connected.has(person.id) ? 'connected' : 'away'}
              </span>
              {isFacilitator && person.id !== view.you?.id && (
                <span className="person-actions">
                  {person.role === 'participant' && (
                    <button
                      type="button"
                      className="button-small"
                      onClick={() => act({ type: 'handOverFacilitator', participantId: person.id })}
                    >
                      Make {person.name} facilitator
                    </button>
                  )}
                  <button
                    type="button"
                    className="button-small"
                    onClick={() => act({ type: 'removeParticipant', participantId: person.id })}
                  >
                    Remove {person.name}
                  </button>
                </span>
              )}
            </li>
          ))}
      </ul>
    </section>
  );
}
