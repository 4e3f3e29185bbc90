import type { Instant } from '../events.js';
import { changeFailureBand, durationBand } from './bands.js';
import type { Window } from './calendar.js';
import type { IncidentRecord, MeasuredHistory } from './deliveryModel.js';
import { deploymentFrequency } from './deploymentFrequency.js';
import type {
  GroupMetrics,
  MetricName,
  MissingMetric,
  MissingReason,
  OpenIncident,
  UnrecoveredDeployment,
} from './groupMetrics.js';
import { forEachChange, type Member, pick, selectDeployments, selectIncidents } from './selectGroup.js';
import { durationStats, round4 } from './statistics.js';

/** What `summarise` needs besides the model, the window and the group. */
export interface SummariseOptions {
  /** The present (ms): ages of open incidents and unrecovered deployments are measured to it. */
  now: Instant;
  /** IANA time zone of days, weeks and months. */
  timezone: string;
  /** Whether an incident source is connected; when omitted, whether the model holds any incident. */
  hasIncidentSource?: boolean;
  /** Only these services can be members (a shortcut for large models); `member` still decides. */
  services?: Iterable<string>;
}

const messages: Record<MissingReason, string> = {
  'no-deployments': 'No successful production deployment finished in the window.',
  'no-changes-linked': 'No change could be linked to the deployments in the window.',
  'no-valid-lead-times': 'Every linked change had a negative lead time (clock or data problem).',
  'no-failed-deployments': 'No deployment in the window failed, so there is nothing to recover from.',
  'no-recovered-deployments': 'No failed deployment in the window has recovered yet.',
  'no-incident-source': 'No incident source is connected.',
  'no-incidents-resolved': 'No incident was resolved in the window.',
};

const ageSeconds = (now: Instant, at: Instant): number => Math.max(0, now - at) / 1000;

/**
 * Phase two of measuring: one group's figures over [from, to) (metrics contract §4–§5), over the union
 * of its events, never an average of per-service figures. A deployment belongs to the group when
 * `member(service, finishedAt)`, a change through its carrying deployment, an incident when
 * `member(service, openedAt)` holds for one of its services (it then counts once). Deployment figures
 * count logical successful production deployments finished in the window; lead time the changes they
 * carry; time to restore the incidents resolved in the window (all incidents, change-related or not).
 */
export function summarise(
  model: MeasuredHistory,
  window: Window,
  member: Member,
  options: SummariseOptions,
): GroupMetrics {
  const { now } = options;
  const services = options.services === undefined ? undefined : [...new Set(options.services)];
  const missing: MissingMetric[] = [];
  const miss = (metric: MetricName, reason: MissingReason): void => {
    missing.push({ metric, reason, message: messages[reason] });
  };

  const deployments = pick(model.deployments, selectDeployments(model, window, member, services));
  const total = deployments.length;
  const frequency = deploymentFrequency(
    deployments.map((d) => d.finishedAt),
    window,
    options.timezone,
  );
  if (total === 0) miss('deploymentFrequency', 'no-deployments');

  const seconds = model.changes.leadTimeSeconds;
  const leadTimes: number[] = [];
  let carried = 0;
  forEachChange(model, window, member, services, (p) => {
    carried += 1;
    const value = seconds[p] as number;
    if (!Number.isNaN(value)) leadTimes.push(value); // NaN marks a negative lead time, dropped
  });
  const negativeDropped = carried - leadTimes.length;
  const lead = durationStats(leadTimes);
  if (lead.count === 0) {
    miss(
      'leadTime',
      total === 0 ? 'no-deployments' : carried === 0 ? 'no-changes-linked' : 'no-valid-lead-times',
    );
  }

  const failedDeployments = deployments.filter((d) => d.failed);
  const failed = failedDeployments.length;
  if (total === 0) miss('changeFailureRate', 'no-deployments');

  const recoveries: number[] = [];
  const unrecovered: UnrecoveredDeployment[] = [];
  for (const d of failedDeployments) {
    if (d.recoveredAt !== null) recoveries.push((d.recoveredAt - d.finishedAt) / 1000);
    else {
      unrecovered.push({
        source: d.source,
        id: d.id,
        service: d.service,
        finishedAt: d.finishedAt,
        ageSeconds: ageSeconds(now, d.finishedAt),
      });
    }
  }
  const recovery = durationStats(recoveries);
  if (recovery.count === 0) {
    miss(
      'failedDeploymentRecoveryTime',
      total === 0 ? 'no-deployments' : failed === 0 ? 'no-failed-deployments' : 'no-recovered-deployments',
    );
  }

  const resolvedInWindow = (i: IncidentRecord): boolean =>
    i.resolvedAt !== null && i.resolvedAt >= window.from && i.resolvedAt < window.to;
  const resolved = pick(
    model.incidents,
    selectIncidents(model, member, window.to, resolvedInWindow, services),
  );
  const restore = durationStats(
    resolved.flatMap((i) => (i.restoreSeconds === null ? [] : [i.restoreSeconds])),
  );
  const acknowledge = durationStats(
    resolved.flatMap((i) => (i.acknowledgeSeconds === null ? [] : [i.acknowledgeSeconds])),
  );
  const unresolved = selectIncidents(model, member, window.to, (i) => i.resolvedAt === null, services);
  const open: OpenIncident[] = pick(model.incidents, unresolved).map((i) => ({
    source: i.source,
    id: i.id,
    services: i.services,
    openedAt: i.openedAt,
    ageSeconds: ageSeconds(now, i.openedAt),
  }));
  if (restore.count === 0) {
    const hasSource = options.hasIncidentSource ?? model.incidents.length > 0;
    miss('timeToRestore', hasSource ? 'no-incidents-resolved' : 'no-incident-source');
  }

  const rework = deployments.filter((d) => d.reworkReasons.length > 0).length;
  if (total === 0) miss('reworkRate', 'no-deployments');

  return {
    deploymentFrequency: frequency,
    leadTime: {
      ...lead,
      band: lead.median === null ? null : durationBand(lead.median),
      negativeDropped,
    },
    changeFailureRate: {
      failed,
      total,
      rate: total === 0 ? null : round4(failed / total),
      band: total === 0 ? null : changeFailureBand(failed, total),
    },
    failedDeploymentRecoveryTime: {
      ...recovery,
      band: recovery.median === null ? null : durationBand(recovery.median),
      unrecovered,
    },
    timeToRestore: {
      ...restore,
      band: restore.median === null ? null : durationBand(restore.median),
      acknowledge,
      open,
    },
    reworkRate: { rework, total, rate: total === 0 ? null : round4(rework / total) },
    missing,
  };
}
