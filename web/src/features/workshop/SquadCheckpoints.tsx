import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  currentEditionId,
  type EditionId,
  editionIds,
  getCapability,
} from '../../../../src/core/assessment/index.js';
import type { ActionStatus } from '../../../../src/core/workshop/index.js';
import { formatDate } from '../../lib/format.js';
import { useSession } from '../../lib/queries.js';
import { ErrorState, Skeleton } from '../../ui/QueryState.js';
import { ScrollRegion } from '../../ui/ScrollRegion.js';
import { ActionStatusSelect } from './ActionStatusSelect.js';
import {
  type HistoryEntry,
  mayFacilitate,
  mayTrackActions,
  startCheckpoint,
  useCheckpointHistory,
  useCheckpointSummary,
  useSetActionStatus,
  useSquadActions,
} from './checkpointApi.js';
import { MaturityLine } from './MaturityLine.js';
import { ActionsTable, AnswersTable } from './summaryParts.js';

const statusWords = { live: 'in progress', paused: 'paused', completed: 'completed' } as const;

function StartCheckpoint({ squad }: { squad: string }) {
  const id = useId();
  const navigate = useNavigate();
  const session = useSession();
  const [edition, setEdition] = useState<EditionId>(currentEditionId);
  const [name, setName] = useState(session.data?.principal.name ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  return (
    <form
      className="start-checkpoint card"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        setStarting(true);
        startCheckpoint({ squad, edition, facilitatorName: name.trim() || 'Facilitator' }).then(
          (checkpointId) => navigate(`/checkpoints/${checkpointId}`),
          (error: Error) => {
            setProblem(error.message);
            setStarting(false);
          },
        );
      }}
    >
      <h3 id={`${id}-title`}>Start a checkpoint</h3>
      <p className="muted small">
        You facilitate; the others join with a link, by name only. The squad's measurements since its last
        checkpoint and its open actions come along.
      </p>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${id}-name`}>Your name in the room</label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={60}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-edition`}>Quick Check of</label>
          <select
            id={`${id}-edition`}
            value={edition}
            onChange={(event) => setEdition(event.target.value as EditionId)}
          >
            {editionIds.map((entry) => (
              <option key={entry} value={entry}>
                {entry}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-primary" disabled={starting}>
          Start a checkpoint
        </button>
      </div>
      {problem && (
        <p className="callout callout-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function HistoryTable({ entries }: { entries: HistoryEntry[] }) {
  return (
    <ScrollRegion label="Past checkpoints">
      <table className="data-table compact">
        <caption>Past checkpoints, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Facilitator</th>
            <th scope="col">Maturity</th>
            <th scope="col">Focus capabilities</th>
            <th scope="col">Actions done</th>
            <th scope="col">Survey</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">
                <Link
                  to={
                    entry.status === 'completed'
                      ? `/checkpoints/${entry.id}/summary`
                      : `/checkpoints/${entry.id}`
                  }
                >
                  {formatDate(entry.date)}
                </Link>{' '}
                <span className="muted small">{statusWords[entry.status]}</span>
              </th>
              <td>{entry.facilitator ?? '—'}</td>
              <td>
                <MaturityLine maturity={entry.maturity} edition={entry.edition} />
              </td>
              <td>
                {entry.focus.length === 0
                  ? '—'
                  : entry.focus.map((focus) => `${focus.name}${focus.keyFocus ? ' (key)' : ''}`).join(', ')}
              </td>
              <td>
                {entry.actions.done} of {entry.actions.total}
              </td>
              <td>
                {entry.survey.mean === null
                  ? '—'
                  : `${entry.survey.mean} of 5 (${entry.survey.responses} answers)`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function OpenActions({ squad, tribe }: { squad: string; tribe: string }) {
  const actions = useSquadActions(squad);
  const session = useSession();
  const setStatus = useSetActionStatus(squad);
  const editable = mayTrackActions(session.data, squad, tribe);
  if (actions.isPending) return <Skeleton height="6rem" label="Loading the actions…" />;
  if (actions.isError) return <ErrorState error={actions.error} what="the actions" />;
  const open = actions.data.actions.filter(
    (action) => action.status === 'open' || action.status === 'inProgress',
  );
  if (open.length === 0) return <p className="muted">No open actions.</p>;
  return (
    <ScrollRegion label="Open actions">
      <ActionsTable
        caption="Open actions from the squad's checkpoints"
        actions={open.map((action) => ({
          ...action,
          capability: action.capability ? getCapability(action.capability).name : null,
          improvement: null,
        }))}
        {...(editable
          ? {
              status: (action: { id: string; title: string; status: ActionStatus }) => (
                <ActionStatusSelect
                  title={action.title}
                  status={action.status}
                  disabled={setStatus.isPending}
                  onChange={(status) => setStatus.mutate({ id: action.id, status })}
                />
              ),
            }
          : {})}
      />
      {setStatus.isError && (
        <p className="callout callout-error" role="alert">
          {setStatus.error.message}
        </p>
      )}
    </ScrollRegion>
  );
}

/** The squad's own answers at its latest checkpoint that agreed any, beside what was measured then. */
export function SelfAssessed({ squad }: { squad: string }) {
  const history = useCheckpointHistory(squad);
  const latest = history.data?.checkpoints.find((entry) => entry.maturity !== null) ?? null;
  const summary = useCheckpointSummary(latest?.id ?? null);
  if (history.isPending || (latest !== null && summary.isPending)) return <Skeleton height="14rem" />;
  if (history.isError) return <ErrorState error={history.error} what="the squad's checkpoints" />;
  if (latest === null || summary.data === undefined) {
    return (
      <div className="callout callout-placeholder">
        <p>
          <strong>No checkpoint yet.</strong> The squad's own answers, agreed together in a facilitated
          checkpoint, will appear here beside the measured ones.
        </p>
        <p>
          Meanwhile anyone can take the <Link to="/quickcheck">Quick Check</Link> alone; it stores nothing.
        </p>
      </div>
    );
  }
  return (
    <div className="card">
      <p className="tier-line">
        <MaturityLine maturity={summary.data.maturity} edition={latest.edition} />
      </p>
      <AnswersTable
        answers={summary.data.answers}
        agreedHeading="Self-assessed"
        caption={
          <>
            Agreed on <Link to={`/checkpoints/${latest.id}/summary`}>{formatDate(latest.date)}</Link>, beside
            what was measured then
          </>
        }
      />
    </div>
  );
}

/** The squad's checkpoints: starting one, the history, and the actions still open. */
export function SquadCheckpoints({ squad, tribe }: { squad: string; tribe: string | null }) {
  const history = useCheckpointHistory(squad);
  const session = useSession();
  const canStart = tribe !== null && mayFacilitate(session.data, squad, tribe);
  return (
    <section aria-labelledby="checkpoints-title">
      <h2 id="checkpoints-title">Checkpoints</h2>
      {canStart && <StartCheckpoint squad={squad} />}
      {history.isPending ? (
        <Skeleton height="6rem" label="Loading the checkpoints…" />
      ) : history.isError ? (
        <ErrorState error={history.error} what="the squad's checkpoints" />
      ) : history.data.checkpoints.length === 0 ? (
        <div className="callout callout-placeholder">
          <p>
            <strong>No checkpoint yet.</strong> Each checkpoint of the squad, its focus capabilities and the
            actions agreed will be listed here.
          </p>
        </div>
      ) : (
        <HistoryTable entries={history.data.checkpoints} />
      )}
      <h3>Open actions</h3>
      {tribe !== null && <OpenActions squad={squad} tribe={tribe} />}
    </section>
  );
}
