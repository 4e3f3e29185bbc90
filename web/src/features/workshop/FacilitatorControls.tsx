import { useId, useState } from 'react';
import { agenda, getNextPhase, getPreviousPhase, type PhaseId } from '../../../../src/core/workshop/index.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { useCheckpointRecord } from './checkpointApi.js';
import type { LiveRoom } from './liveRoom.js';

const titleOf = (phase: PhaseId) => agenda.find((item) => item.phase === phase)?.title ?? phase;

/** The join link, shown to those the server shows it to (who may facilitate the squad). */
function Invitation({ checkpointId }: { checkpointId: string }) {
  const record = useCheckpointRecord(checkpointId);
  const joinUrl = record.data?.joinUrl;
  if (!joinUrl) return null;
  return (
    <div className="invitation">
      <label htmlFor="join-link">Link to join (name only, no account)</label>
      <div className="copy-row">
        <input id="join-link" readOnly value={joinUrl} onFocus={(event) => event.currentTarget.select()} />
        <CopyButton text={joinUrl} label="Copy the link" />
      </div>
    </div>
  );
}

/** What only the facilitator sees: moving through the agenda, the timer, pausing and completing. */
export function FacilitatorControls({ room }: { room: LiveRoom }) {
  const { view, act } = room;
  const id = useId();
  const planned = agenda.find((item) => item.phase === view.phase)?.plannedMinutes ?? 10;
  const [minutes, setMinutes] = useState(String(planned));
  const next = getNextPhase(view.phase);
  const previous = getPreviousPhase(view.phase);
  const timer = view.timers[view.phase];
  const completed = view.completedAt !== null;
  return (
    <section className="facilitator-controls" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        Facilitator controls
      </h2>
      <div className="toolbar">
        <button
          type="button"
          onClick={() => act({ type: 'goBack' })}
          disabled={!room.isOpen || previous === null}
        >
          ← Back{previous ? ` to ${titleOf(previous)}` : ''}
        </button>
        <button
          type="button"
          className="button-primary"
          onClick={() => act({ type: 'advance' })}
          disabled={!room.isOpen || next === null}
        >
          Next{next ? `: ${titleOf(next)}` : ''} →
        </button>
        {view.paused === null ? (
          <button
            type="button"
            onClick={() => act({ type: 'pause', resumePhase: next ?? view.phase })}
            disabled={completed}
          >
            Pause after this phase
          </button>
        ) : (
          <button type="button" className="button-primary" onClick={() => act({ type: 'resume' })}>
            Resume at {titleOf(view.paused.resumePhase)}
          </button>
        )}
        <form
          className="timer-form"
          onSubmit={(event) => {
            event.preventDefault();
            const seconds = Math.round(Number(minutes) * 60);
            if (seconds > 0) void act({ type: 'startTimer', durationSeconds: seconds });
          }}
        >
          <label htmlFor={`${id}-minutes`}>Timer (minutes)</label>
          <input
            id={`${id}-minutes`}
            type="number"
            min={1}
            max={240}
            step={1}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
          />
          <button type="submit" disabled={!room.isOpen}>
            {timer ? 'Restart the timer' : 'Start the timer'}
          </button>
          {timer && (
            <button type="button" onClick={() => act({ type: 'stopTimer' })}>
              Stop the timer
            </button>
          )}
        </form>
        {(view.phase === 'summary' || view.phase === 'survey') && !completed && (
          <button type="button" onClick={() => act({ type: 'complete' })}>
            Complete the checkpoint
          </button>
        )}
      </div>
      <Invitation checkpointId={view.id} />
    </section>
  );
}
