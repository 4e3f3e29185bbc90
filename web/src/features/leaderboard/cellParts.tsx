/** The parts of the leaderboard's cells: links to the drill-downs, figures, and their CSV values. */
import type { ReactNode } from 'react';
import type { LeaderboardRow } from '../../lib/apiTypes.js';
import { type DrillTab, subjectLink } from '../../lib/links.js';
import type { Subject } from '../../lib/queries.js';
import type { Grouping } from './leaderboardState.js';

export interface CellContext {
  groupBy: Grouping;
  from: string;
  to: string;
  environment: string | undefined;
}

export const subjectOf = (row: LeaderboardRow, groupBy: Grouping): Subject => ({
  kind: groupBy,
  name: row.key,
});

export const hours = (seconds: number | null) =>
  seconds === null ? null : Math.round((seconds / 3_600) * 100) / 100;
export const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1_000) / 10);

export function drill(row: LeaderboardRow, context: CellContext, tab: DrillTab, show?: string) {
  return subjectLink(subjectOf(row, context.groupBy), tab, {
    from: context.from,
    to: context.to,
    environment: context.environment,
    show,
  });
}

export function missingText(row: LeaderboardRow, metric: string): string | undefined {
  return row.missing.find((m) => m.metric === metric)?.message;
}

/**
 * A figure as a plain link (the table delegates clicks to the router: hundreds of router links would
 * cost more than the whole table), named with its meaning for screen readers.
 */
export function Figure({
  to,
  text,
  label,
  children,
}: {
  to: string;
  text: string;
  label: string;
  children?: ReactNode;
}) {
  return (
    <div className="cell-figure">
      <a href={to} aria-label={`${text} ${label}`}>
        {text}
      </a>
      {children}
    </div>
  );
}

export function stepText(score: number | null): string {
  if (score === null) return '—';
  if (score === 0) return 'no change';
  const bands = Math.abs(score) === 1 ? 'band' : 'bands';
  return score > 0 ? `+${score} ${bands} better` : `−${Math.abs(score)} ${bands} worse`;
}
