import type { Instant } from '../events.js';
import type { Window } from './calendar.js';
import type { DeliveryModel } from './deliveryModel.js';
import { type Member, pick, selectIncidents } from './selectGroup.js';

/** One incident for a drill-down: restore and acknowledge in seconds, and the deployments it is attributed to. */
export interface IncidentRow {
  source: string;
  id: string;
  services: string[];
  openedAt: Instant;
  acknowledgedAt: Instant | null;
  resolvedAt: Instant | null;
  open: boolean;
  changeRelated: boolean;
  causedBy: string | null;
  restoreSeconds: number | null;
  acknowledgeSeconds: number | null;
  attributedTo: { source: string; id: string; service: string }[];
}

/**
 * The group's incidents that overlap [from, to): opened before `to` and resolved at or after `from`, or
 * still open. That includes every incident the window's time to restore counts and every open one.
 * By opening. `services`, when given, narrows the services looked at (`member` still decides).
 */
export function listIncidents(
  model: DeliveryModel,
  window: Window,
  member: Member,
  services?: Iterable<string>,
): IncidentRow[] {
  const overlaps = selectIncidents(
    model,
    member,
    window.to,
    (i) => i.resolvedAt === null || i.resolvedAt >= window.from,
    services,
  );
  return pick(model.incidents, overlaps).map((i) => ({
    source: i.source,
    id: i.id,
    services: [...i.services],
    openedAt: i.openedAt,
    acknowledgedAt: i.acknowledgedAt,
    resolvedAt: i.resolvedAt,
    open: i.resolvedAt === null,
    changeRelated: i.changeRelated,
    causedBy: i.causedBy,
    restoreSeconds: i.restoreSeconds,
    acknowledgeSeconds: i.acknowledgeSeconds,
    attributedTo: pick(model.deployments, i.attributedTo).map((d) => ({
      source: d.source,
      id: d.id,
      service: d.service,
    })),
  }));
}
