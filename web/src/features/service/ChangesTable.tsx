import { Link } from 'react-router';
import type { ChangeRow } from '../../lib/apiTypes.js';
import { formatDateTime, formatDuration, shortSha } from '../../lib/format.js';
import { deploymentAnchor, subjectLink } from '../../lib/links.js';
import { ScrollRegion } from '../../ui/ScrollRegion.js';
import { usePaged } from './usePaged.js';

interface ChangesTableProps {
  rows: readonly ChangeRow[];
  caption: string;
  deploymentsPath: string;
  showService: boolean;
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
export function ChangesTable({ rows, caption, deploymentsPath, showService }: ChangesTableProps) {
  const paged = usePaged(rows, (c) => `${c.repo}-${c.sha}`);
  return (
    <>
      <p className="legend small" aria-hidden="true">
        <span className="part part-coding" /> coding <span className="part part-review" /> review{' '}
        <span className="part part-waiting" /> waiting to deploy
      </p>
      <ScrollRegion label="Changes table">
        <table className="data-table drill-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Change</th>
              {showService && <th scope="col">Service</th>}
              <th scope="col">Started</th>
              <th scope="col">Deployed</th>
              <th scope="col" className="numeric">
                Lead time
              </th>
              <th scope="col" className="numeric">
                Coding
              </th>
              <th scope="col" className="numeric">
                Review
              </th>
              <th scope="col" className="numeric">
                Waiting to deploy
              </th>
              <th scope="col">Deployment</th>
              <th scope="col">Labels</th>
            </tr>
          </thead>
          <tbody>
            {paged.shown.map((c) => (
              <tr key={`${c.repo}/${c.sha}/${c.deployment.id}`}>
                <th scope="row">
                  <code>{shortSha(c.sha)}</code>
                  <span className="muted small block">{c.repo}</span>
                </th>
                {showService && (
                  <td>
                    <Link to={subjectLink({ kind: 'service', name: c.service })}>{c.service}</Link>
                  </td>
                )}
                <td>{formatDateTime(c.startAt)}</td>
                <td>{formatDateTime(c.finishedAt)}</td>
                <td className="numeric">
                  {c.negative ? 'negative (dropped)' : formatDuration(c.leadTimeSeconds)}
                  <LeadTimeParts change={c} />
                </td>
                <td className="numeric">{formatDuration(c.codingSeconds)}</td>
                <td className="numeric">{formatDuration(c.reviewSeconds)}</td>
                <td className="numeric">{formatDuration(c.waitingSeconds)}</td>
                <td>
                  <Link to={`${deploymentsPath}#${deploymentAnchor(c.deployment.source, c.deployment.id)}`}>
                    {c.deployment.id}
                  </Link>
                </td>
                <td>{[...c.labels, ...(c.reverts.length ? ['revert'] : [])].join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {paged.more > 0 && (
        <button type="button" className="button show-more" onClick={paged.showMore}>
          Show {paged.more} more changes
        </button>
      )}
    </>
  );
}
