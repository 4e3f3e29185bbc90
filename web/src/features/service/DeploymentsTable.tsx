import { Link } from 'react-router';
import type { DeploymentRow } from '../../lib/apiTypes.js';
import { formatDateTime, formatDuration, shortSha } from '../../lib/format.js';
import { deploymentAnchor, subjectLink } from '../../lib/links.js';
import { ScrollRegion } from '../../ui/ScrollRegion.js';
import { FailureReasonText, reworkReasonText } from './reasons.js';
import { usePaged } from './usePaged.js';

interface DeploymentsTableProps {
  rows: readonly DeploymentRow[];
  caption: string;
  /** The incidents tab of the same subject and window, for links to the incidents behind a failure. */
  incidentsPath: string;
  /** All deployments of the same subject and window, for links to the next deployment. */
  deploymentsPath: string;
  showService: boolean;
}

/** Logical deployments: what each carried, whether it failed and why, rework and recovery. */
export function DeploymentsTable({
  rows,
  caption,
  incidentsPath,
  deploymentsPath,
  showService,
}: DeploymentsTableProps) {
  const paged = usePaged(rows, (d) => deploymentAnchor(d.source, d.id));
  return (
    <>
      <ScrollRegion label="Deployments table">
        <table className="data-table drill-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Deployment</th>
              <th scope="col">Finished</th>
              {showService && <th scope="col">Service</th>}
              <th scope="col">Version</th>
              <th scope="col">Environments</th>
              <th scope="col" className="numeric">
                Changes carried
              </th>
              <th scope="col">Outcome</th>
              <th scope="col">Recovery</th>
              <th scope="col">Rework</th>
            </tr>
          </thead>
          <tbody>
            {paged.shown.map((d) => (
              <tr key={`${d.source}/${d.id}`} id={deploymentAnchor(d.source, d.id)}>
                <th scope="row">
                  {d.id}
                  <span className="muted small block">{d.source}</span>
                </th>
                <td>{formatDateTime(d.finishedAt)}</td>
                {showService && (
                  <td>
                    <Link to={subjectLink({ kind: 'service', name: d.service })}>{d.service}</Link>
                  </td>
                )}
                <td>
                  <code>{d.version ?? shortSha(d.sha)}</code>
                </td>
                <td>{d.environments.join(', ')}</td>
                <td className="numeric">
                  {d.changes.length === 0 ? (
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
                  )}
                </td>
                <td className="wrap">
                  {d.failed ? (
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
                  )}
                </td>
                <td>
                  {d.failed
                    ? d.recoverySeconds === null
                      ? 'not recovered yet'
                      : `${formatDuration(d.recoverySeconds)} (at ${formatDateTime(d.recoveredAt)})`
                    : '—'}
                </td>
                <td className="wrap">
                  {d.rework ? `Yes: ${d.reworkReasons.map(reworkReasonText).join('; ')}` : 'No'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {paged.more > 0 && (
        <button type="button" className="button show-more" onClick={paged.showMore}>
          Show {paged.more} more deployments
        </button>
      )}
    </>
  );
}
