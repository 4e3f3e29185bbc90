import type { Organisation } from './organisation.js';

/** A semantic problem in a well-shaped organisation: where (path) and what. */
export interface OrganisationIssue {
  path: (string | number)[];
  message: string;
}

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/**
 * Checks what a schema cannot: names unique where they identify something (tribes, squads across
 * the organisation, services across the organisation), a known IANA time zone, and monorepo services
 * sharing a repository each naming their path.
 */
export function checkOrganisation(organisation: Organisation): OrganisationIssue[] {
  const issues: OrganisationIssue[] = [];
  if (!isTimeZone(organisation.timezone)) {
    issues.push({
      path: ['timezone'],
      message: `unknown time zone "${organisation.timezone}" (use an IANA name such as Europe/London)`,
    });
  }
  const tribes = new Map<string, number>();
  const squads = new Map<string, string>();
  const services = new Map<string, string>();
  const repos = new Map<string, { path: (string | number)[]; hasPath: boolean }[]>();
  organisation.tribes.forEach((tribe, t) => {
    const previous = tribes.get(tribe.name);
    if (previous !== undefined) {
      issues.push({
        path: ['tribes', t, 'name'],
        message: `tribe "${tribe.name}" is declared twice (also tribes.${previous})`,
      });
    }
    tribes.set(tribe.name, t);
    tribe.squads.forEach((squad, s) => {
      const at = `tribes.${t}.squads.${s}`;
      const seen = squads.get(squad.name);
      if (seen)
        issues.push({
          path: ['tribes', t, 'squads', s, 'name'],
          message: `squad "${squad.name}" is declared twice (also ${seen})`,
        });
      squads.set(squad.name, at);
      squad.services.forEach((service, v) => {
        const path = ['tribes', t, 'squads', s, 'services', v];
        const where = path.join('.');
        const other = services.get(service.name);
        if (other)
          issues.push({
            path: [...path, 'name'],
            message: `service "${service.name}" is declared twice (also ${other})`,
          });
        services.set(service.name, where);
        const entries = repos.get(service.repo) ?? [];
        entries.push({ path, hasPath: service.path !== undefined });
        repos.set(service.repo, entries);
      });
    });
  });
  for (const [repo, entries] of repos) {
    if (entries.length < 2) continue;
    for (const entry of entries) {
      if (!entry.hasPath) {
        issues.push({
          path: [...entry.path, 'path'],
          message: `repository ${repo} holds several services: each needs the path of its folder`,
        });
      }
    }
  }
  return issues;
}
