/**
 * Services named by monitoring tags (`service:checkout`) and per-tool mappings, for the alerting
 * sources (Opsgenie, Datadog).
 */
import type { Organisation } from '../core/org/organisation.js';
import { findServiceByName, listServices, servicesMappedBy } from './listServices.js';

/** The values of `service:<value>` tags (case-insensitive key), trimmed. */
export function serviceTagValues(tags: readonly string[]): string[] {
  return tags.flatMap((tag) => {
    const value = tag.match(/^\s*service:(.+)$/i)?.[1]?.trim();
    return value ? [value] : [];
  });
}

/**
 * The services that `keys` (tags, teams) map to through the `tool` mapping (for Datadog a service's
 * own name maps too), plus those `service:<name>` tags name, by name or through the mapping; each
 * once, in the organisation's order.
 */
export function tagServices(
  organisation: Organisation,
  tool: 'opsgenie' | 'datadog',
  keys: readonly string[],
  tags: readonly string[],
): string[] {
  const named = serviceTagValues(tags);
  const wanted = new Set([
    ...servicesMappedBy(organisation, tool, [...keys, ...named]).map((service) => service.name),
    ...named.flatMap((name) => findServiceByName(organisation, name)?.name ?? []),
  ]);
  return listServices(organisation)
    .filter((service) => wanted.has(service.name))
    .map((service) => service.name);
}
