import type { Instant } from '../events.js';
import type { Band } from './bands.js';
import type { DeploymentFrequency } from './deploymentFrequency.js';
import type { DurationStats } from './statistics.js';

/** The metrics a group's figures are given for. */
export type MetricName =
  | 'deploymentFrequency'
  | 'leadTime'
  | 'changeFailureRate'
  | 'failedDeploymentRecoveryTime'
  | 'timeToRestore'
  | 'reworkRate';

/** Why a metric has no figure. */
export type MissingReason =
  | 'no-deployments'
  | 'no-changes-linked'
  | 'no-valid-lead-times'
  | 'no-failed-deployments'
  | 'no-recovered-deployments'
  | 'no-incident-source'
  | 'no-incidents-resolved';

/** A metric without data and the reason, for the response to say why (metrics contract §4). */
export interface MissingMetric {
  metric: MetricName;
  reason: MissingReason;
  message: string;
}

/** A failed deployment with no recovery yet, with its age at `now` in seconds. */
export interface UnrecoveredDeployment {
  source: string;
  id: string;
  service: string;
  finishedAt: Instant;
  ageSeconds: number;
}

/** An incident not resolved, with its age at `now` in seconds. */
export interface OpenIncident {
  source: string;
  id: string;
  services: readonly string[];
  openedAt: Instant;
  ageSeconds: number;
}

/**
 * A group's figures over a window (metrics contract §4–§5), computed over the union of its services'
 * events. Durations are seconds, rates 0–1 rounded to 4 decimals; a figure without data is null with
 * count 0 and its metric is named in `missing`.
 */
export interface GroupMetrics {
  deploymentFrequency: DeploymentFrequency;
  leadTime: DurationStats & { band: Band | null; negativeDropped: number };
  changeFailureRate: { failed: number; total: number; rate: number | null; band: Band | null };
  failedDeploymentRecoveryTime: DurationStats & { band: Band | null; unrecovered: UnrecoveredDeployment[] };
  timeToRestore: DurationStats & { band: Band | null; acknowledge: DurationStats; open: OpenIncident[] };
  reworkRate: { rework: number; total: number; rate: number | null };
  missing: MissingMetric[];
}
