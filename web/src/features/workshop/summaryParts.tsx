/** Tables and links of a checkpoint's outcome, shared by the live room, the summary page and the squad page. */
import type { ReactNode } from 'react';
import type { AnswerSummary, CheckpointSummary, RatingResult } from '../../../../src/core/workshop/index.js';
import { exportPaths } from './checkpointApi.js';
import { actionStatusText } from './workshopText.js';

/** The agreed answers beside the measured ones. */
export function AnswersTable({
  answers,
  caption,
  agreedHeading = 'Agreed by the squad',
}: {
  answers: AnswerSummary[];
  caption: ReactNode;
  agreedHeading?: string;
}) {
  return (
    <table className="data-table compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Question</th>
          <th scope="col">{agreedHeading}</th>
          <th scope="col">Measured</th>
        </tr>
      </thead>
      <tbody>
        {answers.map((answer) => (
          <tr key={answer.key}>
            <th scope="row">{answer.title}</th>
            <td>{answer.agreedLabel ?? 'not agreed'}</td>
            <td>{answer.measuredLabel ?? 'no data'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The capabilities ranked, the one to work on first at the top. */
export function RankingTable({ focus }: { focus: NonNullable<CheckpointSummary['focus']> }) {
  return (
    <table className="data-table compact">
      <caption>Capabilities, the one to work on first at the top (scores out of {focus.scaleMax})</caption>
      <thead>
        <tr>
          <th scope="col">Rank</th>
          <th scope="col">Capability</th>
          <th scope="col">Score</th>
        </tr>
      </thead>
      <tbody>
        {focus.ranking.map((entry) => (
          <tr key={entry.slug}>
            <td>{entry.rank}</td>
            <th scope="row">
              {entry.name}
              {entry.keyFocus && <strong className="key-focus"> · key focus</strong>}
            </th>
            <td>{entry.score}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type SummaryAction = CheckpointSummary['actions'][number];

/** The actions agreed; `change` adds a column of controls for each. */
export function ActionsTable({
  actions,
  caption,
  change,
  status,
}: {
  actions: SummaryAction[];
  caption: string;
  change?: (action: SummaryAction) => ReactNode;
  /** Shows the status otherwise than in words (a control to change it). */
  status?: (action: SummaryAction) => ReactNode;
}) {
  return (
    <table className="data-table compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Capability</th>
          <th scope="col">Status</th>
          {change && <th scope="col">Change</th>}
        </tr>
      </thead>
      <tbody>
        {actions.map((action) => (
          <tr key={action.id}>
            <th scope="row">
              {action.title}
              {action.improvement && <span className="muted small"> (from “{action.improvement}”)</span>}
            </th>
            <td>{action.owner}</td>
            <td>{action.due ?? '—'}</td>
            <td>{action.capability ?? '—'}</td>
            <td>{status ? status(action) : actionStatusText[action.status]}</td>
            {change && <td>{change(action)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The exports of a summary, after any other links. */
export function ExportLinks({ checkpointId, children }: { checkpointId: string; children?: ReactNode }) {
  const paths = exportPaths(checkpointId);
  return (
    <p className="toolbar summary-links">
      {children}
      <a className="button" href={paths.markdown} download>
        Export as Markdown
      </a>
      <a className="button" href={paths.pdf} download>
        Export as PDF
      </a>
    </p>
  );
}

/** The survey's ratings, aggregated. */
export function SurveyRatingsTable({ ratings }: { ratings: RatingResult[] }) {
  return (
    <table className="data-table compact">
      <caption>Ratings from 1 to 5</caption>
      <thead>
        <tr>
          <th scope="col">Question</th>
          <th scope="col">Mean</th>
          <th scope="col">Answers</th>
        </tr>
      </thead>
      <tbody>
        {ratings.map((rating) => (
          <tr key={rating.id}>
            <th scope="row">{rating.text}</th>
            <td>{rating.mean ?? '—'}</td>
            <td>{rating.answered}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
