import type { Incident } from '../events.js';
import type {
  CauseServices,
  DeploymentNames,
  FailureReason,
  IncidentRecord,
  Range,
} from './deliveryModel.js';

/** Incidents with their attribution, and how many named (`causedBy`) no known deployment. */
export interface Attribution {
  /** Ordered by opening, then identity. */
  incidents: IncidentRecord[];
  /** Rules 1–2 by deployment position (incidents in their order), for the positions any incident fails. */
  reasons: Map<number, FailureReason[]>;
  /** What each `causedBy` names. */
  causes: CauseServices;
  unmatchedCausedBy: number;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const nonNegativeSeconds = (from: number, to: number | undefined): number | null =>
  to === undefined || to < from ? null : (to - from) / 1000;

function addTo(index: Map<string, number[]>, key: string, deployment: number): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [deployment]);
  else if (list[list.length - 1] !== deployment) list.push(deployment);
}

/**
 * Attributes incidents to logical deployments (change failure rate rules 1–2), which `names` and
 * `finishedAt` give position by position; `byService` gives each service's range of positions, in
 * logical order.
 *
 * Rule 1: `causedBy` names a deployment by the id of any member, else by sha, else by version. Among
 * several, those of the incident's own services are preferred, then the latest finished before the
 * incident opened. Rule 2: an incident without `causedBy`, change-related, opened within the
 * attribution window after a deployment of one of its services finished (exclusive at the finish,
 * inclusive at the window's end) and not after the service's next deployment finished: the latest
 * deployment of that service finished before the incident opened, one per service it names.
 *
 * Decisions where the contract is silent: when no named deployment finished before the incident opened
 * (clock skew, an incident during a rollout), the earliest named one is taken; an incident opened
 * exactly when the next deployment N finished still belongs to D (it is not after N finished, and N's
 * own window excludes its finish), so the windows leave no gap; a `causedBy` that names no known
 * production deployment attributes nothing (rule 2 is only for incidents without `causedBy`).
 */
export function attributeIncidents(
  incidents: readonly Incident[],
  names: DeploymentNames,
  finishedAt: ArrayLike<number>,
  byService: ReadonlyMap<string, Range>,
  attributionWindowHours: number,
): Attribution {
  const wanted = new Set<string>();
  for (const incident of incidents) if (incident.causedBy !== undefined) wanted.add(incident.causedBy);
  const index = indexNames(names, wanted);
  const { byId, bySha, byVersion } = index;
  const windowMs = attributionWindowHours * 3_600_000;
  let unmatchedCausedBy = 0;

  const finish = (i: number): number => finishedAt[i] ?? 0;
  /** Whether deployment i finished after j (ties: later in the model's order). */
  const later = (i: number, j: number): boolean =>
    finish(i) > finish(j) || (finish(i) === finish(j) && i > j);

  const named = (incident: Incident, causedBy: string): number => {
    const all = byId.get(causedBy) ?? bySha.get(causedBy) ?? byVersion.get(causedBy) ?? [];
    const own = all.filter((i) => incident.services.includes(names.service[i] ?? ''));
    const candidates = own.length > 0 ? own : all;
    let latest = -1;
    let earliest = -1;
    for (const i of candidates) {
      if (finish(i) < incident.openedAt && (latest < 0 || later(i, latest))) latest = i;
      if (earliest < 0 || later(earliest, i)) earliest = i;
    }
    return latest >= 0 ? latest : earliest;
  };

  const inWindow = (incident: Incident, service: string): number => {
    const range = byService.get(service);
    if (range === undefined) return -1;
    let lo = range.from;
    let hi = range.to;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (finish(mid) < incident.openedAt) lo = mid + 1;
      else hi = mid;
    }
    const latest = lo - 1;
    if (latest < range.from) return -1;
    return incident.openedAt <= finish(latest) + windowMs ? latest : -1;
  };

  const reasons = new Map<number, FailureReason[]>();
  const reason = (index: number, added: FailureReason): void => {
    const list = reasons.get(index);
    if (list === undefined) reasons.set(index, [added]);
    else list.push(added);
  };

  const sorted = [...incidents].sort(
    (a, b) => a.openedAt - b.openedAt || compareText(a.source, b.source) || compareText(a.id, b.id),
  );
  const records = sorted.map((incident): IncidentRecord => {
    const attributedTo: number[] = [];
    const ref = { source: incident.source, id: incident.id };
    if (incident.causedBy !== undefined) {
      const index = named(incident, incident.causedBy);
      if (index < 0) unmatchedCausedBy += 1;
      else {
        attributedTo.push(index);
        reason(index, { rule: 'caused-by', incident: ref });
      }
    } else if (incident.changeRelated) {
      for (const service of new Set(incident.services)) {
        const index = inWindow(incident, service);
        if (index < 0 || attributedTo.includes(index)) continue;
        attributedTo.push(index);
        reason(index, { rule: 'incident-window', incident: ref });
      }
    }
    return {
      source: incident.source,
      id: incident.id,
      services: [...new Set(incident.services)],
      openedAt: incident.openedAt,
      acknowledgedAt: incident.acknowledgedAt ?? null,
      resolvedAt: incident.resolvedAt ?? null,
      changeRelated: incident.changeRelated,
      causedBy: incident.causedBy ?? null,
      restoreSeconds: nonNegativeSeconds(incident.openedAt, incident.resolvedAt),
      acknowledgeSeconds: nonNegativeSeconds(incident.openedAt, incident.acknowledgedAt),
      attributedTo: attributedTo.sort((a, b) => a - b),
    };
  });
  return { incidents: records, reasons, causes: causeServices(index, names), unmatchedCausedBy };
}

/** The services of the deployments each indexed name gives, in rule 1's order: id, else sha, else version. */
function causeServices(index: NameIndex, names: DeploymentNames): CauseServices {
  const named = new Map<string, Set<string>>();
  for (const found of [index.byVersion, index.bySha, index.byId]) {
    for (const [name, positions] of found) {
      named.set(name, new Set(positions.map((position) => names.service[position] ?? '')));
    }
  }
  return named;
}

/** The positions each wanted name gives: by a member's id, by sha, by version. */
export interface NameIndex {
  byId: Map<string, number[]>;
  bySha: Map<string, number[]>;
  byVersion: Map<string, number[]>;
}

/**
 * Indexes the deployments by the names in `wanted` only, so a history of many deployments costs a few
 * set look-ups each.
 */
export function indexNames(names: DeploymentNames, wanted: ReadonlySet<string>): NameIndex {
  const byId = new Map<string, number[]>();
  const bySha = new Map<string, number[]>();
  const byVersion = new Map<string, number[]>();
  if (wanted.size === 0) return { byId, bySha, byVersion };
  const { id, sha, version } = names;
  for (let i = 0; i < id.length; i++) {
    const first = id[i] as string;
    if (wanted.has(first)) addTo(byId, first, i);
    const s = sha[i] ?? null;
    if (s !== null && wanted.has(s)) addTo(bySha, s, i);
    const v = version[i] ?? null;
    if (v !== null && wanted.has(v)) addTo(byVersion, v, i);
  }
  for (const [i, others] of names.mergedIds) {
    for (const other of others) if (wanted.has(other)) addTo(byId, other, i);
  }
  return { byId, bySha, byVersion };
}
