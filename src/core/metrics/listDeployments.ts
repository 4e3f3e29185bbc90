import type { Instant } from '../events.js';
import type { Window } from './calendar.js';
import type { CarryRule, DeliveryModel, FailureReason, ReworkReason } from './deliveryModel.js';
import { type Member, pick, selectDeployments } from './selectGroup.js';

/** One logical deployment for a drill-down. */
export interface DeploymentRow {
  /** Identity of the first member. */
  source: string;
  id: string;
  /** Every member's id, first finished first. */
  ids: string[];
  service: string;
  environments: string[];
  sha: string | null;
  version: string | null;
  finishedAt: Instant;
  carryRule: CarryRule;
  /** Shas of the changes it carries. */
  changes: string[];
  failed: boolean;
  failureReasons: FailureReason[];
  recoveredAt: Instant | null;
  /** `recoveredAt − finishedAt` in seconds, null unless failed and recovered. */
  recoverySeconds: number | null;
  rework: boolean;
  reworkReasons: ReworkReason[];
}

/**
 * The group's measured logical deployments finished in [from, to), by finish. `services`, when given,
 * narrows the services looked at (`member` still decides).
 */
export function listDeployments(
  model: DeliveryModel,
  window: Window,
  member: Member,
  services?: Iterable<string>,
): DeploymentRow[] {
  return pick(model.deployments, selectDeployments(model, window, member, services)).map((d) => ({
    source: d.source,
    id: d.id,
    ids: d.members.map((m) => m.id),
    service: d.service,
    environments: [...new Set(d.members.map((m) => m.environment))],
    sha: d.sha,
    version: d.version,
    finishedAt: d.finishedAt,
    carryRule: d.carryRule,
    changes: model.changes.change.slice(d.changesFrom, d.changesTo).map((c) => c.sha),
    failed: d.failed,
    failureReasons: [...d.failureReasons],
    recoveredAt: d.recoveredAt,
    recoverySeconds: d.recoveredAt === null ? null : (d.recoveredAt - d.finishedAt) / 1000,
    rework: d.reworkReasons.length > 0,
    reworkReasons: [...d.reworkReasons],
  }));
}
