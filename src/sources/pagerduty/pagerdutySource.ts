/**
 * The PagerDuty source: v3 webhook subscriptions.
 *
 * Verified by `X-PagerDuty-Signature`, a comma-separated list of `v1=<hex HMAC-SHA256(secret, raw
 * body)>` (several during PagerDuty's own secret rotation); any one valid for any configured secret
 * passes. Measured: `incident.triggered`, `incident.acknowledged`, `incident.resolved` and
 * `incident.reopened`; every other event type is acknowledged and ignored. The delivery id is
 * `event.id`.
 */
import { z } from 'zod';
import type { IncidentEventInput } from '../../contract/events.js';
import { headerValues } from '../headerValue.js';
import { findServiceByName, serviceNames, servicesMappedBy } from '../listServices.js';
import { identifier, instant, parsePayload } from '../parsePayload.js';
import { readJsonBody } from '../readJsonBody.js';
import type { RawRequest, Source, SourceContext } from '../types.js';
import { hasValidHmac } from '../verifyToken.js';

const envelopeSchema = z.looseObject({
  event: z.looseObject({
    id: identifier,
    event_type: z.string().min(1),
    occurred_at: instant,
    data: z.unknown(),
  }),
});

const incidentSchema = z.looseObject({
  id: identifier,
  created_at: instant,
  service: z.looseObject({ id: z.string().min(1), summary: z.string().nullish() }),
  priority: z.looseObject({ summary: z.string().nullish() }).nullish(),
  urgency: z.string().nullish(),
});

const measured = ['incident.triggered', 'incident.acknowledged', 'incident.resolved', 'incident.reopened'];

/** True when any `v1=` signature of `X-PagerDuty-Signature` is valid for any of `secrets`. */
export function verifyPagerdutySignature(request: RawRequest, secrets: readonly string[]): boolean {
  const signatures = headerValues(request.headers, 'x-pagerduty-signature')
    .flatMap((value) => value.split(','))
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => part.slice('v1='.length));
  return signatures.length > 0 && hasValidHmac(request.body, secrets, signatures);
}

/**
 * The organisation's services a PagerDuty service maps to: those whose `pagerduty` list names its id
 * or its name (`summary`); failing that, the service whose own name equals the PagerDuty name.
 */
export function servicesOfPagerdutyService(
  context: SourceContext,
  id: string,
  name: string | null | undefined,
): string[] {
  const mapped = servicesMappedBy(context.organisation, 'pagerduty', [id, name ?? '']);
  if (mapped.length > 0) return serviceNames(mapped);
  const same = name ? findServiceByName(context.organisation, name) : undefined;
  return same ? [same.name] : [];
}

/**
 * The PagerDuty source. An incident's id is PagerDuty's incident id; it opens at the incident's
 * `created_at`; `incident.acknowledged` sets `acknowledgedAt` and `incident.resolved` `resolvedAt` to
 * the event's `occurred_at`; severity is the priority (`P1`…) or else the urgency. A reopened
 * incident is reported as opened again (the contract cannot clear an earlier `resolvedAt`).
 */
export const pagerdutySource: Source = {
  name: 'pagerduty',
  secretEnv: 'PAGERDUTY_WEBHOOK_SECRET',
  verify: verifyPagerdutySignature,
  parse(request, context) {
    const body = readJsonBody(request.body);
    if ('error' in body) return body;
    const envelope = parsePayload(envelopeSchema, body.value);
    if ('error' in envelope) return envelope;
    const { id: deliveryId, event_type: eventType, occurred_at: occurredAt, data } = envelope.data.event;
    if (!measured.includes(eventType)) {
      return { deliveryId, eventType, events: [], ignored: `PagerDuty event ${eventType} is not measured` };
    }
    const parsed = parsePayload(incidentSchema, data);
    if ('error' in parsed)
      return { error: parsed.error.replace('wrong field: ', 'wrong field: event.data.') };
    const incident = parsed.data;
    const services = servicesOfPagerdutyService(context, incident.service.id, incident.service.summary);
    if (services.length === 0) {
      const name = incident.service.summary ? ` (${incident.service.summary})` : '';
      return {
        deliveryId,
        eventType,
        events: [],
        ignored: `PagerDuty service ${incident.service.id}${name} is not mapped to a service`,
      };
    }
    const severity = incident.priority?.summary || incident.urgency || undefined;
    const event: IncidentEventInput = {
      type: 'incident',
      id: incident.id,
      source: 'pagerduty',
      services,
      openedAt: incident.created_at,
      ...(eventType === 'incident.acknowledged' ? { acknowledgedAt: occurredAt } : {}),
      ...(eventType === 'incident.resolved' ? { resolvedAt: occurredAt } : {}),
      ...(severity ? { severity } : {}),
    };
    return { deliveryId, eventType, events: [event] };
  },
};
