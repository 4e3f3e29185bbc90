import type { Incident } from '../events.js';
import { measureIncidents, type PlacedDeployment } from './analyseDelivery.js';
import type {
  DeployedHistory,
  FailureReason,
  FailureSubject,
  IncidentRecord,
  MeasuredDeployment,
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

/** A deployment rebuilt from facts: what `summarise` and phase two read. */
type FactDeployment = MeasuredDeployment & PlacedDeployment;

const none: readonly never[] = Object.freeze([]);
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The measured history rebuilt from every service's facts and the incidents, plus data quality. */
export interface AssembledHistory extends MeasuredHistory {
  /** With what `drillDownScope` reads of them: members, sha and version. */
  deployments: readonly (MeasuredDeployment & FailureSubject)[];
  dataQuality: { negativeLeadTimes: number; unknownCommits: number; unmatchedCausedBy: number };
}

/**
 * Rebuilds what `summarise` reads from every service's facts: the services' deployments and lead times
 * laid out as `analyseDelivery` lays them out, then phase two (`measureIncidents`) over the incidents.
 * The figures are those of `analyseDelivery` on the same events.
 */
export function assembleHistory(
  facts: readonly ServiceFacts[],
  incidents: readonly Incident[],
  attributionWindowHours: number,
): AssembledHistory {
  const ordered = [...facts].sort((a, b) => compareText(a.service, b.service));
  let deploymentCount = 0;
  let changeCount = 0;
  for (const f of ordered) {
    deploymentCount += f.deployments.id.length;
    changeCount += f.leadTimes.length;
  }
  const deployments: FactDeployment[] = new Array(deploymentCount);
  const finishedAt = new Float64Array(changeCount);
  const leadTimeSeconds = new Float64Array(changeCount);
  const serviceDeployments = new Map<string, Range>();
  let negativeLeadTimes = 0;
  let unknownCommits = 0;
  let at = 0;
  let position = 0;
  for (const f of ordered) {
    const d = f.deployments;
    const n = d.id.length;
    unknownCommits += f.unknownCommits;
    if (n === 0) continue;
    serviceDeployments.set(f.service, { from: at, to: at + n });
    const history = new Set(f.deployments.history);
    let lead = 0;
    for (let i = 0; i < n; i++) {
      const finished = d.finishedAt[i] as number;
      const carried = d.carried[i] ?? 0;
      const changesFrom = position;
      for (let c = 0; c < carried; c++) {
        const seconds = f.leadTimes[lead++] ?? null;
        finishedAt[position] = finished;
        if (seconds === null) negativeLeadTimes += 1;
        leadTimeSeconds[position++] = seconds === null ? Number.NaN : seconds;
      }
      const id = d.id[i] as string;
      const nextFailure = d.nextFailure[i] ?? none;
      deployments[at + i] = {
        source: d.source[i] as string,
        id,
        service: f.service,
        sha: d.sha[i] ?? null,
        version: d.version[i] ?? null,
        finishedAt: finished,
        history: history.has(i),
        members: (d.members[i] ?? [id]).map((member) => ({ id: member })),
        reworkReasons: d.rework[i] ?? none,
        nextFailure,
        recoveryByNext: nextFailure.length > 0 ? (d.finishedAt[i + 1] ?? null) : null,
        failureReasons: none,
        failed: false,
        recoveredAt: null,
        changesFrom,
        changesTo: position,
      };
    }
    at += n;
  }
  const measured = measureIncidents(deployments, serviceDeployments, incidents, attributionWindowHours);
  return {
    deployments,
    changes: { finishedAt, leadTimeSeconds },
    incidents: measured.incidents as readonly IncidentRecord[],
    byService: measured.byService,
    dataQuality: { negativeLeadTimes, unknownCommits, unmatchedCausedBy: measured.unmatchedCausedBy },
  };
}
