import { startTransition, useEffect, useState } from 'react';
import type { LeaderboardResponse } from '../../lib/apiTypes.js';
import { formatWindow } from '../../lib/format.js';
import { useLinkDelegation } from '../../lib/useLinkDelegation.js';
import { ScrollRegion } from '../../ui/ScrollRegion.js';
import { type CellContext, columnsFor } from './columns.js';
import type { LeaderboardView, Sort } from './leaderboardState.js';

interface LeaderboardTableProps {
  data: LeaderboardResponse;
  view: LeaderboardView;
  onSort: (sort: Sort) => void;
  /** True while the rows are those of the previous view and the new ones are on their way. */
  stale: boolean;
}

const groupNames = { service: 'Services', squad: 'Squads', tribe: 'Tribes' } as const;
const sortNames: Record<Sort, string> = {
  name: 'name',
  deployments: 'deployments',
  leadTimeMedian: 'median lead time',
  leadTimeMean: 'average lead time',
  changeFailureRate: 'change failure rate',
  recoveryTimeMedian: 'recovery time',
  timeToRestoreMedian: 'time to restore',
  reworkRate: 'rework rate',
  improvement: 'improvement against the previous period',
};

/** Rows shown at once; the rest follow in an interruptible render, so a big board is usable at once. */
const firstRows = 50;

/** The rows to render: the first ones straight away, all of them right after the first paint. */
function useProgressiveRows(data: LeaderboardResponse) {
  const [complete, setComplete] = useState<LeaderboardResponse | null>(null);
  const all = complete === data || data.rows.length <= firstRows;
  useEffect(() => {
    if (all) return;
    const timer = setTimeout(() => startTransition(() => setComplete(data)), 0);
    return () => clearTimeout(timer);
  }, [all, data]);
  return { rows: all ? data.rows : data.rows.slice(0, firstRows), complete: all };
}

/** The leaderboard as a real table: sortable headers with aria-sort, one link per figure. */
export function LeaderboardTable({ data, view, onSort, stale }: LeaderboardTableProps) {
  const shown = columnsFor(view.groupBy);
  const onClick = useLinkDelegation();
  const { rows, complete } = useProgressiveRows(data);
  const context: CellContext = {
    groupBy: view.groupBy,
    from: data.from,
    to: data.to,
    environment: view.environment,
  };
  return (
    <ScrollRegion label="Leaderboard table">
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: Enter on a focused link fires this same click */}
      <table className="data-table leaderboard" onClick={onClick} data-complete={complete} aria-busy={stale}>
        <caption>
          {groupNames[view.groupBy]} by {sortNames[view.sort]} (
          {view.order === 'asc' ? 'ascending' : 'descending'}),{' '}
          {formatWindow(view.window.from, view.window.to)}
          {view.environment ? `, environment ${view.environment}` : ', all production environments'}
        </caption>
        <thead>
          <tr>
            {shown.map((column) => {
              const sorted = column.sort !== undefined && column.sort === view.sort;
              const header = column.id === 'name' ? groupNames[view.groupBy].slice(0, -1) : column.header;
              return (
                <th
                  key={column.id}
                  scope="col"
                  className={column.numeric ? 'numeric' : undefined}
                  aria-sort={sorted ? (view.order === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {column.sort ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => column.sort && onSort(column.sort)}
                    >
                      {header}
                      <span className="sort-mark" aria-hidden="true">
                        {sorted ? (view.order === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  ) : (
                    header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {shown.map((column, index) =>
                index === 0 ? (
                  <th key={column.id} scope="row">
                    {column.cell(row, context)}
                  </th>
                ) : (
                  <td key={column.id} className={column.numeric ? 'numeric' : undefined}>
                    {column.cell(row, context)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
