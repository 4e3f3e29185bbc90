import { Link } from 'react-router';
import { formatDuration, formatPercent } from '../../lib/format.js';
import { subjectLink } from '../../lib/links.js';
import { useMetrics, type WindowQuery } from '../../lib/queries.js';
import { BandChip } from '../../ui/BandChip.js';
import { ErrorState, Skeleton } from '../../ui/QueryState.js';
import { ScrollRegion } from '../../ui/ScrollRegion.js';

/** The services a squad owns, each with its figures and a link to its page. */
export function SquadServices({ services, query }: { services: string[]; query: WindowQuery }) {
  const metrics = useMetrics('service', query);
  if (metrics.isPending) return <Skeleton height="10rem" />;
  if (metrics.isError) return <ErrorState error={metrics.error} what="the services' figures" />;
  const rows = services.map((name) => ({ name, figures: metrics.data.groups.find((g) => g.key === name) }));
  const window = { from: query.from, to: query.to, environment: query.environment };
  return (
    <ScrollRegion label="Services of the squad">
      <table className="data-table">
        <caption>Services and their figures</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
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
              Time to restore (median)
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ name, figures }) => {
            const service = { kind: 'service' as const, name };
            return (
              <tr key={name}>
                <th scope="row">
                  <Link to={subjectLink(service, undefined, window)}>{name}</Link>
                </th>
                <td className="numeric">
                  <Link to={subjectLink(service, 'deployments', window)}>
                    {figures?.deploymentFrequency.count ?? 0}
                  </Link>{' '}
                  <BandChip band={figures?.deploymentFrequency.band ?? null} kind="deploymentFrequency" />
                </td>
                <td className="numeric">
                  <Link to={subjectLink(service, 'changes', window)}>
                    {formatDuration(figures?.leadTime.median)}
                  </Link>
                </td>
                <td className="numeric">
                  <Link to={subjectLink(service, 'deployments', { ...window, show: 'failed' })}>
                    {formatPercent(figures?.changeFailureRate.rate)}
                  </Link>
                </td>
                <td className="numeric">
                  <Link to={subjectLink(service, 'incidents', window)}>
                    {formatDuration(figures?.timeToRestore.median)}
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
