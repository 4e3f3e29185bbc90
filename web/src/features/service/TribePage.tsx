import { Link } from 'react-router';
import { formatDuration, formatPercent } from '../../lib/format.js';
import { subjectLink } from '../../lib/links.js';
import { useMetrics } from '../../lib/queries.js';
import { usePageTitle } from '../../lib/usePageTitle.js';
import { BandChip } from '../../ui/BandChip.js';
import { ErrorState, Skeleton } from '../../ui/QueryState.js';
import { ScrollRegion } from '../../ui/ScrollRegion.js';
import { KeyTrends } from '../trends/KeyTrends.js';
import { SubjectFigures } from './SubjectFigures.js';
import { SubjectHeader } from './SubjectHeader.js';
import { useSubject } from './useSubject.js';

/** One tribe: its figures, its squads side by side, and its events. */
export function TribePage() {
  const { subject, owners, search, query } = useSubject('tribe');
  usePageTitle(`${subject.name} · Tribes`);
  const squads = useMetrics('squad', query);
  const rows = squads.data?.groups.filter((group) => owners.squads.includes(group.key)) ?? [];
  return (
    <section aria-labelledby="subject-title">
      <SubjectHeader subject={subject} owners={owners} search={search} />
      <h2>Key figures</h2>
      <SubjectFigures subject={subject} query={query} />
      <h2>Its squads</h2>
      {squads.isPending ? (
        <Skeleton height="12rem" />
      ) : squads.isError ? (
        <ErrorState error={squads.error} what="the squads' figures" />
      ) : (
        <ScrollRegion label="Squads of the tribe">
          <table className="data-table">
            <caption>Squads of {subject.name}</caption>
            <thead>
              <tr>
                <th scope="col">Squad</th>
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
                  Recovery time (median)
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const squad = { kind: 'squad' as const, name: row.key };
                const window = { from: query.from, to: query.to, environment: query.environment };
                return (
                  <tr key={row.key}>
                    <th scope="row">
                      <Link to={subjectLink(squad, undefined, window)}>{row.key}</Link>
                    </th>
                    <td className="numeric">
                      <Link to={subjectLink(squad, 'deployments', window)}>
                        {row.deploymentFrequency.count}
                      </Link>{' '}
                      <BandChip band={row.deploymentFrequency.band} kind="deploymentFrequency" />
                    </td>
                    <td className="numeric">
                      <Link to={subjectLink(squad, 'changes', window)}>
                        {formatDuration(row.leadTime.median)}
                      </Link>{' '}
                      <BandChip band={row.leadTime.band} kind="duration" />
                    </td>
                    <td className="numeric">
                      <Link to={subjectLink(squad, 'deployments', { ...window, show: 'failed' })}>
                        {formatPercent(row.changeFailureRate.rate)}
                      </Link>{' '}
                      <BandChip band={row.changeFailureRate.band} kind="changeFailure" />
                    </td>
                    <td className="numeric">
                      <Link to={subjectLink(squad, 'deployments', { ...window, show: 'failed' })}>
                        {formatDuration(row.failedDeploymentRecoveryTime.median)}
                      </Link>{' '}
                      <BandChip band={row.failedDeploymentRecoveryTime.band} kind="duration" />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <KeyTrends groupBy="tribe" groupKey={subject.name} subject={subject} title="Week by week" />
    </section>
  );
}
