import type { LeaderboardResponse } from '../../lib/apiTypes.js';
import { toCsv } from '../../lib/csv.js';
import { columnsFor } from './columns.js';
import type { Grouping } from './leaderboardState.js';

/** The visible rows and columns as CSV, raw figures (hours, percent) with their units in the header. */
export function leaderboardCsv(data: LeaderboardResponse, groupBy: Grouping): string {
  const shown = columnsFor(groupBy);
  const header = shown.flatMap((column) => (column.id === 'name' ? [groupBy] : column.csvHeader));
  return toCsv(
    header,
    data.rows.map((row) => shown.flatMap((column) => column.csv(row))),
  );
}

export function leaderboardFilename(data: LeaderboardResponse, groupBy: Grouping): string {
  return `leaderboard-${groupBy}-${data.from.slice(0, 10)}-to-${data.to.slice(0, 10)}.csv`;
}
