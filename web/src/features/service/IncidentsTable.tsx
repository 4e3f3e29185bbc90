import { Link } from 'react-router';
import type { IncidentRow } from '../../lib/apiTypes.js';
import { formatDateTime, formatDuration } from '../../lib/format.js';
import { deploymentAnchor, incidentAnchor, subjectLink } from '../../lib/links.js';
import { ScrollRegion } from '../../ui/ScrollRegion.js';
import { usePaged } from './usePaged.js';

interface IncidentsTableProps {
  rows: readonly IncidentRow[];
  caption: string;
  deploymentsPath: string;
}

/** Incidents: time to acknowledge, time to restore, and the deployments they are attributed to. */
export function IncidentsTable({ rows, caption, deploymentsPath }: IncidentsTableProps) {
  const paged = usePaged(rows, (i) => incidentAnchor(i.source, i.id));
  return (
    <>
      <ScrollRegion label="Incidents table">
        <table className="data-table drill-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Services</th>
              <th scope="col">Opened</th>
              <th scope="col" className="numeric">
                Time to acknowledge
              </th>
              <th scope="col" className="numeric">
                Time to restore
              </th>
              <th scope="col">Change-related</th>
              <th scope="col">Attributed deployment</th>
            </tr>
          </thead>
          <tbody>
            {paged.shown.map((i) => (
              <tr key={`${i.source}/${i.id}`} id={incidentAnchor(i.source, i.id)}>
                <th scope="row">
                  {i.id}
                  <span className="muted small block">{i.source}</span>
                </th>
                <td>
                  {i.services.map((service, index) => (
                    <span key={service}>
                      {index > 0 && ', '}
                      <Link to={subjectLink({ kind: 'service', name: service })}>{service}</Link>
                    </span>
                  ))}
                </td>
                <td>{formatDateTime(i.openedAt)}</td>
                <td className="numeric">
                  {i.acknowledgeSeconds === null ? 'not acknowledged' : formatDuration(i.acknowledgeSeconds)}
                </td>
                <td className="numeric">
                  {i.open ? (
                    <span className="status status-bad">Open</span>
                  ) : (
                    formatDuration(i.restoreSeconds)
                  )}
                </td>
                <td>
                  {i.changeRelated ? 'Yes' : 'No'}
                  {i.causedBy && <span className="muted small block">caused by {i.causedBy}</span>}
                </td>
                <td>
                  {i.attributedTo.length === 0
                    ? '—'
                    : i.attributedTo.map((d, index) => (
                        <span key={`${d.source}/${d.id}`}>
                          {index > 0 && ', '}
                          <Link to={`${deploymentsPath}#${deploymentAnchor(d.source, d.id)}`}>{d.id}</Link>{' '}
                          <span className="muted small">({d.service})</span>
                        </span>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {paged.more > 0 && (
        <button type="button" className="button show-more" onClick={paged.showMore}>
          Show {paged.more} more incidents
        </button>
      )}
    </>
  );
}
