/**
 * The leaderboard's columns (metrics §7): each knows its header, how it sorts on the server, how it
 * renders (every figure a link to the events behind it) and how it is written to CSV.
 */
import type { ReactNode } from 'react';
import type { LeaderboardRow } from '../../lib/apiTypes.js';
import { formatDuration, formatPercent } from '../../lib/format.js';
import { subjectLink } from '../../lib/links.js';
import { BandChip } from '../../ui/BandChip.js';
import {
  type CellContext,
  drill,
  Figure,
  hours,
  missingText,
  percent,
  stepText,
  subjectOf,
} from './cellParts.js';
import type { Grouping, Sort } from './leaderboardState.js';

export type { CellContext };

export interface Column {
  id: string;
  header: string;
  sort?: Sort;
  numeric?: boolean;
  showFor?: readonly Grouping[];
  cell: (row: LeaderboardRow, context: CellContext) => ReactNode;
  csvHeader: readonly string[];
  csv: (row: LeaderboardRow) => readonly (string | number | null)[];
}

export const columns: readonly Column[] = [
  {
    id: 'name',
    header: 'Name',
    sort: 'name',
    cell: (row, c) => (
      <a
        href={subjectLink(subjectOf(row, c.groupBy), undefined, { from: c.from, to: c.to })}
        className="row-name"
      >
        {row.key}
      </a>
    ),
    csvHeader: ['name'],
    csv: (row) => [row.key],
  },
  {
    id: 'squad',
    header: 'Squad',
    showFor: ['service'],
    cell: (row) =>
      row.squad ? <a href={subjectLink({ kind: 'squad', name: row.squad })}>{row.squad}</a> : '—',
    csvHeader: ['squad'],
    csv: (row) => [row.squad],
  },
  {
    id: 'tribe',
    header: 'Tribe',
    showFor: ['service', 'squad'],
    cell: (row) =>
      row.tribe ? <a href={subjectLink({ kind: 'tribe', name: row.tribe })}>{row.tribe}</a> : '—',
    csvHeader: ['tribe'],
    csv: (row) => [row.tribe],
  },
  {
    id: 'environment',
    header: 'Environment',
    cell: (row, c) => <a href={drill(row, c, 'deployments')}>{c.environment ?? 'all production'}</a>,
    csvHeader: ['environment'],
    csv: (row) => [row.environment],
  },
  {
    id: 'deployments',
    header: 'Deployments',
    sort: 'deployments',
    numeric: true,
    cell: (row, c) => (
      <Figure
        to={drill(row, c, 'deployments')}
        text={String(row.deploymentFrequency.count)}
        label="deployments"
      >
        <BandChip compact band={row.deploymentFrequency.band} kind="deploymentFrequency" />
      </Figure>
    ),
    csvHeader: ['deployments', 'deployment frequency band'],
    csv: (row) => [row.deploymentFrequency.count, row.deploymentFrequency.band?.label ?? null],
  },
  {
    id: 'leadTimeMedian',
    header: 'Lead time (median)',
    sort: 'leadTimeMedian',
    numeric: true,
    cell: (row, c) => (
      <Figure
        to={drill(row, c, 'changes')}
        text={formatDuration(row.leadTime.median)}
        label="median lead time, see the changes"
      >
        <BandChip
          compact
          band={row.leadTime.band}
          kind="duration"
          sample={{ kind: 'changes', size: row.leadTime.count }}
        />
      </Figure>
    ),
    csvHeader: ['lead time median (h)', 'lead time band', 'changes'],
    csv: (row) => [hours(row.leadTime.median), row.leadTime.band?.label ?? null, row.leadTime.count],
  },
  {
    id: 'leadTimeMean',
    header: 'Lead time (average)',
    sort: 'leadTimeMean',
    numeric: true,
    cell: (row, c) => (
      <Figure
        to={drill(row, c, 'changes')}
        text={formatDuration(row.leadTime.mean)}
        label="average lead time, see the changes"
      />
    ),
    csvHeader: ['lead time average (h)'],
    csv: (row) => [hours(row.leadTime.mean)],
  },
  {
    id: 'changeFailureRate',
    header: 'Change failure rate',
    sort: 'changeFailureRate',
    numeric: true,
    cell: (row, c) => (
      <Figure
        to={drill(row, c, 'deployments', 'failed')}
        text={formatPercent(row.changeFailureRate.rate)}
        label={`change failure rate, ${row.changeFailureRate.failed} failed deployments`}
      >
        <BandChip
          compact
          band={row.changeFailureRate.band}
          kind="changeFailure"
          sample={{ kind: 'deployments', size: row.changeFailureRate.total }}
        />
      </Figure>
    ),
    csvHeader: ['change failure rate (%)', 'failed deployments', 'change failure band'],
    csv: (row) => [
      percent(row.changeFailureRate.rate),
      row.changeFailureRate.failed,
      row.changeFailureRate.band?.label ?? null,
    ],
  },
  {
    id: 'recovery',
    header: 'Recovery time (median)',
    sort: 'recoveryTimeMedian',
    numeric: true,
    cell: (row, c) => (
      <Figure
        to={drill(row, c, 'deployments', 'failed')}
        text={formatDuration(row.failedDeploymentRecoveryTime.median)}
        label="median failed deployment recovery time"
      >
        <BandChip
          compact
          band={row.failedDeploymentRecoveryTime.band}
          kind="duration"
          sample={{ kind: 'deployments', size: row.failedDeploymentRecoveryTime.count }}
        />
      </Figure>
    ),
    csvHeader: ['recovery time median (h)', 'recovery band', 'recovered deployments'],
    csv: (row) => [
      hours(row.failedDeploymentRecoveryTime.median),
      row.failedDeploymentRecoveryTime.band?.label ?? null,
      row.failedDeploymentRecoveryTime.count,
    ],
  },
  {
    id: 'timeToRestore',
    header: 'Time to restore (median)',
    sort: 'timeToRestoreMedian',
    numeric: true,
    cell: (row, c) => (
      <Figure
        to={drill(row, c, 'incidents')}
        text={formatDuration(row.timeToRestore.median)}
        label="median time to restore, see the incidents"
      >
        {row.timeToRestore.band === null && missingText(row, 'timeToRestore') ? (
          <span className="muted small">{missingText(row, 'timeToRestore')}</span>
        ) : (
          <BandChip
            compact
            band={row.timeToRestore.band}
            kind="duration"
            sample={{ kind: 'incidents', size: row.timeToRestore.count }}
          />
        )}
      </Figure>
    ),
    csvHeader: ['time to restore median (h)', 'time to restore band', 'incidents restored'],
    csv: (row) => [
      hours(row.timeToRestore.median),
      row.timeToRestore.band?.label ?? null,
      row.timeToRestore.count,
    ],
  },
  {
    id: 'reworkRate',
    header: 'Rework rate',
    sort: 'reworkRate',
    numeric: true,
    cell: (row, c) => (
      <Figure
        to={drill(row, c, 'deployments', 'rework')}
        text={formatPercent(row.reworkRate.rate)}
        label={`rework rate, ${row.reworkRate.rework} unplanned deployments`}
      >
        <span className="sample">
          {row.reworkRate.rework} of {row.reworkRate.total}
        </span>
      </Figure>
    ),
    csvHeader: ['rework rate (%)', 'rework deployments'],
    csv: (row) => [percent(row.reworkRate.rate), row.reworkRate.rework],
  },
  {
    id: 'improvement',
    header: 'Improvement',
    sort: 'improvement',
    numeric: true,
    cell: (row, c) => {
      const score = row.improvement.score;
      const tone = score === null || score === 0 ? 'neutral' : score > 0 ? 'better' : 'worse';
      const detail = Object.entries(row.improvement.bands)
        .map(([key, step]) => `${key}: ${step === null ? 'n/a' : step > 0 ? `+${step}` : step}`)
        .join(', ');
      return (
        <a
          href={subjectLink(subjectOf(row, c.groupBy), undefined, { from: c.from, to: c.to })}
          className={`trend trend-${tone}`}
          title={`Band steps against the previous period: ${detail}`}
        >
          {stepText(score)}
        </a>
      );
    },
    csvHeader: ['improvement (band steps)'],
    csv: (row) => [row.improvement.score],
  },
];

export const columnsFor = (groupBy: Grouping) =>
  columns.filter((column) => !column.showFor || column.showFor.includes(groupBy));
