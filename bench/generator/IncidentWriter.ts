/**
 * Writes incident events as an incident tool sends them: one when it opens, sometimes one when it
 * is acknowledged, one when it is resolved (carrying the cause once known) — occasionally the
 * opening one arrives late, after the resolution.
 */

import type { IncidentEventInput } from '../../src/contract/events.js';
import type { Instant } from '../../src/core/events.js';
import { isoUtc } from './localDays.js';
import type { Random } from './Random.js';
import type { Simulation } from './Simulation.js';
import type { ServiceProfile } from './serviceProfiles.js';

const minute = 60_000;
const severities = { sev1: 5, sev2: 20, sev3: 45, sev4: 30 } as const;
const prefixes = { pagerduty: 'PD-', opsgenie: 'OG-', datadog: 'dd-incident-' } as const;

/** An incident that has been opened. */
export interface OpenIncident {
  event: IncidentEventInput;
  openedAt: Instant;
}

/** What to open. */
export interface IncidentSpec {
  openedAt: Instant;
  /** Minutes until acknowledged; absent: never acknowledged. */
  acknowledgeAfter?: number;
  /** `false` for incidents no change caused; absent leaves the default (change-related). */
  changeRelated?: boolean;
  /** Chance of naming further services of the tribe. */
  spread?: number;
  /** Whether the opening event may arrive late, after the resolution (default true). */
  mayArriveLate?: boolean;
}

/** Emits incident events for one service. */
export class IncidentWriter {
  constructor(
    private readonly simulation: Simulation,
    private readonly profile: ServiceProfile,
    private readonly random: Random,
  ) {}

  /** Opens an incident: emits its opening (and acknowledgement) events. */
  open(spec: IncidentSpec): OpenIncident {
    const { profile, random, simulation } = this;
    const services = [profile.service];
    if (profile.neighbours.length > 0 && random.chance(spec.spread ?? 0.08)) {
      const extra = random.int(1, Math.min(2, profile.neighbours.length));
      for (let i = 0; i < extra; i++) {
        const neighbour = random.pick(profile.neighbours);
        if (!services.includes(neighbour)) services.push(neighbour);
      }
    }
    const source = profile.incidentSource;
    const event: IncidentEventInput = {
      type: 'incident',
      id: `${prefixes[source]}${simulation.next(`incident:${source}`, 1_000)}`,
      source,
      services,
      openedAt: isoUtc(spec.openedAt),
      severity: random.weighted(severities),
    };
    if (spec.changeRelated !== undefined) event.changeRelated = spec.changeRelated;
    const lateOpening = spec.mayArriveLate !== false && random.chance(0.02);
    if (!lateOpening) simulation.emit(spec.openedAt, { ...event });
    if (spec.acknowledgeAfter !== undefined) {
      event.acknowledgedAt = isoUtc(spec.openedAt + Math.round(spec.acknowledgeAfter * 60) * 1000);
      if (random.chance(0.4)) simulation.emit(spec.openedAt + spec.acknowledgeAfter * minute, { ...event });
    }
    const open: OpenIncident = { event, openedAt: spec.openedAt };
    if (lateOpening) this.lateOpenings.push(open);
    return open;
  }

  /** Resolves an incident at `resolvedAt`, naming its cause when one is known. */
  resolve(incident: OpenIncident, resolvedAt: Instant, causedBy?: string): void {
    const resolved: IncidentEventInput = { ...incident.event, resolvedAt: isoUtc(resolvedAt) };
    if (causedBy !== undefined) resolved.causedBy = causedBy;
    this.simulation.emit(resolvedAt, resolved);
    const late = this.lateOpenings.indexOf(incident);
    if (late >= 0) {
      this.lateOpenings.splice(late, 1);
      const { acknowledgedAt: _ack, ...opening } = incident.event;
      this.simulation.emit(resolvedAt + this.random.int(1, 10) * minute, opening);
    }
  }

  private readonly lateOpenings: OpenIncident[] = [];
}
