import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { formatDuration, formatPercent } from '../../lib/format.js';
import { subjectLink } from '../../lib/links.js';
import { type GroupBy, type Subject, useWeeklyMetrics } from '../../lib/queries.js';
import { lastWeeks } from '../../lib/timeWindow.js';
import { Chart } from '../../ui/charts/Chart.js';
import type { Palette } from '../../ui/charts/palette.js';
import { ErrorState, Skeleton } from '../../ui/QueryState.js';
import { ScrollRegion } from '../../ui/ScrollRegion.js';
import { type TrendMetric, trendOption } from './trendOptions.js';
import { type WeekPoint, weekPoints } from './trendSeries.js';

interface KeyTrendsProps {
  groupBy: GroupBy;
  /** The group's key; null takes the only group (the organisation). */
  groupKey: string | null;
  /** Where a click on a week leads: the subject's drill-downs, or the leaderboard for the organisation. */
  subject: Subject | null;
  title: string;
}

const charts: { metric: TrendMetric; title: string; tab: 'deployments' | 'changes' }[] = [
  { metric: 'deployments', title: 'Deployment frequency', tab: 'deployments' },
  { metric: 'leadTime', title: 'Lead time for changes (median)', tab: 'changes' },
  { metric: 'changeFailure', title: 'Change failure rate', tab: 'deployments' },
  { metric: 'recovery', title: 'Recovery time and time to restore (median)', tab: 'deployments' },
];

interface TrendChartProps {
  metric: TrendMetric;
  title: string;
  points: WeekPoint[];
  pending: boolean;
  onWeek: (index: number) => void;
}

function TrendChart({ metric, title, points, pending, onWeek }: TrendChartProps) {
  const build = useCallback((palette: Palette) => trendOption(metric, points, palette), [metric, points]);
  return (
    <figure className="trend-figure">
      <figcaption>{title}</figcaption>
      {pending ? (
        <Skeleton height="17rem" label={`Loading ${title}…`} />
      ) : (
        <Chart
          build={build}
          height="17rem"
          label={`${title} by week; the figures are in the table below`}
          onPointClick={(p) => onWeek(p.dataIndex)}
        />
      )}
    </figure>
  );
}

/** The four keys week by week (the last 13 weeks), with their band thresholds, and the same as a table. */
export function KeyTrends({ groupBy, groupKey, subject, title }: KeyTrendsProps) {
  const weeks = useMemo(() => lastWeeks(13), []);
  const weekly = useWeeklyMetrics(groupBy, weeks);
  const navigate = useNavigate();
  const points = useMemo(() => weekPoints(weeks, weekly.data, groupKey), [weeks, weekly.data, groupKey]);
  const onWeek = (metric: TrendMetric, tab: 'deployments' | 'changes') => (index: number) => {
    const week = weeks[index];
    if (!week) return;
    const show = metric === 'changeFailure' || metric === 'recovery' ? 'failed' : undefined;
    navigate(
      subject
        ? subjectLink(subject, tab, { from: week.from, to: week.to, show })
        : `/leaderboard?groupBy=squad&from=${week.from}&to=${week.to}`,
    );
  };
  return (
    <section aria-labelledby={`trends-${groupBy}`} className="trends">
      <h2 id={`trends-${groupBy}`}>{title}</h2>
      {weekly.error ? (
        <ErrorState error={weekly.error} what="the weekly figures" />
      ) : (
        <>
          <p className="muted small">
            Weeks start on Monday; the last one is the week so far. Dashed lines are the band thresholds.
            Select a week's point to see the events behind it.
          </p>
          <div className="trend-grid">
            {charts.map((chart) => (
              <TrendChart
                key={chart.metric}
                metric={chart.metric}
                title={chart.title}
                points={points}
                pending={weekly.pending}
                onWeek={onWeek(chart.metric, chart.tab)}
              />
            ))}
          </div>
          <details className="trend-table">
            <summary>Show the weekly figures as a table</summary>
            <TrendTable points={points} />
          </details>
        </>
      )}
    </section>
  );
}

function TrendTable({ points }: { points: WeekPoint[] }) {
  return (
    <ScrollRegion label="Weekly figures">
      <table className="data-table">
        <caption>The four keys by week</caption>
        <thead>
          <tr>
            <th scope="col">Week starting</th>
            <th scope="col" className="numeric">
              Deployments
            </th>
            <th scope="col" className="numeric">
              Deploy days
            </th>
            <th scope="col" className="numeric">
              Lead time (median)
            </th>
            <th scope="col" className="numeric">
              Change failure rate
            </th>
            <th scope="col" className="numeric">
              Recovery time (median)
            </th>
            <th scope="col" className="numeric">
              Time to restore (median)
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.week.from}>
              <th scope="row">{p.week.current ? `${p.week.from} (so far)` : p.week.from}</th>
              <td className="numeric">{p.deployments ?? '—'}</td>
              <td className="numeric">{p.deployDays ?? '—'}</td>
              <td className="numeric">{formatDuration(p.figures?.leadTime.median)}</td>
              <td className="numeric">{formatPercent(p.figures?.changeFailureRate.rate)}</td>
              <td className="numeric">{formatDuration(p.figures?.failedDeploymentRecoveryTime.median)}</td>
              <td className="numeric">{formatDuration(p.figures?.timeToRestore.median)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
