import type { Incident } from '../events.js';
import { keepValidLeadTimes, measureIncidents } from './analyseDelivery.js';
import type { DeployedHistory, DeploymentNames, Range, WholeHistory } from './deliveryModel.js';
import type { MeasureConfig } from './measureConfig.js';
import { millisecondsBefore } from './statistics.js';

/**
 * One service's part of phase one (`analyseDeployments`): what its logical production deployments
 * are, what they carried (lead times only), what their successors say of them, and what an incident's
 * `causedBy` can name them by. It depends only on the service's deployments and its repository's
 * changes, so it is kept and rebuilt only when those change; incidents are applied when it is read
 * (`assembleHistory`). Columns are in the service's logical order, one position per deployment.
 */
export interface ServiceFacts {
  service: string;
  deployments: {
    /** Finish of the last member (ms). */
    finishedAt: Float64Array;
    /** How many changes each carries. */
    carried: Int32Array;
    /** How many of those have a lead time kept (the others' were negative, and dropped). */
    kept: Int32Array;
    /** What phase one says of each, as the bits of `factMark`. */
    marks: Uint8Array;
  };
  /** The kept lead times in seconds, deployment after deployment. */
  leadTimes: Float64Array;
  names: ServiceNames;
  /** Listed `commits` naming no known change. */
  unknownCommits: number;
}

/** The bits of `ServiceFacts.deployments.marks`. */
export const factMark = {
  /** Finished before the service was onboarded. */
  history: 1,
  /** Unplanned: a rollback or a hotfix. */
  rework: 2,
  /** Failed by rules 3–4: the next deployment is its rollback or hotfix. */
  failedByNext: 4,
} as const;

/** Each deployment's identity and what a `causedBy` can name it by, position by position. */
export interface ServiceNames {
  source: string[];
  /** Id of the first member. */
  id: string[];
  sha: (string | null)[];
  version: (string | null)[];
  /** Ids of the other members of merged deployments, by position. */
  members: Record<string, string[]>;
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
      finishedAt: new Float64Array(0),
      carried: new Int32Array(0),
      kept: new Int32Array(0),
      marks: new Uint8Array(0),
    },
    leadTimes: new Float64Array(0),
    names: { source: [], id: [], sha: [], version: [], members: {} },
    unknownCommits: 0,
  };
}

/** Splits a phase-one result into each service's facts. */
export function serviceFactsOf(history: DeployedHistory): ServiceFacts[] {
  const seconds = history.changes.leadTimeSeconds;
  const facts: ServiceFacts[] = [];
  for (const [service, range] of history.serviceDeployments) {
    const d = history.deployments.slice(range.from, range.to);
    const n = d.length;
    const finishedAt = new Float64Array(n);
    const carried = new Int32Array(n);
    const kept = new Int32Array(n);
    const marks = new Uint8Array(n);
    const members: Record<string, string[]> = {};
    const first = d[0]?.changesFrom ?? 0;
    const leadTimes = new Float64Array((d[n - 1]?.changesTo ?? first) - first);
    let valid = 0;
    d.forEach((deployment, i) => {
      finishedAt[i] = deployment.finishedAt;
      carried[i] = deployment.changesTo - deployment.changesFrom;
      const from = valid;
      valid = keepValidLeadTimes(seconds, deployment.changesFrom, deployment.changesTo, leadTimes, valid);
      kept[i] = valid - from;
      marks[i] =
        (deployment.history ? factMark.history : 0) |
        (deployment.reworkReasons.length > 0 ? factMark.rework : 0) |
        (deployment.nextFailure.length > 0 ? factMark.failedByNext : 0);
      if (deployment.members.length > 1) members[i] = deployment.members.slice(1).map((m) => m.id);
    });
    facts.push({
      service,
      deployments: { finishedAt, carried, kept, marks },
      leadTimes: leadTimes.slice(0, valid),
      names: {
        source: d.map((x) => x.source),
        id: d.map((x) => x.id),
        sha: d.map((x) => x.sha),
        version: d.map((x) => x.version),
        members,
      },
      unknownCommits: history.unknownCommits.get(service) ?? 0,
    });
  }
  return facts;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The measured history rebuilt from every service's facts and the incidents, plus data quality. */
export interface AssembledHistory extends WholeHistory {
  /** What a `causedBy` can name each deployment by. */
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
  let leadCount = 0;
  for (const f of ordered) {
    n += f.deployments.finishedAt.length;
    leadCount += f.leadTimes.length;
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
  const leadTimes = new Float64Array(leadCount);
  const leadFrom = new Int32Array(n);
  const leadTo = new Int32Array(n);
  const serviceDeployments = new Map<string, Range>();
  let unknownCommits = 0;
  let at = 0;
  let position = 0;
  let valid = 0;
  for (const f of ordered) {
    const d = f.deployments;
    const count = d.finishedAt.length;
    unknownCommits += f.unknownCommits;
    if (count === 0) continue;
    serviceDeployments.set(f.service, { from: at, to: at + count });
    finishedAt.set(d.finishedAt, at);
    leadTimes.set(f.leadTimes, valid);
    for (let i = 0; i < count; i++) {
      const k = at + i;
      changesFrom[k] = position;
      position += d.carried[i] as number;
      changesTo[k] = position;
      leadFrom[k] = valid;
      valid += d.kept[i] as number;
      leadTo[k] = valid;
      const marks = d.marks[i] as number;
      history[k] = marks & factMark.history ? 1 : 0;
      rework[k] = marks & factMark.rework ? 1 : 0;
      failedByNext[k] = marks & factMark.failedByNext ? 1 : 0;
      names.service[k] = f.service;
      names.id[k] = f.names.id[i] as string;
      names.sha[k] = f.names.sha[i] ?? null;
      names.version[k] = f.names.version[i] ?? null;
      source[k] = f.names.source[i] as string;
    }
    for (const [i, ids] of Object.entries(f.names.members)) names.mergedIds.set(at + Number(i), ids);
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
      leadTimes,
      leadFrom,
      leadTo,
      leadMsBefore: millisecondsBefore(leadTimes),
      ref: (k) => ({ source: source[k] ?? '', id: names.id[k] ?? '', service: names.service[k] ?? '' }),
    },
    names,
    incidents: measured.incidents,
    byService: measured.byService,
    causes: measured.causes,
    // every carried change not kept had its (negative) lead time dropped
    dataQuality: {
      negativeLeadTimes: position - valid,
      unknownCommits,
      unmatchedCausedBy: measured.unmatchedCausedBy,
    },
  };
}
