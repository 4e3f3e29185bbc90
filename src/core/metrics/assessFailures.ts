import type {
  CarriedChanges,
  FailureReason,
  IncidentRecord,
  LogicalDeployment,
  PhaseOneFailures,
  Range,
  ReworkReason,
} from './deliveryModel.js';

/** Whether a label is `hotfix` (any case). */
export const isHotfixLabel = (label: string): boolean => label.toLowerCase() === 'hotfix';

const noPositions: readonly number[] = Object.freeze([]);

/** What a deployment's carried changes say about it. */
interface Carried {
  /** Sha of the first carried change labelled `hotfix`, or null. */
  hotfix: string | null;
  /** Positions of the carried changes that revert something. */
  reverting: readonly number[];
}

const nothingCarried: Carried = { hotfix: null, reverting: noPositions };

function carriedBy(d: LogicalDeployment, changes: CarriedChanges): Carried {
  let hotfix: string | null = null;
  const reverting: number[] = [];
  for (let p = d.changesFrom; p < d.changesTo; p++) {
    const change = changes.change[p];
    if (change === undefined) continue;
    if (hotfix === null && change.labels.length > 0 && change.labels.some(isHotfixLabel)) hotfix = change.sha;
    if (change.reverts.length > 0) reverting.push(p);
  }
  return { hotfix, reverting };
}

/**
 * Rework and rules 3–4 of failure (metrics contract §4), from a service's deployments and what they
 * carry: N is the service's next logical deployment after D; `byService` gives each service's range of
 * `deployments`. Sets `reworkReasons`, and on D `nextFailure`.
 *
 * - Rule 3: N is flagged `rollback`, or deploys a sha (version when it has none) that a logical
 *   deployment of the service before D deployed. Rule 4: N is labelled `hotfix`, or carries a change
 *   labelled `hotfix`, or carries a change whose `reverts` names a change D carried.
 * - Rework of R with predecessor D: R flagged `rollback`, or deploying a sha a deployment before D
 *   deployed; R labelled `hotfix`; R carrying a change labelled `hotfix` or a change with `reverts`.
 *
 * Decision where the contract is silent: N deploying the same sha as D is a redeploy, never a rollback,
 * even when that sha had been deployed before D as well. Labels compare without case.
 */
export function assessNext(
  deployments: readonly LogicalDeployment[],
  byService: ReadonlyMap<string, Range>,
  changes: CarriedChanges,
): void {
  for (const range of byService.values()) {
    const firstDeployed = new Map<string, number>();
    for (let i = range.from; i < range.to; i++) {
      const key = deployments[i]?.key ?? '';
      if (!firstDeployed.has(key)) firstDeployed.set(key, i);
    }
    for (let i = range.from; i < range.to; i++) {
      const d = deployments[i] as LogicalDeployment;
      const previous = i > range.from ? deployments[i - 1] : undefined;
      const carried = d.changesTo > d.changesFrom ? carriedBy(d, changes) : nothingCarried;
      // a rollback to a sha deployed before its predecessor (and not the predecessor's own sha)
      const rollsBack =
        previous !== undefined && d.key !== previous.key && (firstDeployed.get(d.key) ?? i) < i - 1;
      const labelled = d.labels.some(isHotfixLabel);

      const rework: ReworkReason[] = [];
      if (d.rollbackFlag) rework.push('rollback-flag');
      if (rollsBack) rework.push('rollback-earlier-sha');
      if (labelled) rework.push('hotfix-label');
      if (carried.hotfix !== null) rework.push('hotfix-change');
      if (carried.reverting.length > 0) rework.push('revert-change');
      if (rework.length > 0) d.reworkReasons = rework;
      if (previous !== undefined && rework.length > 0)
        fail(previous, d, rollsBack, labelled, carried, changes);
    }
  }
}

/** Whether each logical deployment failed and when it recovered, by position. */
export interface Failures {
  /** 1 when failed. */
  failed: Uint8Array;
  /** Earliest recovery of a failed deployment (ms); NaN when not failed or not recovered. */
  recoveredAt: Float64Array;
}

/**
 * Completes the failure of every deployment from rules 1–2 (`attributeIncidents`'s reasons) and rules
 * 3–4 (`phaseOne.failedByNext`): D failed when any holds; it recovered at the earliest of the resolution
 * of an incident attributed to it and N's finish when N is D's rollback or hotfix; resolutions before D
 * finished are ignored.
 */
export function completeFailures(
  phaseOne: PhaseOneFailures,
  attributed: ReadonlyMap<number, readonly FailureReason[]>,
  incidents: readonly IncidentRecord[],
): Failures {
  const n = phaseOne.finishedAt.length;
  const failed = new Uint8Array(n);
  const recoveredAt = new Float64Array(n).fill(Number.NaN);
  const settle = (index: number, at: number): void => {
    const finished = phaseOne.finishedAt[index] as number;
    // NaN compares false: the first recovery found replaces it
    if (at >= finished && !(at >= (recoveredAt[index] as number))) recoveredAt[index] = at;
  };
  for (const index of attributed.keys()) failed[index] = 1;
  for (let index = 0; index < n; index++) {
    if (phaseOne.failedByNext[index] === 0) continue;
    failed[index] = 1;
    // N, whose finish is the recovery, is the service's next position
    settle(index, phaseOne.finishedAt[index + 1] as number);
  }
  for (const incident of incidents) {
    if (incident.resolvedAt === null) continue;
    for (const index of incident.attributedTo) settle(index, incident.resolvedAt);
  }
  return { failed, recoveredAt };
}

/** Records on D the rules 3–4 that its next deployment N triggers. */
function fail(
  d: LogicalDeployment,
  n: LogicalDeployment,
  rollsBack: boolean,
  labelled: boolean,
  carried: Carried,
  changes: CarriedChanges,
): void {
  const next = { source: n.source, id: n.id };
  const failure: FailureReason[] = [];
  if (n.rollbackFlag) failure.push({ rule: 'rollback', next, by: 'flag' });
  if (rollsBack) failure.push({ rule: 'rollback', next, by: 'earlier-sha' });
  if (labelled) failure.push({ rule: 'hotfix', next, by: 'label' });
  if (carried.hotfix !== null)
    failure.push({ rule: 'hotfix', next, by: 'hotfix-change', change: carried.hotfix });
  if (carried.reverting.length > 0) {
    const undone = new Set(changes.change.slice(d.changesFrom, d.changesTo).map((c) => c.sha));
    for (const p of carried.reverting) {
      const change = changes.change[p];
      if (change?.reverts.some((sha) => undone.has(sha))) {
        failure.push({ rule: 'hotfix', next, by: 'revert', change: change.sha });
      }
    }
  }
  if (failure.length > 0) {
    d.nextFailure = failure;
  }
}
