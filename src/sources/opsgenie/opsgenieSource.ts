/**
 * The Opsgenie source: the Webhook integration (alert action data as the JSON body).
 *
 * Opsgenie cannot sign webhooks but lets users add headers to the integration, so it is verified by
 * a shared token (`verifyToken`): add the header `X-Checkpoint-Token: <token>`, or put the token as
 * the password of basic auth in the URL or an `Authorization: Basic …` header. The token is read from
 * `OPSGENIE_WEBHOOK_TOKEN` (several, comma-separated, during a rotation).
 */
import { z } from 'zod';
import type { IncidentEventInput } from '../../contract/events.js';
import { instant, parsePayload } from '../parsePayload.js';
import { bodyDigest, readJsonBody } from '../readJsonBody.js';
import { tagServices } from '../tagServices.js';
import type { Source } from '../types.js';
import { verifyToken } from '../verifyToken.js';

const actionSchema = z.looseObject({
  action: z.string().min(1),
  alert: z.looseObject({
    alertId: z.string().min(1),
    createdAt: instant,
    updatedAt: instant.nullish(),
    tags: z.array(z.string()).nullish(),
    teams: z.array(z.string()).nullish(),
    priority: z.string().nullish(),
  }),
});

const measured = ['Create', 'Acknowledge', 'Close'];

/**
 * The Opsgenie source. Alert actions `Create` (opened at the alert's `createdAt`), `Acknowledge`
 * (`acknowledgedAt`) and `Close` (`resolvedAt`, both the alert's `updatedAt`, else the arrival time)
 * make an incident whose id is the `alertId`; other actions are ignored. Services: those whose
 * `opsgenie` mapping lists one of the alert's tags or teams (Opsgenie sends team ids, and only on
 * `Create`, so a mapping by tag is the robust one), and those named by `service:<name>` tags.
 * Severity is the alert's priority when sent. Opsgenie sends no delivery id: a hash of the body is used.
 */
export const opsgenieSource: Source = {
  name: 'opsgenie',
  secretEnv: 'OPSGENIE_WEBHOOK_TOKEN',
  verify: verifyToken,
  parse(request, context) {
    const body = readJsonBody(request.body);
    if ('error' in body) return body;
    const deliveryId = bodyDigest(request.body);
    const parsed = parsePayload(actionSchema, body.value);
    if ('error' in parsed) return parsed;
    const { action, alert } = parsed.data;
    const eventType = action;
    if (!measured.includes(action)) {
      return { deliveryId, eventType, events: [], ignored: `Opsgenie action ${action} is not measured` };
    }
    const tags = alert.tags ?? [];
    const services = tagServices(context.organisation, 'opsgenie', [...tags, ...(alert.teams ?? [])], tags);
    if (services.length === 0) {
      return {
        deliveryId,
        eventType,
        events: [],
        ignored: 'no tag or team of the alert is mapped to a service',
      };
    }
    const changedAt = alert.updatedAt ?? new Date(context.receivedAt).toISOString();
    const event: IncidentEventInput = {
      type: 'incident',
      id: alert.alertId,
      source: 'opsgenie',
      services,
      openedAt: alert.createdAt,
      ...(action === 'Acknowledge' ? { acknowledgedAt: changedAt } : {}),
      ...(action === 'Close' ? { resolvedAt: changedAt } : {}),
      ...(alert.priority ? { severity: alert.priority } : {}),
    };
    return { deliveryId, eventType, events: [event] };
  },
};
