import { type ComponentType, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { agenda, type PhaseId, phaseIds } from '../../../../src/core/workshop/index.js';
import { usePageTitle } from '../../lib/usePageTitle.js';
import { Skeleton } from '../../ui/QueryState.js';
import { claimFacilitatorSeat, useCheckpointRecord } from './checkpointApi.js';
import { forgetSeat, readSeat } from './checkpointSeat.js';
import { FacilitatorControls } from './FacilitatorControls.js';
import type { LiveRoom, PhaseProps } from './liveRoom.js';
import { PeoplePanel } from './PeoplePanel.js';
import { PhaseTimer } from './PhaseTimer.js';
import { ActionsPhase } from './phases/ActionsPhase.js';
import { CapabilitiesPhase } from './phases/CapabilitiesPhase.js';
import { MetricsPhase } from './phases/MetricsPhase.js';
import { PathPhase } from './phases/PathPhase.js';
import { ScenePhase } from './phases/ScenePhase.js';
import { SummaryPhase } from './phases/SummaryPhase.js';
import { SurveyPhase } from './phases/SurveyPhase.js';
import { VotePhase } from './phases/VotePhase.js';
import { WelcomePhase } from './phases/WelcomePhase.js';
import { type SocketStatus, useCheckpointSocket } from './useCheckpointSocket.js';
import { roleText } from './workshopText.js';

const phaseViews: Record<PhaseId, ComponentType<PhaseProps>> = {
  welcome: WelcomePhase,
  setTheScene: ScenePhase,
  metrics: MetricsPhase,
  capabilities: CapabilitiesPhase,
  pathToProduction: PathPhase,
  vote: VotePhase,
  actions: ActionsPhase,
  summary: SummaryPhase,
  survey: SurveyPhase,
};

const statusText: Record<SocketStatus, string> = {
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Connection lost, reconnecting…',
  refused: 'Not connected',
};

/** This browser has no seat (or the server refused it): how to get in. */
function NoSeat({
  checkpointId,
  refusal,
  onSeat,
}: {
  checkpointId: string;
  refusal: string | null;
  onSeat: () => void;
}) {
  const record = useCheckpointRecord(checkpointId);
  const [problem, setProblem] = useState<string | null>(null);
  const joinUrl = record.data?.joinUrl ?? null;
  return (
    <section aria-labelledby="no-seat-title" className="narrow">
      <h1 id="no-seat-title">Join this checkpoint</h1>
      {refusal && (
        <p className="callout callout-error" role="alert">
          {refusal}
        </p>
      )}
      <p>
        This browser has no seat in this checkpoint. Open the link the facilitator shared: it asks for your
        name only.
      </p>
      {joinUrl && (
        <div className="card">
          <p>You may facilitate this squad's checkpoints.</p>
          <div className="toolbar">
            <button
              type="button"
              className="button-primary"
              onClick={() =>
                claimFacilitatorSeat(checkpointId).then(onSeat, (error: Error) => setProblem(error.message))
              }
            >
              Facilitate from this browser
            </button>
            <a className="button" href={new URL(joinUrl).pathname + new URL(joinUrl).hash}>
              Join as a participant instead
            </a>
          </div>
          {problem && <p role="alert">{problem}</p>}
        </div>
      )}
    </section>
  );
}

function AgendaNav({ room }: { room: LiveRoom }) {
  const { view, isFacilitator, act } = room;
  const current = phaseIds.indexOf(view.phase);
  return (
    <nav className="agenda" aria-label="Agenda">
      <h2 className="agenda-title">Agenda</h2>
      <ol>
        {agenda.map((item, index) => {
          const here = item.phase === view.phase;
          const label = (
            <>
              <span className="agenda-step">{index < current ? '✓' : index + 1}</span> {item.title}{' '}
              <span className="muted small">{item.plannedMinutes} min</span>
            </>
          );
          return (
            <li key={item.phase} className={here ? 'agenda-current' : index < current ? 'agenda-done' : ''}>
              {isFacilitator && !here && room.isOpen ? (
                <button
                  type="button"
                  className="agenda-link"
                  onClick={() => act({ type: 'setPhase', phase: item.phase })}
                >
                  <span className="visually-hidden">Go to </span>
                  {label}
                </button>
              ) : (
                <span className="agenda-link" aria-current={here ? 'step' : undefined}>
                  {label}
                  {here && <span className="visually-hidden"> (now)</span>}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/**
 * The live checkpoint: everyone sees the phase and the agenda; the facilitator steers. The page holds
 * only the view the server sent this seat, so it shows nothing the person may not see.
 */
export function RoomPage() {
  const { id = '' } = useParams();
  const [seat, setSeat] = useState(() => readSeat(id));
  const socket = useCheckpointSocket(id, seat);
  const { view } = socket;
  usePageTitle(view ? `${view.squad} · Checkpoint` : 'Checkpoint');
  const room = useMemo<LiveRoom | null>(
    () =>
      view === null
        ? null
        : {
            view,
            presence: socket.presence,
            isFacilitator: view.you !== null && view.you.id === view.facilitatorId,
            canTakePart: view.you?.canTakePart === true,
            isOpen: view.paused === null && view.completedAt === null,
            act: socket.send,
            sendPresence: socket.sendPresence,
          },
    [view, socket.presence, socket.send, socket.sendPresence],
  );
  if (seat === null || socket.status === 'refused') {
    return (
      <NoSeat
        checkpointId={id}
        refusal={socket.refusal}
        onSeat={() => {
          setSeat(readSeat(id));
        }}
      />
    );
  }
  if (room === null) {
    return (
      <section aria-labelledby="room-title">
        <h1 id="room-title">Checkpoint</h1>
        <p role="status">{statusText[socket.status]}</p>
        <Skeleton height="20rem" label="Loading the checkpoint…" />
      </section>
    );
  }
  const item = agenda.find((entry) => entry.phase === room.view.phase)!;
  const Phase = phaseViews[room.view.phase];
  const number = phaseIds.indexOf(room.view.phase) + 1;
  return (
    <div className="room">
      <header className="room-header">
        <div>
          <h1>{room.view.squad}: DevOps Checkpoint</h1>
          <p className="muted">
            {room.view.you ? `You are ${room.view.you.name} (${roleText[room.view.you.role]}).` : ''}{' '}
            <span role="status" className={`connection connection-${socket.status}`}>
              {statusText[socket.status]}
            </span>
          </p>
        </div>
        <PhaseTimer timer={room.view.timers[room.view.phase]} />
      </header>
      {room.view.completedAt !== null && (
        <p className="callout room-banner">
          <strong>This checkpoint is complete.</strong>{' '}
          <Link to={`/checkpoints/${room.view.id}/summary`}>Read its summary</Link>.
        </p>
      )}
      {room.view.paused !== null && (
        <p className="callout room-banner">
          <strong>Paused.</strong> The checkpoint carries on at{' '}
          {agenda.find((entry) => entry.phase === room.view.paused?.resumePhase)?.title} when the facilitator
          resumes it.
        </p>
      )}
      {socket.problem && (
        <div className="callout callout-error problem" role="alert">
          <p>
            {socket.problem}{' '}
            <button type="button" className="button-link" onClick={socket.dismissProblem}>
              Dismiss
            </button>
          </p>
        </div>
      )}
      {room.isFacilitator && <FacilitatorControls room={room} />}
      <div className="room-body">
        <AgendaNav room={room} />
        <section className="phase" aria-labelledby="phase-title">
          <p className="phase-number muted">
            Phase {number} of {agenda.length}
          </p>
          <h2 id="phase-title">{item.title}</h2>
          <p className="lead">{item.purpose}</p>
          <Phase room={room} />
        </section>
        <PeoplePanel room={room} />
      </div>
      {room.view.you === null && (
        <p className="muted">
          <button
            type="button"
            className="button-link"
            onClick={() => {
              forgetSeat(id);
              setSeat(null);
            }}
          >
            Forget this browser's seat
          </button>
        </p>
      )}
    </div>
  );
}
