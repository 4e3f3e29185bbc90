import { Link } from 'react-router';
import { subjectPath } from '../../lib/links.js';
import { useOrg } from '../../lib/queries.js';
import { usePageTitle } from '../../lib/usePageTitle.js';
import { ErrorState, Skeleton } from '../../ui/QueryState.js';

/** The organisation as loaded: tribes, their squads and the services each owns. */
export function OrganisationPage() {
  usePageTitle('Organisation');
  const org = useOrg();
  if (org.isPending) return <Skeleton height="30rem" label="Loading the organisation…" />;
  if (org.isError)
    return <ErrorState error={org.error} what="the organisation" retry={() => org.refetch()} />;
  const { organisation } = org.data;
  const squads = organisation.tribes.flatMap((t) => t.squads);
  return (
    <section aria-labelledby="org-title">
      <h1 id="org-title">{organisation.name}</h1>
      <p>
        {organisation.tribes.length} tribes · {squads.length} squads ·{' '}
        {squads.flatMap((s) => s.services).length} services · time zone {organisation.timezone}
      </p>
      <p className="muted">
        {org.data.source ? `Loaded from ${org.data.source}.` : 'The generated demo organisation.'} Production
        environments: {organisation.environments.production.join(', ')}. Incidents are attributed to a
        deployment up to {organisation.attributionWindowHours} h after it.
      </p>
      {org.data.reloadProblems.length > 0 && (
        <div role="alert" className="callout callout-error">
          <p>The last change to the organisation file was not applied; the previous one stays in force:</p>
          <ul>
            {org.data.reloadProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="tribes">
        {organisation.tribes.map((tribe) => (
          <section key={tribe.name} className="card" aria-labelledby={`tribe-${tribe.name}`}>
            <h2 id={`tribe-${tribe.name}`}>
              <Link to={subjectPath({ kind: 'tribe', name: tribe.name })}>{tribe.name}</Link>
            </h2>
            {tribe.squads.map((squad) => (
              <div key={squad.name}>
                <h3>
                  <Link to={subjectPath({ kind: 'squad', name: squad.name })}>{squad.name}</Link>
                </h3>
                <ul className="plain-list">
                  {squad.services.map((service) => (
                    <li key={service.name}>
                      <Link to={subjectPath({ kind: 'service', name: service.name })}>{service.name}</Link>{' '}
                      <span className="muted">
                        {service.repo}
                        {service.path ? `/${service.path}` : ''}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))}
      </div>
    </section>
  );
}
