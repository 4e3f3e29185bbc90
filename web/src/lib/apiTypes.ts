/**
 * The shapes the metrics API returns (instants as ISO strings). They mirror the core types of the
 * measurement engine; the core types themselves use milliseconds, so they are restated here.
 */
import type { Band } from '../../../src/core/metrics/bands.js';
import type { FailureReason, ReworkReason } from '../../../src/core/metrics/deliveryModel.js';
import type { DeploymentFrequency } from '../../../src/core/metrics/deploymentFrequency.js';
import type { MissingMetric } from '../../../src/core/metrics/groupMetrics.js';
import type { DurationStats } from '../../../src/core/metrics/statistics.js';
import type { Organisation } from '../../../src/core/org/organisation.js';

export type { Band, FailureReason, MissingMetric, ReworkReason };

export interface Figures {
  deploymentFrequency: DeploymentFrequency;
  leadTime: DurationStats & { band: Band | null; negativeDropped: number };
  changeFailureRate: { failed: number; total: number; rate: number | null; band: Band | null };
  failedDeploymentRecoveryTime: DurationStats & {
    band: Band | null;
    unrecovered: { source: string; id: string; service: string; finishedAt: string; ageSeconds: number }[];
  };
  timeToRestore: DurationStats & {
    band: Band | null;
    acknowledge: DurationStats;
    open: { source: string; id: string; services: string[]; openedAt: string; ageSeconds: number }[];
  };
  reworkRate: { rework: number; total: number; rate: number | null };
  missing: MissingMetric[];
}

export interface GroupFigures extends Figures {
  key: string;
  squad: string | null;
  tribe: string | null;
}

export interface MetricsResponse {
  from: string;
  to: string;
  groupBy: string;
  environment: string | null;
  groups: GroupFigures[];
}

export interface Improvement {
  score: number | null;
  bands: Record<
    'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'failedDeploymentRecoveryTime',
    number | null
  >;
  leadTimeMedianChange: number | null;
}

export interface LeaderboardRow extends GroupFigures {
  service: string | null;
  environment: string;
  previous: Figures;
  improvement: Improvement;
}

export interface LeaderboardResponse {
  from: string;
  to: string;
  previous: { from: string; to: string };
  groupBy: 'service' | 'squad' | 'tribe';
  sort: string;
  order: 'asc' | 'desc';
  rows: LeaderboardRow[];
}

export interface DeploymentRow {
  source: string;
  id: string;
  ids: string[];
  service: string;
  environments: string[];
  sha: string | null;
  version: string | null;
  finishedAt: string;
  carryRule: string;
  changes: { sha: string; leadTimeSeconds: number | null; repo: string | null }[];
  failed: boolean;
  failureReasons: FailureReason[];
  recoveredAt: string | null;
  recoverySeconds: number | null;
  rework: boolean;
  reworkReasons: ReworkReason[];
}

export interface ChangeRow {
  repo: string;
  sha: string;
  service: string;
  deployment: { source: string; id: string };
  finishedAt: string;
  startAt: string;
  leadTimeSeconds: number | null;
  negative: boolean;
  codingSeconds: number | null;
  reviewSeconds: number | null;
  waitingSeconds: number | null;
  labels: string[];
  reverts: string[];
}

export interface IncidentRow {
  source: string;
  id: string;
  services: string[];
  openedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  open: boolean;
  changeRelated: boolean;
  causedBy: string | null;
  restoreSeconds: number | null;
  acknowledgeSeconds: number | null;
  attributedTo: { source: string; id: string; service: string }[];
}

export interface DrillDownResponse {
  from: string;
  to: string;
  total: number;
}
export interface DeploymentsResponse extends DrillDownResponse {
  deployments: DeploymentRow[];
}
export interface ChangesResponse extends DrillDownResponse {
  changes: ChangeRow[];
}
export interface IncidentsResponse extends DrillDownResponse {
  incidents: IncidentRow[];
}

export interface OrgResponse {
  organisation: Organisation;
  demo: boolean;
  source: string | null;
  reloadProblems: string[];
  ownership: { service: string; squad: string; tribe: string; from: string }[];
}

export interface SourceState {
  name: string;
  enabled: boolean;
  webhookPath: string;
  secretVariable: string;
  lastDeliveryAt: string | null;
  last24h: { accepted: number; rejected: number; duplicate: number; ignored: number };
  lastError: { at: string; message: string } | null;
}

export interface SourcesResponse {
  sources: SourceState[];
  datadog: { payloadTemplate: string; customHeaders: string };
}

export interface ApiTokenRecord {
  id: string;
  name: string;
  scope: 'ingest' | 'read' | 'admin';
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface SessionResponse {
  mode: string;
  oidc: boolean;
  principal: { kind: string; name?: string; role?: string; scope?: string; scopes?: string[] };
  csrfToken: string | null;
}

export interface Health {
  status: string;
  database: string;
  version: string;
  demo: boolean;
}
