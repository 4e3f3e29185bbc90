import type { Change, EventSet, Incident } from '../events.js';
import { assessNext, completeFailures, type Failures } from './assessFailures.js';
import { attributeIncidents } from './attributeIncidents.js';
import { carryChanges } from './carryChanges.js';
import { createChangeCatalog } from './changeCatalog.js';
import type {
  CarriedChanges,
  CauseServices,
  DeliveryModel,
  DeployedHistory,
  DeploymentNames,
  FailureReason,
  IncidentRecord,
  LogicalDeployment,
  PhaseOneFailures,
  Range,
  ServiceIndex,
} from './deliveryModel.js';
import { leadTimeStartOf } from './leadTime.js';
import { groupLogicalDeployments } from './logicalDeployments.js';
import type { MeasureConfig } from './measureConfig.js';
import { millisecondsBefore } from './statistics.js';

/**
 * Phase one of measuring (metrics contract §3–§4), from deployments and changes alone: the logical
 * successful production deployments, the changes each carries with their lead times (seconds), their
 * rework and the failure rules 3–4. A service's part depends only on its own deployments and its
 * repository's changes (every change, for a service without a declared repository), so it can be
 * derived service by service and kept.
 *
 * Near-linear: changes are indexed by (repo, sha), ancestry is walked once per service, push order is
 * one sorted array per repository.
 *
 * @param environment when given, only deployments to exactly this environment count, none merge.
 */
export function analyseDeployments(
  events: Pick<EventSet, 'changes' | 'deployments'>,
  config: MeasureConfig,
  environment?: string,
): DeployedHistory {
  const deployments = groupLogicalDeployments(events.deployments, config, environment);
  const serviceDeployments = new Map<string, Range>();
  deployments.forEach((d, index) => {
    const onboardedAt = config.services.get(d.service)?.onboardedAt;
    d.history = onboardedAt !== undefined && d.finishedAt < onboardedAt;
    const range = serviceDeployments.get(d.service);
    if (range === undefined) {
      serviceDeployments.set(d.service, { from: index, to: index + 1 });
      return;
    }
    range.to = index + 1;
    d.previous = index - 1;
    const previous = deployments[index - 1];
    if (previous !== undefined) previous.next = index;
  });

  const catalog = createChangeCatalog(events.changes);
  const change: Change[] = [];
  const carrying: number[] = [];
  const finishedAt: number[] = [];
  const leadTimeSeconds: number[] = [];
  let negativeLeadTimes = 0;
  const unknownCommits = carryChanges(deployments, catalog, config.services, (index, rule, carried) => {
    const d = deployments[index];
    if (d === undefined) return;
    d.carryRule = rule;
    d.changesFrom = change.length;
    for (const c of carried) {
      const record = catalog.changes[c];
      if (record === undefined) continue;
      const seconds = (d.finishedAt - leadTimeStartOf(record, config.leadTimeStart)) / 1000;
      if (seconds < 0) negativeLeadTimes += 1;
      change.push(record);
      carrying.push(index);
      finishedAt.push(d.finishedAt);
      leadTimeSeconds.push(seconds < 0 ? Number.NaN : seconds);
    }
    d.changesTo = change.length;
  });
  const changes: CarriedChanges = {
    length: change.length,
    change,
    deployment: carrying,
    finishedAt,
    leadTimeSeconds,
  };
  assessNext(deployments, serviceDeployments, changes);
  return {
    leadTimeStart: config.leadTimeStart,
    deployments,
    changes,
    serviceDeployments,
    unknownCommits,
    dataQuality: {
      negativeLeadTimes,
      unknownCommits: [...unknownCommits.values()].reduce((sum, n) => sum + n, 0),
    },
  };
}

/** What phase two reads of the logical deployments, position by position. */
export interface PhaseOne extends PhaseOneFailures {
  names: DeploymentNames;
  changesFrom: ArrayLike<number>;
  changesTo: ArrayLike<number>;
}

/** What phase two gives: the incidents attributed, every deployment's failure, each service's records. */
export interface PhaseTwo extends Failures {
  incidents: IncidentRecord[];
  /** Rules 1–2 by position (`attributeIncidents`). */
  attributed: Map<number, FailureReason[]>;
  byService: Map<string, ServiceIndex>;
  causes: CauseServices;
  unmatchedCausedBy: number;
}

/**
 * Phase two of measuring: attributes the incidents to the deployments (failure rules 1–2), completes
 * every deployment's failure and recovery, and indexes each service's deployments, carried changes and
 * incidents.
 */
export function measureIncidents(
  phaseOne: PhaseOne,
  serviceDeployments: ReadonlyMap<string, Range>,
  incidents: readonly Incident[],
  attributionWindowHours: number,
): PhaseTwo {
  const attribution = attributeIncidents(
    incidents,
    phaseOne.names,
    phaseOne.finishedAt,
    serviceDeployments,
    attributionWindowHours,
  );
  const serviceIncidents = new Map<string, number[]>();
  attribution.incidents.forEach((incident, index) => {
    for (const service of incident.services) {
      const list = serviceIncidents.get(service);
      if (list === undefined) serviceIncidents.set(service, [index]);
      else list.push(index);
    }
  });
  const failures = completeFailures(phaseOne, attribution.reasons, attribution.incidents);

  const byService = new Map<string, ServiceIndex>();
  const services = [...new Set([...serviceDeployments.keys(), ...serviceIncidents.keys()])].sort();
  for (const service of services) {
    const range = serviceDeployments.get(service) ?? { from: 0, to: 0 };
    byService.set(service, {
      deployments: range,
      changes:
        range.to > range.from
          ? { from: phaseOne.changesFrom[range.from] ?? 0, to: phaseOne.changesTo[range.to - 1] ?? 0 }
          : { from: 0, to: 0 },
      incidents: serviceIncidents.get(service) ?? [],
    });
  }
  return {
    ...failures,
    incidents: attribution.incidents,
    attributed: attribution.reasons,
    byService,
    causes: attribution.causes,
    unmatchedCausedBy: attribution.unmatchedCausedBy,
  };
}

/** The positions of logical deployments, laid out as phase two and the figures read them. */
function phaseOneOf(
  deployments: readonly LogicalDeployment[],
): PhaseOne & { finishedAt: Float64Array; changesFrom: Int32Array; changesTo: Int32Array } {
  const n = deployments.length;
  const names = {
    service: new Array<string>(n),
    id: new Array<string>(n),
    mergedIds: new Map<number, string[]>(),
    sha: new Array<string | null>(n),
    version: new Array<string | null>(n),
  };
  const finishedAt = new Float64Array(n);
  const changesFrom = new Int32Array(n);
  const changesTo = new Int32Array(n);
  const failedByNext = new Uint8Array(n);
  deployments.forEach((d, i) => {
    names.service[i] = d.service;
    names.id[i] = d.id;
    if (d.members.length > 1)
      names.mergedIds.set(
        i,
        d.members.slice(1).map((m) => m.id),
      );
    names.sha[i] = d.sha;
    names.version[i] = d.version;
    finishedAt[i] = d.finishedAt;
    if (d.nextFailure.length > 0) failedByNext[i] = 1;
    changesFrom[i] = d.changesFrom;
    changesTo[i] = d.changesTo;
  });
  return { names, finishedAt, failedByNext, changesFrom, changesTo };
}

/**
 * Measures the whole history (metrics contract §3–§4): phase one (`analyseDeployments`) then phase two
 * (`measureIncidents`), whose results are set on the deployments too. Windows and groups are cut from
 * the result by `summarise` and the lists.
 *
 * @param environment when given, only deployments to exactly this environment count, none merge.
 */
export function analyseDelivery(
  events: EventSet,
  config: MeasureConfig,
  environment?: string,
): DeliveryModel {
  const deployed = analyseDeployments(events, config, environment);
  const { deployments } = deployed;
  const phaseOne = phaseOneOf(deployments);
  const measured = measureIncidents(
    phaseOne,
    deployed.serviceDeployments,
    events.incidents,
    config.attributionWindowHours,
  );
  const rework = new Uint8Array(deployments.length);
  const history = new Uint8Array(deployments.length);
  const lead = validLeadTimes(deployed.changes.leadTimeSeconds, phaseOne);
  deployments.forEach((d, i) => {
    d.failureReasons = [...(measured.attributed.get(i) ?? []), ...d.nextFailure];
    d.failed = measured.failed[i] === 1;
    const recovered = measured.recoveredAt[i] as number;
    d.recoveredAt = Number.isNaN(recovered) ? null : recovered;
    if (d.reworkReasons.length > 0) rework[i] = 1;
    if (d.history) history[i] = 1;
  });
  return {
    leadTimeStart: deployed.leadTimeStart,
    deployments,
    names: phaseOne.names,
    columns: {
      finishedAt: phaseOne.finishedAt,
      history,
      failed: measured.failed,
      rework,
      recoveredAt: measured.recoveredAt,
      changesFrom: phaseOne.changesFrom,
      changesTo: phaseOne.changesTo,
      ...lead,
      ref: (position) => {
        const d = deployments[position];
        return { source: d?.source ?? '', id: d?.id ?? '', service: d?.service ?? '' };
      },
    },
    changes: deployed.changes,
    incidents: measured.incidents,
    byService: measured.byService,
    causes: measured.causes,
    dataQuality: { ...deployed.dataQuality, unmatchedCausedBy: measured.unmatchedCausedBy },
  };
}

/** The lead times of each deployment's carried changes without the negative (NaN) ones, run after run. */
function validLeadTimes(
  seconds: ArrayLike<number>,
  positions: { changesFrom: ArrayLike<number>; changesTo: ArrayLike<number> },
): { leadTimes: Float64Array; leadFrom: Int32Array; leadTo: Int32Array; leadMsBefore: Float64Array } {
  const n = positions.changesFrom.length;
  const leadFrom = new Int32Array(n);
  const leadTo = new Int32Array(n);
  const kept = new Float64Array(seconds.length);
  let valid = 0;
  for (let i = 0; i < n; i++) {
    leadFrom[i] = valid;
    valid = keepValidLeadTimes(
      seconds,
      positions.changesFrom[i] as number,
      positions.changesTo[i] as number,
      kept,
      valid,
    );
    leadTo[i] = valid;
  }
  const leadTimes = kept.subarray(0, valid);
  return { leadTimes, leadFrom, leadTo, leadMsBefore: millisecondsBefore(leadTimes) };
}

/**
 * Copies the lead times at positions `from` to `to` of `seconds` that were not dropped as negative
 * (NaN) into `into` from `at`; gives the position after the last copied.
 */
export function keepValidLeadTimes(
  seconds: ArrayLike<number>,
  from: number,
  to: number,
  into: Float64Array,
  at: number,
): number {
  let next = at;
  for (let p = from; p < to; p++) {
    const value = seconds[p] as number;
    if (!Number.isNaN(value)) into[next++] = value;
  }
  return next;
}
