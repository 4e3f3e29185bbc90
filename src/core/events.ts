/**
 * Canonical delivery and incident events (metrics contract §1), as the measurement engine sees them.
 *
 * Every source adapter and the generic API produce these; nothing else is measured. Instants are
 * milliseconds since the Unix epoch (UTC); durations elsewhere in core are seconds unless named `…Ms`.
 */

/** Milliseconds since the Unix epoch, UTC. */
export type Instant = number;

export const deploymentStatuses = ['success', 'failure', 'in_progress', 'cancelled'] as const;
export type DeploymentStatus = (typeof deploymentStatuses)[number];

/** The pull request a change arrived through. */
export interface PullRequest {
  number?: number;
  openedAt?: Instant;
  mergedAt?: Instant;
  /** Time of the first commit on the branch: the squash-safe start of lead time. */
  firstCommitAt?: Instant;
}

/** A commit that reached the deployable branch. Identity: (`repo`, `sha`). */
export interface Change {
  repo: string;
  sha: string;
  committedAt: Instant;
  parents?: string[];
  pushedAt?: Instant;
  branch?: string;
  pr?: PullRequest;
  labels: string[];
  /** Shas this change undoes (a revert). */
  reverts: string[];
  /** Paths touched; absent when unknown (then a monorepo service takes the change). */
  files?: string[];
  /** Order of first arrival in the store; breaks ties in push order. */
  arrival: number;
}

/** A deployment of one service to one environment. Identity: (`source`, `id`). */
export interface Deployment {
  source: string;
  id: string;
  service: string;
  environment: string;
  sha?: string;
  version?: string;
  status: DeploymentStatus;
  startedAt?: Instant;
  /** Required unless the deployment is in progress. */
  finishedAt?: Instant;
  /** Shas this deployment carries, when the deploying system lists them. */
  commits?: string[];
  rollback: boolean;
  labels: string[];
  arrival: number;
}

/** An incident on one or more services. Identity: (`source`, `id`). */
export interface Incident {
  source: string;
  id: string;
  services: string[];
  openedAt: Instant;
  acknowledgedAt?: Instant;
  resolvedAt?: Instant;
  severity?: string;
  /** A deployment named by id, sha or version. */
  causedBy?: string;
  /** Whether a change caused it; without `causedBy` this allows attribution by time (default true). */
  changeRelated: boolean;
}

export type CanonicalEvent =
  | ({ type: 'change' } & Change)
  | ({ type: 'deployment' } & Deployment)
  | ({ type: 'incident' } & Incident);

/** Everything the engine needs to measure: the events as stored, already merged by identity. */
export interface EventSet {
  changes: Change[];
  deployments: Deployment[];
  incidents: Incident[];
}

const terminal = (status: DeploymentStatus): boolean => status !== 'in_progress';

/** Fields the incoming event sets win; omitted fields (and empty lists) keep the stored value. */
function overlay<T extends object>(stored: T, incoming: T): T {
  const merged = { ...stored } as Record<string, unknown>;
  for (const [key, value] of Object.entries(incoming)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    merged[key] = value;
  }
  return merged as T;
}

/**
 * Merges a later-arriving deployment event into the stored one with the same identity.
 * Fields the incoming event sets win; omitted fields and empty lists keep their stored value; a
 * terminal status is never taken back to `in_progress`, so a success that overtakes its in-progress
 * event stays a success. The earliest arrival is kept.
 */
export function mergeDeployment(stored: Deployment, incoming: Deployment): Deployment {
  const merged = overlay(stored, incoming);
  if (terminal(stored.status) && !terminal(incoming.status)) {
    merged.status = stored.status;
    if (stored.finishedAt !== undefined) merged.finishedAt = stored.finishedAt;
  }
  merged.rollback = stored.rollback || incoming.rollback;
  merged.arrival = Math.min(stored.arrival, incoming.arrival);
  return merged;
}

/**
 * Merges a later-arriving incident event into the stored one with the same identity: set fields win
 * and omitted ones are kept, so "resolved" arriving before "triggered" still ends resolved.
 * `openedAt` keeps the earliest value seen.
 */
export function mergeIncident(stored: Incident, incoming: Incident): Incident {
  const merged = overlay(stored, incoming);
  merged.openedAt = Math.min(stored.openedAt, incoming.openedAt);
  // Once any event says the incident was not caused by a change, an event that omits it cannot undo that.
  merged.changeRelated = stored.changeRelated && incoming.changeRelated;
  return merged;
}

/** Merges a later-arriving change with the same (`repo`, `sha`): set fields win, the earliest push and arrival are kept. */
export function mergeChange(stored: Change, incoming: Change): Change {
  const merged = overlay(stored, incoming);
  if (stored.pushedAt !== undefined && incoming.pushedAt !== undefined) {
    merged.pushedAt = Math.min(stored.pushedAt, incoming.pushedAt);
  }
  if (stored.pr && incoming.pr) merged.pr = overlay(stored.pr, incoming.pr);
  merged.arrival = Math.min(stored.arrival, incoming.arrival);
  return merged;
}
