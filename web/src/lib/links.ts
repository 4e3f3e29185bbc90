/** Addresses of the pages behind every figure, so any number can be followed to its events. */
import { queryString } from './api.js';
import type { Subject } from './queries.js';

const base: Record<Subject['kind'], string> = { service: 'services', squad: 'squads', tribe: 'tribes' };

export type DrillTab = 'deployments' | 'changes' | 'incidents';

/** The page of a service, squad or tribe. */
export function subjectPath(subject: Subject): string {
  return `/${base[subject.kind]}/${encodeURIComponent(subject.name)}`;
}

export interface DrillParams {
  from?: string | undefined;
  to?: string | undefined;
  window?: string | undefined;
  environment?: string | undefined;
  /** Deployments only: `failed`, `rework` or `recovered`. */
  show?: string | undefined;
}

/** The page of a subject (or one of its drill-down tabs) for a window. */
export function subjectLink(subject: Subject, tab?: DrillTab, params: DrillParams = {}): string {
  const path = tab === undefined ? subjectPath(subject) : `${subjectPath(subject)}/${tab}`;
  return `${path}${queryString({ ...params })}`;
}

/** The id of a deployment's table row, for links from changes and incidents. */
export function deploymentAnchor(source: string, id: string): string {
  return `deployment-${source}-${id}`.replace(/[^\w-]/g, '_');
}

/** The id of an incident's table row. */
export function incidentAnchor(source: string, id: string): string {
  return `incident-${source}-${id}`.replace(/[^\w-]/g, '_');
}
