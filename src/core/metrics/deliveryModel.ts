import type { Change, Deployment, Instant } from '../events.js';
import type { LeadTimeStart } from './measureConfig.js';

/** An incident or deployment named by its identity. */
export interface EventRef {
  source: string;
  id: string;
}

/**
 * How a logical deployment's changes were found (metrics contract §3): `history` (before onboarding:
 * marks what is deployed, carries nothing), `first` (the first measured deployment: only its explicit
 * `commits`), `redeploy` (a sha or version the service already deployed: nothing), `commits` (rule 1),
 * `ancestry` (rule 2), `push-order` (rule 3), `unknown` (no rule applies: nothing).
 */
export type CarryRule = 'history' | 'first' | 'redeploy' | 'commits' | 'ancestry' | 'push-order' | 'unknown';

/**
 * Why a deployment failed (change failure rate rules 1–4): an incident naming it in `causedBy`
 * (`caused-by`), an incident attributed by time (`incident-window`), the next deployment a rollback
 * (flagged, or of a sha or version deployed before this one) or a hotfix (labelled, carrying a change
 * labelled `hotfix`, or carrying a change that reverts one of this deployment's changes).
 */
export type FailureReason =
  | { rule: 'caused-by'; incident: EventRef }
  | { rule: 'incident-window'; incident: EventRef }
  | { rule: 'rollback'; next: EventRef; by: 'flag' | 'earlier-sha' }
  | { rule: 'hotfix'; next: EventRef; by: 'label' | 'hotfix-change' | 'revert'; change?: string };

/**
 * Why a deployment was unplanned (rework rate): a rollback (flagged, or of a sha or version deployed
 * before its predecessor), labelled `hotfix`, carrying a change labelled `hotfix`, carrying a revert.
 */
export type ReworkReason =
  | 'rollback-flag'
  | 'rollback-earlier-sha'
  | 'hotfix-label'
  | 'hotfix-change'
  | 'revert-change';

/**
 * A logical successful production deployment: the deployments of one service and sha (or version) to
 * production-class environments within 24 h of the first, finished at the last of them.
 */
export interface LogicalDeployment {
  /** Identity of the first member (earliest finished). */
  source: string;
  id: string;
  service: string;
  /** The physical deployments merged, by finish (first finished first). */
  members: Deployment[];
  sha: string | null;
  version: string | null;
  /** What was deployed: the sha, else the version behind a NUL character (redeploy and rollback checks). */
  key: string;
  /** When the first member finished (ms). */
  firstFinishedAt: Instant;
  /** When the last member finished (ms): the deployment's time for every figure. */
  finishedAt: Instant;
  /** Earliest arrival of a member; breaks ties of equal finish times. */
  arrival: number;
  /** Finished before the service's `onboardedAt`: marks what is deployed, never measured. */
  history: boolean;
  /** Union of the members' `commits`; null when none lists any. */
  commits: string[] | null;
  /** Any member flagged `rollback`. */
  rollbackFlag: boolean;
  /** Union of the members' labels. */
  labels: string[];
  carryRule: CarryRule;
  /** The changes it carries: positions `changesFrom` to `changesTo` (exclusive) of `DeliveryModel.changes`. */
  changesFrom: number;
  changesTo: number;
  /** Index into `DeliveryModel.deployments` of the service's previous / next logical deployment. */
  previous: number | null;
  next: number | null;
  /** Rules 3–4: what the next deployment says about this one (known from the service's deployments alone). */
  nextFailure: readonly FailureReason[];
  failed: boolean;
  /** Rules 1–2 (incidents, in their order), then rules 3–4. */
  failureReasons: readonly FailureReason[];
  /** Earliest recovery instant of a failed deployment (ms), null when failed and not recovered or not failed. */
  recoveredAt: Instant | null;
  reworkReasons: readonly ReworkReason[];
}

/**
 * What a `causedBy` can name the logical deployments by (change failure rule 1), position by position:
 * the id of any member, the sha, the version. Laid out by `analyseDelivery` from its deployments, and
 * by `assembleHistory` from stored facts.
 */
export interface DeploymentNames {
  readonly service: readonly string[];
  /** Id of the first member. */
  readonly id: readonly string[];
  /** Ids of the other members of the positions that merged several. */
  readonly mergedIds: ReadonlyMap<number, readonly string[]>;
  readonly sha: readonly (string | null)[];
  readonly version: readonly (string | null)[];
}

/** What phase one says of each logical deployment's failure: what `measureIncidents` completes. */
export interface PhaseOneFailures {
  readonly finishedAt: ArrayLike<number>;
  /** 1 where rules 3–4 hold: what the next deployment, at the next position, says fails it. */
  readonly failedByNext: Uint8Array;
}

/**
 * The logical deployments as the figures read them, one position per deployment (service by service,
 * each service's in logical order), as columns: a history holds tens of thousands of them.
 */
export interface DeploymentColumns {
  /** Finish of the last member (ms). */
  readonly finishedAt: Float64Array;
  /** 1 when finished before the service was onboarded: marks what is deployed, never measured. */
  readonly history: Uint8Array;
  readonly failed: Uint8Array;
  /** 1 when unplanned (rework). */
  readonly rework: Uint8Array;
  /** Earliest recovery of a failed deployment (ms); NaN when not failed or not recovered. */
  readonly recoveredAt: Float64Array;
  /** Its carried changes: positions `changesFrom[i]` to `changesTo[i]` (exclusive) of the changes. */
  readonly changesFrom: Int32Array;
  readonly changesTo: Int32Array;
  /**
   * The lead times (seconds) of the carried changes, deployment after deployment, negative ones left
   * out: deployment i's are positions `leadFrom[i]` to `leadTo[i]` (exclusive), so consecutive
   * deployments' are one run.
   */
  readonly leadTimes: Float64Array;
  readonly leadFrom: Int32Array;
  readonly leadTo: Int32Array;
  /**
   * The whole milliseconds of the lead times before each position of `leadTimes` (one entry more than
   * it has): a run's sum is the difference of its ends, exact while the history's lead times add up to
   * less than 2^53 ms (some 285,000 years).
   */
  readonly leadMsBefore: Float64Array;
  /** The identity of the deployment at a position (the first member's) and its service. */
  ref(position: number): EventRef & { service: string };
}

/**
 * What `summarise` reads: a `DeliveryModel`, or the same figures rebuilt from stored per-service facts
 * without the change records.
 */
export interface MeasuredHistory {
  columns: DeploymentColumns;
  incidents: readonly IncidentRecord[];
  byService: ReadonlyMap<string, ServiceIndex>;
}

/** The measured history of every service (phase two's outcome): what the figures and drill-down scopes read. */
export interface WholeHistory extends MeasuredHistory {
  /** What each incident's `causedBy` names (what `drillDownScope` reads). */
  causes: CauseServices;
}

/**
 * The changes carried by the deployments, one position per (change, service) carried, kept as columns
 * because a history holds hundreds of thousands of them. Positions run service by service, each
 * service's in its deployments' logical order. Lead time is in seconds; its parts (coding, review,
 * waiting) are given by `listChanges`.
 */
export interface CarriedChanges {
  length: number;
  /** The change record at each position. */
  change: readonly Change[];
  /** Index into `DeliveryModel.deployments` of the carrying deployment. */
  deployment: readonly number[];
  /** The carrying deployment's finish (ms). */
  finishedAt: readonly number[];
  /** From the start chosen by `leadTimeStart` to the deployment's finish, seconds; NaN when negative (dropped). */
  leadTimeSeconds: readonly number[];
}

/** An incident with its restore and acknowledge times (seconds) and the deployments it is attributed to. */
export interface IncidentRecord {
  source: string;
  id: string;
  services: readonly string[];
  openedAt: Instant;
  acknowledgedAt: Instant | null;
  resolvedAt: Instant | null;
  changeRelated: boolean;
  causedBy: string | null;
  /** `resolvedAt − openedAt` in seconds; null when open or negative. */
  restoreSeconds: number | null;
  /** `acknowledgedAt − openedAt` in seconds; null when not acknowledged or negative. */
  acknowledgeSeconds: number | null;
  /** Indices into `DeliveryModel.deployments` (change failure rules 1–2). */
  attributedTo: readonly number[];
}

/**
 * What the deployments each incident's `causedBy` names belong to (`causedBy` → services), as incident
 * attribution reads it (rule 1): by a member's id when any deployment has that id, else by sha, else by
 * version.
 */
export type CauseServices = ReadonlyMap<string, ReadonlySet<string>>;

/** A range `from` to `to` (exclusive) of positions. */
export interface Range {
  from: number;
  to: number;
}

/** Where one service's records are. */
export interface ServiceIndex {
  /** Its logical deployments in `DeliveryModel.deployments`, in logical order (by finish). */
  deployments: Range;
  /** Its carried changes in `DeliveryModel.changes`, by their deployment's finish. */
  changes: Range;
  /** Indices into `DeliveryModel.incidents` of the incidents naming the service, by opening. */
  incidents: readonly number[];
}

/**
 * What the deployments and changes alone determine (phase one, before incidents): logical deployments
 * with what they carry, their rework and rules 3–4 of their failure. Each service's part depends only
 * on its own deployments and its repository's changes.
 */
export interface DeployedHistory {
  leadTimeStart: LeadTimeStart;
  /** Service by service (services in name order), each service's in logical order. */
  deployments: readonly LogicalDeployment[];
  changes: CarriedChanges;
  /** Each service's range of `deployments`. */
  serviceDeployments: ReadonlyMap<string, Range>;
  /** Per service: listed `commits` naming no known change. */
  unknownCommits: ReadonlyMap<string, number>;
  dataQuality: { negativeLeadTimes: number; unknownCommits: number };
}

/** Everything `analyseDelivery` derives from the whole history; `summarise` reads windows of it. */
export interface DeliveryModel extends WholeHistory {
  /** The lead-time start the changes were measured from. */
  leadTimeStart: LeadTimeStart;
  /**
   * Logical deployments service by service (services in name order), each service's in logical order:
   * the records behind `columns`, position for position.
   */
  deployments: readonly LogicalDeployment[];
  /** What a `causedBy` can name each deployment by. */
  names: DeploymentNames;
  changes: CarriedChanges;
  incidents: readonly IncidentRecord[];
  byService: ReadonlyMap<string, ServiceIndex>;
  dataQuality: {
    /** Carried changes whose lead time was negative (dropped). */
    negativeLeadTimes: number;
    /** Shas listed in deployment `commits` for which no change is known. */
    unknownCommits: number;
    /** Incidents whose `causedBy` names no production deployment. */
    unmatchedCausedBy: number;
  };
}
