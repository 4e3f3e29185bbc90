import type { Instant } from '../events.js';
import type { Window } from './calendar.js';
import type { DeliveryModel, IncidentRecord, MeasuredHistory, Range } from './deliveryModel.js';

/** Whether a service belongs to the group at an instant (ownership may change over time). */
export type Member = (service: string, at: Instant) => boolean;

/**
 * The member of a group that holds every event of its services, whenever: the figures then find a
 * service's deployments in a window by bisection instead of asking for each.
 */
export const always: Member = () => true;

/** First position in `range` whose time is ≥ `at` (times ascending over the range). */
function lowerBound(range: Range, timeAt: (position: number) => number, at: Instant): number {
  let lo = range.from;
  let hi = range.to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeAt(mid) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function servicesOf(
  model: Pick<MeasuredHistory, 'byService'>,
  services: Iterable<string> | undefined,
): Iterable<string> {
  return services === undefined ? model.byService.keys() : new Set(services);
}

/** The positions of `selectRuns` one by one, ordered by finish (then by position). */
export function selectDeployments(
  model: Pick<MeasuredHistory, 'byService' | 'columns'>,
  window: Window,
  member: Member,
  services?: Iterable<string>,
): number[] {
  const runs = selectRuns(model, window, member, services);
  const found: number[] = [];
  for (let r = 0; r < runs.from.length; r++) {
    for (let i = runs.from[r] as number; i < (runs.to[r] as number); i++) found.push(i);
  }
  const { finishedAt } = model.columns;
  const order = (a: number, b: number): number =>
    (finishedAt[a] as number) - (finishedAt[b] as number) || a - b;
  // one service's are in order already
  for (let k = 1; k < found.length; k++) {
    if (order(found[k - 1] as number, found[k] as number) > 0) return found.sort(order);
  }
  return found;
}

/**
 * The measured logical deployments of a group finished in [from, to), as runs of consecutive
 * positions: run k is `from[k]` to `to[k]` (exclusive). History deployments are left out;
 * `member(service, finishedAt)` decides; `services` narrows the services looked at. Service by service,
 * each service's runs in order of finish.
 */
export function selectRuns(
  model: Pick<MeasuredHistory, 'byService' | 'columns'>,
  window: Window,
  member: Member,
  services?: Iterable<string>,
): { from: number[]; to: number[] } {
  const from: number[] = [];
  const to: number[] = [];
  const { finishedAt, history } = model.columns;
  const timeAt = (i: number): number => finishedAt[i] ?? 0;
  const add = (i: number) => {
    const last = to.length - 1;
    if (last >= 0 && to[last] === i) to[last] = i + 1;
    else {
      from.push(i);
      to.push(i + 1);
    }
  };
  for (const service of servicesOf(model, services)) {
    const range = model.byService.get(service)?.deployments;
    if (range === undefined) continue;
    let i = lowerBound(range, timeAt, window.from);
    const end = lowerBound(range, timeAt, window.to);
    // history deployments (before onboarding) come first in a service's order
    while (i < end && history[i] === 1) i++;
    if (member === always) {
      if (i < end) {
        from.push(i);
        to.push(end);
      }
      continue;
    }
    for (; i < end; i++) if (member(service, finishedAt[i] as number)) add(i);
  }
  return { from, to };
}

/**
 * Positions in `DeliveryModel.changes` of the group's changes carried by deployments finished in
 * [from, to), ordered by that finish (then by position).
 */
export function selectChanges(
  model: Pick<DeliveryModel, 'byService' | 'changes'>,
  window: Window,
  member: Member,
  services?: Iterable<string>,
): number[] {
  const { finishedAt } = model.changes;
  const timeAt = (p: number): number => finishedAt[p] ?? 0;
  const found: number[] = [];
  for (const service of servicesOf(model, services)) {
    const range = model.byService.get(service)?.changes;
    if (range === undefined) continue;
    for (let p = lowerBound(range, timeAt, window.from); p < range.to; p++) {
      const at = finishedAt[p] as number;
      if (at >= window.to) break;
      if (member(service, at)) found.push(p);
    }
  }
  return found.sort((a, b) => timeAt(a) - timeAt(b) || a - b);
}

/**
 * Indices of the group's incidents opened before `openedBefore` that `accept` keeps, each once however
 * many of the group's services it names: it belongs to the group when `member(service, openedAt)` holds
 * for one of its services.
 */
export function selectIncidents(
  model: MeasuredHistory,
  member: Member,
  openedBefore: Instant,
  accept: (incident: IncidentRecord) => boolean,
  services?: Iterable<string>,
): number[] {
  const found = new Set<number>();
  for (const service of servicesOf(model, services)) {
    for (const index of model.byService.get(service)?.incidents ?? []) {
      const incident = model.incidents[index];
      if (incident === undefined || incident.openedAt >= openedBefore) break;
      if (found.has(index) || !accept(incident)) continue;
      if (member(service, incident.openedAt)) found.add(index);
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** The entries of `list` at `indices`, in that order. */
export function pick<T>(list: readonly T[], indices: readonly number[]): T[] {
  const found: T[] = [];
  for (const index of indices) {
    const item = list[index];
    if (item !== undefined) found.push(item);
  }
  return found;
}
