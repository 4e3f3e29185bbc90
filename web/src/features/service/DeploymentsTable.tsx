import type { ReactNode } from 'react';
import type { DeploymentRow } from '../../lib/apiTypes.js';
import { formatDateTime, formatDuration, shortSha } from '../../lib/format.js';
import { deploymentAnchor } from '../../lib/links.js';
import { type DrillColumn, DrillTable, eventColumn, serviceColumn } from './DrillTable.js';
import { FailureReasonText, reworkReasonText } from './reasons.js';

interface DeploymentsTableProps {
  rows: readonly DeploymentRow[];
  caption: string;
  /** The incidents tab of the same subject and window, for links to the incidents behind a failure. */
  incidentsPath: string;
  /** All deployments of the same subject and window, for links to the next deployment. */
  deploymentsPath: string;
  showService: boolean;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
}

/** Logical deployments: what each carried, whether it failed and why, rework and recovery. */
export function DeploymentsTable({
  rows,
  caption,
  incidentsPath,
  deploymentsPath,
  showService,
  empty,
}: DeploymentsTableProps) {
  const columns: DrillColumn<DeploymentRow>[] = [
    eventColumn<DeploymentRow>('Deployment'),
    { header: 'Finished', cell: (d) => formatDateTime(d.finishedAt) },
    ...(showService ? [serviceColumn<DeploymentRow>()] : []),
    { header: 'Version', cell: (d) => <code>{d.version ?? shortSha(d.sha)}</code> },
    { header: 'Environments', cell: (d) => d.environments.join(', ') },
    {
      header: 'Changes carried',
      numeric: true,
      cell: (d) =>
        d.changes.length === 0 ? (
          <span title={`carry rule: ${d.carryRule}`}>0</span>
        ) : (
          <details>
            <summary>{d.changes.length}</summary>
            <ul className="plain-list small">
              {d.changes.map((c) => (
                <li key={c.sha}>
                  <code>{shortSha(c.sha)}</code> {formatDuration(c.leadTimeSeconds)}
                </li>
              ))}
            </ul>
          </details>
        ),
    },
    {
      header: 'Outcome',
      wrap: true,
      cell: (d) =>
        d.failed ? (
          <>
            <span className="status status-bad">Failed</span>
            <ul className="plain-list small">
              {d.failureReasons.map((reason) => (
                <li key={JSON.stringify(reason)}>
                  <FailureReasonText
                    reason={reason}
                    incidentsPath={incidentsPath}
                    deploymentsPath={deploymentsPath}
                  />
                </li>
              ))}
            </ul>
          </>
        ) : (
          <span className="status status-good">OK</span>
        ),
    },
    {
      header: 'Recovery',
      cell: (d) =>
        d.failed
          ? d.recoverySeconds === null
            ? 'not recovered yet'
            : `${formatDuration(d.recoverySeconds)} (at ${formatDateTime(d.recoveredAt)})`
          : '—',
    },
    {
      header: 'Rework',
      wrap: true,
      cell: (d) => (d.rework ? `Yes: ${d.reworkReasons.map(reworkReasonText).join('; ')}` : 'No'),
    },
  ];
  return (
    <DrillTable
      what="deployments"
      caption={caption}
      rows={rows}
      columns={columns}
      rowKey={(d) => `${d.source}/${d.id}`}
      anchorOf={(d) => deploymentAnchor(d.source, d.id)}
      empty={empty}
    />
  );
}
