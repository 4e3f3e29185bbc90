import type { ReactNode } from 'react';
import type { ChangeRow } from '../../lib/apiTypes.js';
import { formatDateTime, formatDuration, shortSha } from '../../lib/format.js';
import { DeploymentLink, type DrillColumn, DrillTable, serviceColumn } from './DrillTable.js';

interface ChangesTableProps {
  rows: readonly ChangeRow[];
  caption: string;
  deploymentsPath: string;
  showService: boolean;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
}

/** The parts of a lead time as a bar (coding, review, waiting to deploy), with the same in words. */
function LeadTimeParts({ change }: { change: ChangeRow }) {
  const parts = [
    { key: 'coding', seconds: change.codingSeconds },
    { key: 'review', seconds: change.reviewSeconds },
    { key: 'waiting', seconds: change.waitingSeconds },
  ];
  const total = parts.reduce((sum, part) => sum + (part.seconds ?? 0), 0);
  if (total <= 0) return null;
  return (
    <span className="parts-bar" aria-hidden="true">
      {parts.map((part) =>
        part.seconds ? (
          <span
            key={part.key}
            className={`part part-${part.key}`}
            style={{ width: `${(part.seconds / total) * 100}%` }}
          />
        ) : null,
      )}
    </span>
  );
}

/** Carried changes with their lead time and its parts. */
export function ChangesTable({ rows, caption, deploymentsPath, showService, empty }: ChangesTableProps) {
  const columns: DrillColumn<ChangeRow>[] = [
    {
      header: 'Change',
      cell: (c) => (
        <>
          <code>{shortSha(c.sha)}</code>
          <span className="muted small block">{c.repo}</span>
        </>
      ),
    },
    ...(showService ? [serviceColumn<ChangeRow>()] : []),
    { header: 'Started', cell: (c) => formatDateTime(c.startAt) },
    { header: 'Deployed', cell: (c) => formatDateTime(c.finishedAt) },
    {
      header: 'Lead time',
      numeric: true,
      cell: (c) => (
        <>
          {c.negative ? 'negative (dropped)' : formatDuration(c.leadTimeSeconds)}
          <LeadTimeParts change={c} />
        </>
      ),
    },
    { header: 'Coding', numeric: true, cell: (c) => formatDuration(c.codingSeconds) },
    { header: 'Review', numeric: true, cell: (c) => formatDuration(c.reviewSeconds) },
    { header: 'Waiting to deploy', numeric: true, cell: (c) => formatDuration(c.waitingSeconds) },
    {
      header: 'Deployment',
      cell: (c) => <DeploymentLink deploymentsPath={deploymentsPath} deployment={c.deployment} />,
    },
    {
      header: 'Labels',
      cell: (c) => [...c.labels, ...(c.reverts.length ? ['revert'] : [])].join(', ') || '—',
    },
  ];
  return (
    <DrillTable
      what="changes"
      caption={caption}
      rows={rows}
      columns={columns}
      rowKey={(c) => `${c.repo}/${c.sha}/${c.deployment.id}`}
      empty={empty}
      legend={
        <p className="legend small" aria-hidden="true">
          <span className="part part-coding" /> coding <span className="part part-review" /> review{' '}
          <span className="part part-waiting" /> waiting to deploy
        </p>
      }
    />
  );
}
