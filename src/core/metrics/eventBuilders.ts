/**
 * Small builders of canonical events for the engine's tests: every field the contract makes optional
 * is left out unless given, and arrival counts up in creation order.
 */
import type { Change, Deployment, EventSet, Incident, Instant } from '../events.js';
import type { MeasureConfig, MeasuredService } from './measureConfig.js';
import { defaultMeasureConfig } from './measureConfig.js';

/** One minute in milliseconds. */
export const minute = 60_000;
/** One hour in milliseconds. */
export const hour = 60 * minute;
/** One day (24 h) in milliseconds. */
export const day = 24 * hour;
/** Monday 5 January 2026, 00:00 UTC. */
export const monday = Date.UTC(2026, 0, 5);

let arrivals = 0;
const nextArrival = (): number => {
  arrivals += 1;
  return arrivals;
};

/** A change with no parents, labels or reverts unless given. */
export function change(
  repo: string,
  sha: string,
  committedAt: Instant,
  extra: Partial<Omit<Change, 'repo' | 'sha' | 'committedAt'>> = {},
): Change {
  return { repo, sha, committedAt, labels: [], reverts: [], arrival: nextArrival(), ...extra };
}

/** Changes `shas` in a line, each the parent of the next, committed `step` ms apart from `start`. */
export function chain(
  repo: string,
  shas: readonly string[],
  start: Instant,
  step: number,
  first: readonly string[] = [],
): Change[] {
  return shas.map((sha, i) =>
    change(repo, sha, start + i * step, { parents: i === 0 ? [...first] : [shas[i - 1] ?? ''] }),
  );
}

/** A successful production deployment of a sha. */
export function deployment(
  id: string,
  service: string,
  sha: string,
  finishedAt: Instant,
  extra: Partial<Deployment> = {},
): Deployment {
  return {
    source: 'ci',
    id,
    service,
    environment: 'production',
    sha,
    status: 'success',
    finishedAt,
    rollback: false,
    labels: [],
    arrival: nextArrival(),
    ...extra,
  };
}

/** A change-related incident without `causedBy`. */
export function incident(
  id: string,
  services: string[],
  openedAt: Instant,
  extra: Partial<Incident> = {},
): Incident {
  return { source: 'pagerduty', id, services, openedAt, changeRelated: true, ...extra };
}

/** The default configuration with the given services. */
export function measureConfig(
  services: Record<string, MeasuredService> = {},
  extra: Partial<MeasureConfig> = {},
): MeasureConfig {
  return { ...defaultMeasureConfig, services: new Map(Object.entries(services)), ...extra };
}

/** An event set from parts. */
export function eventSet(parts: Partial<EventSet>): EventSet {
  return {
    changes: parts.changes ?? [],
    deployments: parts.deployments ?? [],
    incidents: parts.incidents ?? [],
  };
}

/** A group holding every service at all times. */
export const everyone = (): boolean => true;

/** A group holding the named services at all times. */
export const servicesNamed =
  (...names: string[]) =>
  (service: string): boolean =>
    names.includes(service);
