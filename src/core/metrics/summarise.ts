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
import { type Member, pick, selectIncidents, selectRuns } from './selectGroup.js';
import { durationStats, durationStatsOf, round4 } from './statistics.js';

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

  const columns = model.columns;
  // runs of neighbouring positions: their changes and lead times are neighbours too
  const runs = selectRuns(model, window, member, services);
  let total = 0;
  let carried = 0;
  let valid = 0;
  for (let r = 0; r < runs.from.length; r++) {
    const first = runs.from[r] as number;
    const last = (runs.to[r] as number) - 1;
    total += last + 1 - first;
    carried += (columns.changesTo[last] as number) - (columns.changesFrom[first] as number);
    valid += (columns.leadTo[last] as number) - (columns.leadFrom[first] as number);
  }
  const finishes =
    runs.from.length === 1 ? columns.finishedAt.subarray(runs.from[0], runs.to[0]) : new Float64Array(total);
  const leadTimes = new Float64Array(valid);
  let leadMs = 0;
  for (let r = 0, at = 0, done = 0; r < runs.from.length; r++) {
    const first = runs.from[r] as number;
    const end = runs.to[r] as number;
    if (runs.from.length > 1) finishes.set(columns.finishedAt.subarray(first, end), done);
    done += end - first;
    const from = columns.leadFrom[first] as number;
    const to = columns.leadTo[end - 1] as number;
    leadTimes.set(columns.leadTimes.subarray(from, to), at);
    leadMs += (columns.leadMsBefore[to] as number) - (columns.leadMsBefore[from] as number);
    at += to - from;
  }
  const frequency = deploymentFrequency(finishes, window, options.timezone);
  if (total === 0) miss('deploymentFrequency', 'no-deployments');

  // a change belongs to the group through its carrying deployment, so the deployments give them all
  const negativeDropped = carried - valid;
  const lead = durationStatsOf(leadTimes, leadMs);
  if (lead.count === 0) {
    miss(
      'leadTime',
      total === 0 ? 'no-deployments' : carried === 0 ? 'no-changes-linked' : 'no-valid-lead-times',
    );
  }

  let failed = 0;
  let rework = 0;
  const recoveries: number[] = [];
  const unrecoveredAt: number[] = [];
  for (let r = 0; r < runs.from.length; r++) {
    for (let i = runs.from[r] as number; i < (runs.to[r] as number); i++) {
      rework += columns.rework[i] as number;
      if (columns.failed[i] === 0) continue;
      failed += 1;
      const recoveredAt = columns.recoveredAt[i] as number;
      if (Number.isNaN(recoveredAt)) unrecoveredAt.push(i);
      else recoveries.push((recoveredAt - (columns.finishedAt[i] as number)) / 1000);
    }
  }
  // by finish, then position, whatever the order of the runs
  const finish = (i: number) => columns.finishedAt[i] as number;
  const unrecovered: UnrecoveredDeployment[] = unrecoveredAt
    .sort((a, b) => finish(a) - finish(b) || a - b)
    .map((i) => ({ ...columns.ref(i), finishedAt: finish(i), ageSeconds: ageSeconds(now, finish(i)) }));
  if (total === 0) miss('changeFailureRate', 'no-deployments');
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
