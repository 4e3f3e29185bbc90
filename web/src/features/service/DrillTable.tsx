import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { deploymentAnchor, subjectLink } from '../../lib/links.js';
import { ScrollRegion } from '../../ui/ScrollRegion.js';
import { usePaged } from './usePaged.js';

/** One column of a drill-down table: its header and how a row fills its cell. */
export interface DrillColumn<T> {
  header: string;
  /** A figure: right-aligned, header and cells alike. */
  numeric?: boolean;
  /** Long text (reasons) that wraps instead of widening the table. */
  wrap?: boolean;
  cell: (row: T) => ReactNode;
}

interface DrillTableProps<T> {
  /** What the rows are, in the plural and lower case: names the scroll region and the show-more button. */
  what: string;
  caption: string;
  rows: readonly T[];
  /** The first column heads each row (`<th scope="row">`). */
  columns: readonly DrillColumn<T>[];
  rowKey: (row: T) => string;
  /** The row's id, when other tables link to it (`…#anchor`): such a row is always shown and scrolled to. */
  anchorOf?: (row: T) => string;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  /** Shown above the table, when there are rows. */
  legend?: ReactNode;
}

const cellClass = ({ numeric, wrap }: Pick<DrillColumn<unknown>, 'numeric' | 'wrap'>) =>
  numeric ? 'numeric' : wrap ? 'wrap' : undefined;

/** The events behind a figure as a table, a hundred rows at a time. */
export function DrillTable<T>({
  what,
  caption,
  rows,
  columns,
  rowKey,
  anchorOf,
  empty,
  legend,
}: DrillTableProps<T>) {
  const paged = usePaged(rows, anchorOf);
  if (rows.length === 0) return empty;
  const [head, ...rest] = columns;
  return (
    <>
      {legend}
      <ScrollRegion label={`${what.charAt(0).toUpperCase()}${what.slice(1)} table`}>
        <table className="data-table drill-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.header} scope="col" className={column.numeric ? 'numeric' : undefined}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {paged.shown.map((row) => (
              <tr key={rowKey(row)} id={anchorOf?.(row)}>
                {head && <th scope="row">{head.cell(row)}</th>}
                {rest.map((column) => (
                  <td key={column.header} className={cellClass(column)}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {paged.more > 0 && (
        <button type="button" className="button show-more" onClick={paged.showMore}>
          Show {paged.more} more {what}
        </button>
      )}
    </>
  );
}

/** The heading column of events that a source names: the event's id above its source. */
export const eventColumn = <T extends { id: string; source: string }>(header: string): DrillColumn<T> => ({
  header,
  cell: (row) => (
    <>
      {row.id}
      <span className="muted small block">{row.source}</span>
    </>
  ),
});

/** A link to a service's page. */
export function ServiceLink({ name }: { name: string }) {
  return <Link to={subjectLink({ kind: 'service', name })}>{name}</Link>;
}

/** The column naming each row's service, for tables of a squad or a tribe. */
export const serviceColumn = <T extends { service: string }>(): DrillColumn<T> => ({
  header: 'Service',
  cell: (row) => <ServiceLink name={row.service} />,
});

/** A link to a deployment's row in the deployments table at `deploymentsPath`. */
export function DeploymentLink({
  deploymentsPath,
  deployment,
}: {
  deploymentsPath: string;
  deployment: { source: string; id: string };
}) {
  return (
    <Link to={`${deploymentsPath}#${deploymentAnchor(deployment.source, deployment.id)}`}>
      {deployment.id}
    </Link>
  );
}
