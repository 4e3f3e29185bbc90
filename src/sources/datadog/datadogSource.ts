/**
 * The Datadog source: monitor notifications through the Webhooks integration, with the payload of
 * `datadogPayloadTemplate` (field names as there; Datadog's default payload is understood too but
 * lacks what maps an incident, so it is rejected with a message that says to use the template).
 *
 * Datadog cannot sign webhooks but sends custom headers, so it is verified by a shared token
 * (`verifyToken`): the header `X-Checkpoint-Token: <token>`, or the token as the basic-auth password.
 * The token is read from `DATADOG_WEBHOOK_TOKEN` (several, comma-separated, during a rotation).
 */
import { z } from 'zod';
import type { IncidentEventInput } from '../../contract/events.js';
import { parsePayload } from '../parsePayload.js';
import { bodyDigest, readJsonBody } from '../readJsonBody.js';
import { tagServices } from '../tagServices.js';
import { toIsoInstant } from '../toIsoInstant.js';
import type { Source } from '../types.js';
import { verifyToken } from '../verifyToken.js';

/** A rendered variable: text or a number; empty or still `$VARIABLE` when Datadog had no value. */
const variable = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => {
    const text = value === null || value === undefined ? '' : String(value).trim();
    return text === '' || /^\$[A-Z_]+$/.test(text) ? undefined : text;
  });

/** A tag list: Datadog's comma-separated text, or a JSON list when the template builds one. */
const tagList = z
  .union([z.array(z.string()), variable])
  .transform((value) => (Array.isArray(value) ? value.join(',') : value));

const notificationSchema = z.looseObject({
  id: variable,
  alert_id: variable,
  alert_cycle_key: variable,
  aggreg_key: variable,
  alert_transition: variable,
  alert_priority: variable,
  title: variable,
  date: variable,
  tags: tagList,
  alert_scope: tagList,
});

const opening = ['triggered', 're-triggered'];
const closing = ['recovered'];

/** Comma-separated tag lists (`$TAGS`, `$ALERT_SCOPE`) as one list of trimmed tags. */
function splitTags(...lists: (string | undefined)[]): string[] {
  return lists
    .flatMap((list) => (list ?? '').split(','))
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/**
 * The Datadog source. `Triggered` and `Re-Triggered` open an incident at `date`; `Recovered` resolves
 * it at `date` (also sent as `openedAt`: the store keeps the earliest, so a recovery whose trigger was
 * missed counts as a zero-length incident). Other transitions (Warn, No Data, Renotify…) are ignored.
 * The id is `alert_cycle_key`, else `<alert_id>-<aggreg_key>` (then every cycle of a monitor group
 * shares one id: configure the cycle key). Services come from `service:<name>` tags of `tags` and
 * `alert_scope`, by service name or the `datadog` mapping; severity is `alert_priority`.
 */
export const datadogSource: Source = {
  name: 'datadog',
  secretEnv: 'DATADOG_WEBHOOK_TOKEN',
  verify: verifyToken,
  parse(request, context) {
    const body = readJsonBody(request.body);
    if ('error' in body) return body;
    const parsed = parsePayload(notificationSchema, body.value);
    if ('error' in parsed) return parsed;
    const notification = parsed.data;
    const deliveryId = notification.id ?? bodyDigest(request.body);
    const transition = notification.alert_transition ?? notification.title?.match(/^\[([^\]]+)\]/)?.[1];
    const eventType = transition ?? 'unknown';
    const kind = transition?.toLowerCase() ?? '';
    if (!opening.includes(kind) && !closing.includes(kind)) {
      return {
        deliveryId,
        eventType,
        events: [],
        ignored: `Datadog transition ${eventType} is not measured`,
      };
    }
    const id =
      notification.alert_cycle_key ??
      (notification.alert_id && notification.aggreg_key
        ? `${notification.alert_id}-${notification.aggreg_key}`
        : undefined);
    if (id === undefined) {
      return {
        error:
          'payload has no alert_cycle_key (nor alert_id and aggreg_key): use the recommended payload template',
      };
    }
    const at = notification.date === undefined ? undefined : toIsoInstant(notification.date);
    if (notification.date !== undefined && at === undefined)
      return { error: `date: is not a date-time: ${notification.date}` };
    const when = at ?? new Date(context.receivedAt).toISOString();
    const services = tagServices(
      context.organisation,
      'datadog',
      [],
      splitTags(notification.tags, notification.alert_scope),
    );
    if (services.length === 0) {
      return {
        deliveryId,
        eventType,
        events: [],
        ignored: 'no service:<name> tag of the alert names a mapped service',
      };
    }
    const event: IncidentEventInput = {
      type: 'incident',
      id,
      source: 'datadog',
      services,
      openedAt: when,
      ...(closing.includes(kind) ? { resolvedAt: when } : {}),
      ...(notification.alert_priority ? { severity: notification.alert_priority } : {}),
    };
    return { deliveryId, eventType, events: [event] };
  },
};
