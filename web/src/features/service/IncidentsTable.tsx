import type { ReactNode } from 'react';
import type { IncidentRow } from '../../lib/apiTypes.js';
import { formatDateTime, formatDuration } from '../../lib/format.js';
import { incidentAnchor } from '../../lib/links.js';
import { DeploymentLink, type DrillColumn, DrillTable, eventColumn, ServiceLink } from './DrillTable.js';

interface IncidentsTableProps {
  rows: readonly IncidentRow[];
  caption: string;
  deploymentsPath: string;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
}

/** Incidents: time to acknowledge, time to restore, and the deployments they are attributed to. */
export function IncidentsTable({ rows, caption, deploymentsPath, empty }: IncidentsTableProps) {
  const columns: DrillColumn<IncidentRow>[] = [
    eventColumn<IncidentRow>('Incident'),
    {
      header: 'Services',
      cell: (i) =>
        i.services.map((service, index) => (
          <span key={service}>
            {index > 0 && ', '}
            <ServiceLink name={service} />
          </span>
        )),
    },
    { header: 'Opened', cell: (i) => formatDateTime(i.openedAt) },
    {
      header: 'Time to acknowledge',
      numeric: true,
      cell: (i) =>
        i.acknowledgeSeconds === null ? 'not acknowledged' : formatDuration(i.acknowledgeSeconds),
    },
    {
      header: 'Time to restore',
      numeric: true,
      cell: (i) =>
        i.open ? <span className="status status-bad">Open</span> : formatDuration(i.restoreSeconds),
    },
    {
      header: 'Change-related',
      cell: (i) => (
        <>
          {i.changeRelated ? 'Yes' : 'No'}
          {i.causedBy && <span className="muted small block">caused by {i.causedBy}</span>}
        </>
      ),
    },
    {
      header: 'Attributed deployment',
      cell: (i) =>
        i.attributedTo.length === 0
          ? '—'
          : i.attributedTo.map((d, index) => (
              <span key={`${d.source}/${d.id}`}>
                {index > 0 && ', '}
                <DeploymentLink deploymentsPath={deploymentsPath} deployment={d} />{' '}
                <span className="muted small">({d.service})</span>
              </span>
            )),
    },
  ];
  return (
    <DrillTable
      what="incidents"
      caption={caption}
      rows={rows}
      columns={columns}
      rowKey={(i) => `${i.source}/${i.id}`}
      anchorOf={(i) => incidentAnchor(i.source, i.id)}
      empty={empty}
    />
  );
}
