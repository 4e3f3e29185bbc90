import { useQuery } from '@tanstack/react-query';
import type { OrgResponse } from '../../app/App.js';
import { getJson } from '../../lib/api.js';

/** The organisation as loaded: tribes, their squads and the services each owns. */
export function OrganisationPage() {
  const org = useQuery({ queryKey: ['org'], queryFn: () => getJson<OrgResponse>('/api/org') });
  if (org.isPending) return <p aria-busy="true">Loading the organisation…</p>;
  if (org.isError) return <p role="alert">Could not load the organisation: {org.error.message}</p>;
  const { organisation } = org.data;
  return (
    <section aria-labelledby="org-title">
      <h1 id="org-title">{organisation.name}</h1>
      <p>
        {organisation.tribes.length} tribes · {organisation.tribes.flatMap((t) => t.squads).length} squads ·{' '}
        {organisation.tribes.flatMap((t) => t.squads.flatMap((s) => s.services)).length} services · time zone{' '}
        {organisation.timezone}
      </p>
      {org.data.reloadProblems.length > 0 && (
        <div role="alert" className="problems">
          <p>The last change to the organisation file was not applied:</p>
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
            <h2 id={`tribe-${tribe.name}`}>{tribe.name}</h2>
            {tribe.squads.map((squad) => (
              <div key={squad.name}>
                <h3>{squad.name}</h3>
                <ul>
                  {squad.services.map((service) => (
                    <li key={service.name}>
                      {service.name} <span className="muted">{service.repo}</span>
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
