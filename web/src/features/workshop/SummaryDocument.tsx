import type { CheckpointSummary, StepSummary } from '../../../../src/core/workshop/index.js';
import { formatWait } from '../../../../src/core/workshop/index.js';
import { formatDate } from '../../lib/format.js';
import { MaturityLine } from './MaturityLine.js';
import { ActionsTable, AnswersTable, RankingTable, SurveyRatingsTable } from './summaryParts.js';

function Steps({ steps, title, level }: { steps: StepSummary[]; title: string; level: 3 | 4 }) {
  const H = `h${level}` as 'h3' | 'h4';
  return (
    <>
      <H>{title}</H>
      {steps.length === 0 ? (
        <p className="muted">No steps drawn.</p>
      ) : (
        <ol className="flow-outline">
          {steps.map((step) => (
            <li key={step.id}>
              <strong>{step.label}</strong>{' '}
              <span className={`automation automation-${step.automation}`}>
                {step.automation === 'manual' ? 'manual' : 'automated'}
              </span>
              {step.waitMinutes !== null && (
                <span className="muted"> · waits {formatWait(step.waitMinutes)}</span>
              )}
              {(step.failedDeployments.length > 0 || step.improvements.length > 0) && (
                <ul className="note-list">
                  {step.failedDeployments.map((text, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: plain texts without state, and two may be the same
                    <li key={`f-${index}-${text}`} className="note note-failedDeployment">
                      <span className="note-kind">Failed deployment:</span> {text}
                    </li>
                  ))}
                  {step.improvements.map((text, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: plain texts without state, and two may be the same
                    <li key={`i-${index}-${text}`} className="note note-improvement">
                      <span className="note-kind">Improvement:</span> {text}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/**
 * What a checkpoint found and what the squad will do: the maturity, the agreed answers beside the
 * measured ones, the focus capabilities, the flow, the improvements with most votes and the actions.
 * The same document live in the room and on the shareable page.
 */
export function SummaryDocument({
  summary,
  headingLevel = 3,
}: {
  summary: CheckpointSummary;
  headingLevel?: 2 | 3;
}) {
  const H = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <div className="summary-document">
      <p className="muted">
        {summary.squad} ({summary.tribe}) · {formatDate(summary.date)} · {summary.editionTitle} ·{' '}
        {summary.participants} taking part · {summary.completed ? 'completed' : 'not completed yet'}
      </p>
      <H>Maturity</H>
      <p className="summary-maturity">
        <MaturityLine maturity={summary.maturity} edition={summary.editionTitle} />
      </p>
      <AnswersTable answers={summary.answers} caption="Agreed answers, beside what the measurements said" />
      <H>Focus capabilities</H>
      {summary.focus === null ? (
        <p className="muted">
          Not ranked yet. Assessed:{' '}
          {summary.assessedCapabilities.map((entry) => entry.name).join(', ') || 'none'}.
        </p>
      ) : (
        <RankingTable focus={summary.focus} />
      )}
      <H>Path to production</H>
      <div className="flow-columns">
        <div>
          <Steps
            steps={summary.flow.delivery}
            title="Delivering a change"
            level={headingLevel === 2 ? 3 : 4}
          />
        </div>
        <div>
          <Steps
            steps={summary.flow.recovery}
            title="Recovering from a failure"
            level={headingLevel === 2 ? 3 : 4}
          />
        </div>
      </div>
      <H>Top improvements</H>
      {summary.topImprovements === null ? (
        <p className="muted">The votes are not revealed yet.</p>
      ) : summary.topImprovements.length === 0 ? (
        <p className="muted">No improvement received a vote.</p>
      ) : (
        <table className="data-table compact">
          <caption>Improvements with most votes</caption>
          <thead>
            <tr>
              <th scope="col">Improvement</th>
              <th scope="col">Step</th>
              <th scope="col">Votes</th>
            </tr>
          </thead>
          <tbody>
            {summary.topImprovements.map((entry) => (
              <tr key={entry.noteId}>
                <th scope="row">{entry.text}</th>
                <td>{entry.step}</td>
                <td>{entry.votes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <H>Actions</H>
      {summary.actions.length === 0 ? (
        <p className="muted">No actions yet.</p>
      ) : (
        <ActionsTable actions={summary.actions} caption="What the squad will do" />
      )}
      {summary.survey !== null && (
        <>
          <H>Survey</H>
          <p>{summary.survey.responses} responses.</p>
          <SurveyRatingsTable ratings={summary.survey.ratings} />
        </>
      )}
    </div>
  );
}
