import type { Change, EventSet, Incident } from '../events.js';
import { assessNext, completeFailures } from './assessFailures.js';
import { attributeIncidents } from './attributeIncidents.js';
import { carryChanges } from './carryChanges.js';
import { createChangeCatalog } from './changeCatalog.js';
import type {
  CarriedChanges,
  DeliveryModel,
  DeployedHistory,
  FailureSubject,
  IncidentRecord,
  Range,
  ServiceIndex,
} from './deliveryModel.js';
import { leadTimeStartOf } from './leadTime.js';
import { groupLogicalDeployments } from './logicalDeployments.js';
import type { MeasureConfig } from './measureConfig.js';

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

/** A deployment as phase two reads it: its failure and where its carried changes are. */
export type PlacedDeployment = FailureSubject & { changesFrom: number; changesTo: number };

/**
 * Phase two of measuring: attributes the incidents to the deployments (failure rules 1–2), completes
 * every deployment's failure and recovery, and indexes each service's deployments, carried changes and
 * incidents. Sets `failureReasons`, `failed` and `recoveredAt` on the deployments, which must come
 * fresh from phase one.
 */
export function measureIncidents(
  deployments: readonly PlacedDeployment[],
  serviceDeployments: ReadonlyMap<string, Range>,
  incidents: readonly Incident[],
  attributionWindowHours: number,
): { incidents: IncidentRecord[]; byService: Map<string, ServiceIndex>; unmatchedCausedBy: number } {
  const attribution = attributeIncidents(incidents, deployments, serviceDeployments, attributionWindowHours);
  const serviceIncidents = new Map<string, number[]>();
  attribution.incidents.forEach((incident, index) => {
    for (const service of incident.services) {
      const list = serviceIncidents.get(service);
      if (list === undefined) serviceIncidents.set(service, [index]);
      else list.push(index);
    }
  });
  completeFailures(deployments, attribution.incidents);

  const byService = new Map<string, ServiceIndex>();
  const services = [...new Set([...serviceDeployments.keys(), ...serviceIncidents.keys()])].sort();
  for (const service of services) {
    const range = serviceDeployments.get(service) ?? { from: 0, to: 0 };
    const first = deployments[range.from];
    const last = deployments[range.to - 1];
    byService.set(service, {
      deployments: range,
      changes:
        range.to > range.from
          ? { from: first?.changesFrom ?? 0, to: last?.changesTo ?? 0 }
          : { from: 0, to: 0 },
      incidents: serviceIncidents.get(service) ?? [],
    });
  }
  return { incidents: attribution.incidents, byService, unmatchedCausedBy: attribution.unmatchedCausedBy };
}

/**
 * Measures the whole history (metrics contract §3–§4): phase one (`analyseDeployments`) then phase two
 * (`measureIncidents`). Windows and groups are cut from the result by `summarise` and the lists.
 *
 * @param environment when given, only deployments to exactly this environment count, none merge.
 */
export function analyseDelivery(
  events: EventSet,
  config: MeasureConfig,
  environment?: string,
): DeliveryModel {
  const deployed = analyseDeployments(events, config, environment);
  const measured = measureIncidents(
    deployed.deployments,
    deployed.serviceDeployments,
    events.incidents,
    config.attributionWindowHours,
  );
  return {
    leadTimeStart: deployed.leadTimeStart,
    deployments: deployed.deployments,
    changes: deployed.changes,
    incidents: measured.incidents,
    byService: measured.byService,
    dataQuality: { ...deployed.dataQuality, unmatchedCausedBy: measured.unmatchedCausedBy },
  };
}
