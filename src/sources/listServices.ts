/**
 * Lookups of the organisation's services by the keys webhooks carry: repository, name, and the
 * per-tool mappings (`pagerduty`, `opsgenie`, `datadog`). All comparisons ignore case.
 */
import type { Organisation, ServiceDeclaration } from '../core/org/organisation.js';

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** `owner/name` without a leading or trailing slash or a `.git` suffix, lower-cased. */
export function normaliseRepo(repo: string): string {
  return repo
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/i, '')
    .toLowerCase();
}

/** Every service of the organisation, once each (the first declaration of a name wins). */
export function listServices(organisation: Organisation): ServiceDeclaration[] {
  const seen = new Set<string>();
  const services: ServiceDeclaration[] = [];
  for (const tribe of organisation.tribes) {
    for (const squad of tribe.squads) {
      for (const service of squad.services) {
        const key = service.name.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        services.push(service);
      }
    }
  }
  return services;
}

/** The services built from repository `repo` (several for a monorepo). */
export function servicesOfRepo(organisation: Organisation, repo: string): ServiceDeclaration[] {
  const wanted = normaliseRepo(repo);
  return listServices(organisation).filter((service) => normaliseRepo(service.repo) === wanted);
}

/** The service called `name`, if any. */
export function findServiceByName(organisation: Organisation, name: string): ServiceDeclaration | undefined {
  return listServices(organisation).find((service) => same(service.name, name));
}

/**
 * The services whose mapping for `tool` lists any of `keys` (ids, names, tags or teams), in the
 * organisation's order. For `datadog` a service's own name always maps as well.
 */
export function servicesMappedBy(
  organisation: Organisation,
  tool: 'pagerduty' | 'opsgenie' | 'datadog',
  keys: readonly string[],
): ServiceDeclaration[] {
  const wanted = keys.filter((key) => key.trim() !== '');
  return listServices(organisation).filter((service) => {
    const aliases = [...(service[tool] ?? []), ...(tool === 'datadog' ? [service.name] : [])];
    return aliases.some((alias) => wanted.some((key) => same(alias, key)));
  });
}

/** The names of `services`, each once, in order. */
export function serviceNames(services: readonly ServiceDeclaration[]): string[] {
  return [...new Set(services.map((service) => service.name))];
}
