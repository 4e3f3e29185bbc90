import type { Change, Instant } from '../events.js';
import type { Window } from './calendar.js';
import type { DeliveryModel, EventRef } from './deliveryModel.js';
import { leadTime } from './leadTime.js';
import { type Member, selectChanges } from './selectGroup.js';

/** One carried change for a drill-down: lead time and its parts in seconds (null when unknown). */
export interface ChangeRow {
  repo: string;
  sha: string;
  service: string;
  deployment: EventRef;
  finishedAt: Instant;
  startAt: Instant;
  /** Null when negative (dropped from the figures). */
  leadTimeSeconds: number | null;
  negative: boolean;
  codingSeconds: number | null;
  reviewSeconds: number | null;
  waitingSeconds: number | null;
  labels: string[];
  reverts: string[];
}

/**
 * The group's changes carried by deployments finished in [from, to), by their deployment's finish.
 * `services`, when given, narrows the services looked at (`member` still decides).
 */
export function listChanges(
  model: DeliveryModel,
  window: Window,
  member: Member,
  services?: Iterable<string>,
): ChangeRow[] {
  return selectChanges(model, window, member, services).map((p): ChangeRow => {
    const change = model.changes.change[p] as Change;
    const d = model.deployments[model.changes.deployment[p] ?? -1];
    const finishedAt = model.changes.finishedAt[p] ?? 0;
    const lead = leadTime(change, finishedAt, model.leadTimeStart);
    return {
      repo: change.repo,
      sha: change.sha,
      service: d?.service ?? '',
      deployment: { source: d?.source ?? '', id: d?.id ?? '' },
      finishedAt,
      startAt: lead.startAt,
      leadTimeSeconds: lead.leadTimeSeconds,
      negative: lead.negative,
      codingSeconds: lead.codingSeconds,
      reviewSeconds: lead.reviewSeconds,
      waitingSeconds: lead.waitingSeconds,
      labels: [...change.labels],
      reverts: [...change.reverts],
    };
  });
}
