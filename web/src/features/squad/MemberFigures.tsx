import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Band, Figures } from '../../lib/apiTypes.js';
import { formatDuration, formatPercent } from '../../lib/format.js';
import { type DrillParams, type DrillTab, subjectLink } from '../../lib/links.js';
import { useMetrics, type WindowQuery } from '../../lib/queries.js';
import { BandChip } from '../../ui/BandChip.js';
import { ErrorState, Skeleton } from '../../ui/QueryState.js';
import { ScrollRegion } from '../../ui/ScrollRegion.js';

type MemberKind = 'service' | 'squad';

interface KindOptions {
  header: string;
  label: string;
  skeleton: string;
  /** Bands beside every figure, or beside the deployments only. */
  allBands: boolean;
  recovery: {
    header: string;
    stats: (figures: Figures) => { median: number | null; band: Band | null };
    /** Where the figure leads: the incidents, or the failed deployments. */
    tab: DrillTab;
    show?: 'failed';
  };
}

/**
 * What differs between the services of a squad and the squads of a tribe: a service's recovery is
 * its incidents' time to restore, a squad's the recovery time of its failed deployments, with bands.
 */
const kinds: Record<MemberKind, KindOptions> = {
  service: {
    header: 'Service',
    label: 'Services of the squad',
    skeleton: '10rem',
    allBands: false,
    recovery: {
      header: 'Time to restore (median)',
      stats: (figures) => figures.timeToRestore,
      tab: 'incidents',
    },
  },
  squad: {
    header: 'Squad',
    label: 'Squads of the tribe',
    skeleton: '12rem',
    allBands: true,
    recovery: {
      header: 'Recovery time (median)',
      stats: (figures) => figures.failedDeploymentRecoveryTime,
      tab: 'deployments',
      show: 'failed',
    },
  },
};

/** A figure as a link to the events behind it, and its band when given. */
function FigureCell({ to, text, chip }: { to: string; text: ReactNode; chip?: ReactNode }) {
  return (
    <td className="numeric">
      <Link to={to}>{text}</Link>
      {chip && <> {chip}</>}
    </td>
  );
}

interface MemberFiguresProps {
  /** The services of a squad, or the squads of a tribe. */
  kind: MemberKind;
  names: readonly string[];
  query: WindowQuery;
  caption: string;
}

/** The members of a squad or tribe, each with its figures, every figure a link to the events behind it. */
export function MemberFigures({ kind, names, query, caption }: MemberFiguresProps) {
  const metrics = useMetrics(kind, query);
  const { header, label, skeleton, allBands, recovery } = kinds[kind];
  if (metrics.isPending) return <Skeleton height={skeleton} />;
  if (metrics.isError) return <ErrorState error={metrics.error} what={`the ${kind}s' figures`} />;
  const rows = names.map((name) => ({ name, figures: metrics.data.groups.find((g) => g.key === name) }));
  const window: DrillParams = { from: query.from, to: query.to, environment: query.environment };
  const banded = (chip: ReactNode) => (allBands ? chip : undefined);
  return (
    <ScrollRegion label={label}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{header}</th>
            <th scope="col" className="numeric">
              Deployments
            </th>
            <th scope="col" className="numeric">
              Lead time (median)
            </th>
            <th scope="col" className="numeric">
              Change failure rate
            </th>
            <th scope="col" className="numeric">
              {recovery.header}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ name, figures }) => {
            const member = { kind, name };
            const restored = figures && recovery.stats(figures);
            return (
              <tr key={name}>
                <th scope="row">
                  <Link to={subjectLink(member, undefined, window)}>{name}</Link>
                </th>
                <FigureCell
                  to={subjectLink(member, 'deployments', window)}
                  text={figures?.deploymentFrequency.count ?? 0}
                  chip={
                    <BandChip band={figures?.deploymentFrequency.band ?? null} kind="deploymentFrequency" />
                  }
                />
                <FigureCell
                  to={subjectLink(member, 'changes', window)}
                  text={formatDuration(figures?.leadTime.median)}
                  chip={banded(<BandChip band={figures?.leadTime.band ?? null} kind="duration" />)}
                />
                <FigureCell
                  to={subjectLink(member, 'deployments', { ...window, show: 'failed' })}
                  text={formatPercent(figures?.changeFailureRate.rate)}
                  chip={banded(
                    <BandChip band={figures?.changeFailureRate.band ?? null} kind="changeFailure" />,
                  )}
                />
                <FigureCell
                  to={subjectLink(member, recovery.tab, { ...window, show: recovery.show })}
                  text={formatDuration(restored?.median)}
                  chip={banded(<BandChip band={restored?.band ?? null} kind="duration" />)}
                />
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
