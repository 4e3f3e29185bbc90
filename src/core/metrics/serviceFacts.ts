import type { Incident } from '../events.js';
import { keepValidLeadTimes, measureIncidents } from './analyseDelivery.js';
import type {
  DeployedHistory,
  DeploymentNames,
  FailureReason,
  MeasuredHistory,
  Range,
  ReworkReason,
} from './deliveryModel.js';
import type { MeasureConfig } from './measureConfig.js';

/**
 * One service's part of phase one (`analyseDeployments`) as plain JSON data: what its logical
 * production deployments are, what they carried (lead times only) and what their successors say of
 * them. It depends only on the service's deployments and its repository's changes, so it is kept and
 * rebuilt only when those change; incidents are applied when it is read (`assembleHistory`).
 * Deployment columns are in the service's logical order; sparse ones are keyed by position.
 */
export interface ServiceFacts {
  service: string;
  deployments: {
    source: string[];
    id: string[];
    sha: (string | null)[];
    version: (string | null)[];
    /** Finish of the last member (ms). */
    finishedAt: number[];
    /** How many changes each carries, in order: its lead times follow those of the one before. */
    carried: number[];
    /** Positions finished before the service was onboarded. */
    history: number[];
    /** Member ids of merged deployments (when more than the first). */
    members: Record<string, string[]>;
    rework: Record<string, ReworkReason[]>;
    /** Failure rules 3–4; the recovery is then the next deployment's finish. */
    nextFailure: Record<string, FailureReason[]>;
  };
  /** Lead time of each carried change in seconds; null when negative (dropped). */
  leadTimes: (number | null)[];
  /** Listed `commits` naming no known change. */
  unknownCommits: number;
}

/** What a service's facts are derived from besides its deployments: its repository's changes, or all. */
export type ChangeScope = { repo: string } | { anyRepo: true };

/**
 * The changes a service's facts depend on: its declared repository's, or for a service without one
 * (measured by listed `commits` only, found in any repository) the changes with those shas.
 */
export function changeScopeOf(service: string, config: Pick<MeasureConfig, 'services'>): ChangeScope {
  const declared = config.services.get(service);
  return declared === undefined ? { anyRepo: true } : { repo: declared.repo };
}

/** The facts of a service with no production deployment (only other environments, or none succeeded). */
export function emptyServiceFacts(service: string): ServiceFacts {
  return {
    service,
    deployments: {
      source: [],
      id: [],
      sha: [],
      version: [],
      finishedAt: [],
      carried: [],
      history: [],
      members: {},
      rework: {},
      nextFailure: {},
    },
    leadTimes: [],
    unknownCommits: 0,
  };
}

/** Splits a phase-one result into each service's facts. */
export function serviceFactsOf(history: DeployedHistory): ServiceFacts[] {
  const facts: ServiceFacts[] = [];
  for (const [service, range] of history.serviceDeployments) {
    const d = history.deployments.slice(range.from, range.to);
    const members: Record<string, string[]> = {};
    const rework: Record<string, ReworkReason[]> = {};
    const nextFailure: Record<string, FailureReason[]> = {};
    const historyPositions: number[] = [];
    d.forEach((deployment, i) => {
      if (deployment.members.length > 1) members[i] = deployment.members.map((m) => m.id);
      if (deployment.reworkReasons.length > 0) rework[i] = [...deployment.reworkReasons];
      if (deployment.nextFailure.length > 0) nextFailure[i] = [...deployment.nextFailure];
      if (deployment.history) historyPositions.push(i);
    });
    const first = d[0]?.changesFrom ?? 0;
    const last = d[d.length - 1]?.changesTo ?? first;
    const leadTimes: (number | null)[] = [];
    for (let p = first; p < last; p++) {
      const seconds = history.changes.leadTimeSeconds[p] ?? Number.NaN;
      leadTimes.push(Number.isNaN(seconds) ? null : seconds);
    }
    facts.push({
      service,
      deployments: {
        source: d.map((x) => x.source),
        id: d.map((x) => x.id),
        sha: d.map((x) => x.sha),
        version: d.map((x) => x.version),
        finishedAt: d.map((x) => x.finishedAt),
        carried: d.map((x) => x.changesTo - x.changesFrom),
        history: historyPositions,
        members,
        rework,
        nextFailure,
      },
      leadTimes,
      unknownCommits: history.unknownCommits.get(service) ?? 0,
    });
  }
  return facts;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The measured history rebuilt from every service's facts and the incidents, plus data quality. */
export interface AssembledHistory extends MeasuredHistory {
  /** What a `causedBy` can name each deployment by (what `drillDownScope` reads). */
  names: DeploymentNames;
  dataQuality: { negativeLeadTimes: number; unknownCommits: number; unmatchedCausedBy: number };
}

/**
 * Rebuilds what `summarise` reads from every service's facts: the services' deployments and lead times
 * laid out as `analyseDelivery` lays them out, as columns, then phase two (`measureIncidents`) over the
 * incidents. The figures are those of `analyseDelivery` on the same events.
 */
export function assembleHistory(
  facts: readonly ServiceFacts[],
  incidents: readonly Incident[],
  attributionWindowHours: number,
): AssembledHistory {
  const ordered = [...facts].sort((a, b) => compareText(a.service, b.service));
  let n = 0;
  let changeCount = 0;
  for (const f of ordered) {
    n += f.deployments.id.length;
    changeCount += f.leadTimes.length;
  }
  const names = {
    service: new Array<string>(n),
    id: new Array<string>(n),
    mergedIds: new Map<number, readonly string[]>(),
    sha: new Array<string | null>(n),
    version: new Array<string | null>(n),
  };
  const source = new Array<string>(n);
  const finishedAt = new Float64Array(n);
  const history = new Uint8Array(n);
  const rework = new Uint8Array(n);
  const failedByNext = new Uint8Array(n);
  const changesFrom = new Int32Array(n);
  const changesTo = new Int32Array(n);
  const leadTimes = new Float64Array(changeCount);
  const leadFrom = new Int32Array(n);
  const leadTo = new Int32Array(n);
  const serviceDeployments = new Map<string, Range>();
  let unknownCommits = 0;
  let at = 0;
  let position = 0;
  let valid = 0;
  for (const f of ordered) {
    const d = f.deployments;
    const count = d.id.length;
    unknownCommits += f.unknownCommits;
    if (count === 0) continue;
    serviceDeployments.set(f.service, { from: at, to: at + count });
    let lead = 0;
    for (let i = 0; i < count; i++) {
      const k = at + i;
      names.service[k] = f.service;
      names.id[k] = d.id[i] as string;
      names.sha[k] = d.sha[i] ?? null;
      names.version[k] = d.version[i] ?? null;
      source[k] = d.source[i] as string;
      finishedAt[k] = d.finishedAt[i] as number;
      const carried = d.carried[i] ?? 0;
      changesFrom[k] = position;
      position += carried;
      changesTo[k] = position;
      leadFrom[k] = valid;
      valid = keepValidLeadTimes(f.leadTimes, lead, lead + carried, leadTimes, valid);
      lead += carried;
      leadTo[k] = valid;
    }
    for (const i of d.history) history[at + i] = 1;
    for (const i of Object.keys(d.rework)) rework[at + Number(i)] = 1;
    for (const [i, ids] of Object.entries(d.members)) names.mergedIds.set(at + Number(i), ids.slice(1));
    for (const i of Object.keys(d.nextFailure)) failedByNext[at + Number(i)] = 1;
    at += count;
  }
  const measured = measureIncidents(
    { names, finishedAt, failedByNext, changesFrom, changesTo },
    serviceDeployments,
    incidents,
    attributionWindowHours,
  );
  return {
    columns: {
      finishedAt,
      history,
      failed: measured.failed,
      rework,
      recoveredAt: measured.recoveredAt,
      changesFrom,
      changesTo,
      leadTimes: leadTimes.subarray(0, valid),
      leadFrom,
      leadTo,
      ref: (k) => ({ source: source[k] ?? '', id: names.id[k] ?? '', service: names.service[k] ?? '' }),
    },
    names,
    incidents: measured.incidents,
    byService: measured.byService,
    // every carried change not kept had its (negative) lead time dropped
    dataQuality: {
      negativeLeadTimes: position - valid,
      unknownCommits,
      unmatchedCausedBy: measured.unmatchedCausedBy,
    },
  };
}
