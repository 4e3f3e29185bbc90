import { Link } from 'react-router';
import type { Figures, OrgResponse } from '../../lib/apiTypes.js';
import { plural } from '../../lib/format.js';
import {
  type Subject,
  useDeployments,
  useIncidents,
  useSources,
  type WindowQuery,
} from '../../lib/queries.js';
import { Skeleton } from '../../ui/QueryState.js';

interface DataCoverageProps {
  subject: Subject;
  query: WindowQuery;
  services: string[];
  org: OrgResponse | undefined;
  figures: Figures | undefined;
}

const count = <T,>(items: readonly T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
};

/** Which sources feed a squad's figures, whether incidents arrive, and what cannot be measured. */
export function DataCoverage({ subject, query, services, org, figures }: DataCoverageProps) {
  const deployments = useDeployments(subject, query);
  const incidents = useIncidents(subject, query);
  const sources = useSources();
  const declared = org?.organisation.tribes
    .flatMap((t) => t.squads)
    .find((s) => s.name === subject.name)
    ?.services.filter((s) => services.includes(s.name));
  const mapped = (declared ?? []).filter(
    (s) => s.pagerduty?.length || s.opsgenie?.length || s.datadog?.length,
  );
  if (deployments.isPending || incidents.isPending)
    return <Skeleton height="12rem" label="Loading the data coverage…" />;
  const deploymentSources = count(deployments.data?.deployments ?? [], (d) => d.source);
  const incidentSources = count(incidents.data?.incidents ?? [], (i) => i.source);
  const enabled = (sources.data?.sources ?? []).filter((s) => s.enabled).map((s) => s.name);
  return (
    <div className="card coverage">
      <dl className="facts">
        <dt>Deployments from</dt>
        <dd>
          {deploymentSources.length === 0
            ? 'no deployments in this window'
            : deploymentSources.map(([name, n]) => `${name} (${n})`).join(', ')}
        </dd>
        <dt>Incidents from</dt>
        <dd>
          {incidentSources.length === 0
            ? 'no incidents in this window: time to restore cannot be measured'
            : incidentSources.map(([name, n]) => `${name} (${n})`).join(', ')}
        </dd>
        <dt>Incident mapping</dt>
        <dd>
          {mapped.length === 0
            ? 'no service of this squad is mapped to PagerDuty, Opsgenie or Datadog in the organisation file'
            : `${plural(mapped.length, 'service')} of ${services.length} mapped (${mapped.map((s) => s.name).join(', ')})`}
        </dd>
        <dt>Webhooks enabled on this server</dt>
        <dd>
          {sources.isPending
            ? 'loading…'
            : enabled.length === 0
              ? 'none (events come from imports or the API)'
              : enabled.join(', ')}
        </dd>
      </dl>
      {figures && figures.missing.length > 0 ? (
        <>
          <h3>What cannot be measured yet</h3>
          <ul>
            {figures.missing.map((m) => (
              <li key={m.metric}>{m.message}</li>
            ))}
          </ul>
          <p>
            Connect the missing sources on <Link to="/setup">Setup</Link>.
          </p>
        </>
      ) : (
        <p>Every metric has data in this window.</p>
      )}
    </div>
  );
}
