import type { CauseServices, IncidentRecord } from './deliveryModel.js';

/** What a drill-down into some services must analyse: services, and incidents by identity. */
export interface DrillDownScope {
  /**
   * The services asked for and those whose deployments their incidents could be attributed to. Only
   * the deployments of the latter matter: which changes they carry changes none of the records.
   */
  services: string[];
  /** `source` NUL `id` of the incidents that name a service asked for or could fail one of its deployments. */
  incidents: Set<string>;
}

/** The identity of an incident as `DrillDownScope.incidents` holds it. */
export const incidentKey = (incident: { source: string; id: string }): string =>
  `${incident.source}\u0000${incident.id}`;

/**
 * The events behind the records of `selected` services (deployments, carried changes, incidents), found
 * from a measured history of every service: analysing only them gives the same records as analysing
 * the whole history.
 *
 * A service's deployments and carried changes depend on its own events alone (phase one). What phase
 * two adds depends on the incidents that name one of its services (rule 2, time to restore, the
 * incident list) and on those whose `causedBy` can pick one of its deployments (rule 1). Rule 1 picks
 * among the deployments the `causedBy` names in the incident's own services when there are any, else
 * among all of them. So an incident's own services are analysed with it, and the services its
 * `causedBy` names only when none of its own is among them; other incidents cannot reach the
 * selected records and are left out.
 */
export function drillDownScope(
  history: { incidents: readonly IncidentRecord[]; causes: CauseServices },
  selected: Iterable<string>,
): DrillDownScope {
  const named = history.causes;
  const chosen = new Set(selected);
  const services = new Set(chosen);
  const incidents = new Set<string>();
  for (const incident of history.incidents) {
    const candidates = incident.causedBy === null ? undefined : named.get(incident.causedBy);
    // the services rule 1 chooses among, when not the incident's own
    const elsewhere =
      candidates === undefined || incident.services.some((service) => candidates.has(service))
        ? undefined
        : candidates;
    const concerns =
      incident.services.some((service) => chosen.has(service)) ||
      (elsewhere !== undefined && [...elsewhere].some((service) => chosen.has(service)));
    if (!concerns) continue;
    incidents.add(incidentKey(incident));
    for (const service of incident.services) services.add(service);
    for (const service of elsewhere ?? []) services.add(service);
  }
  return { services: [...services].sort(), incidents };
}
