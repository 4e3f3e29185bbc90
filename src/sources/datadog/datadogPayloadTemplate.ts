/**
 * The payload template to paste into Datadog's Webhooks integration (Integrations → Webhooks →
 * New → Payload) for DevOps Checkpoint. Datadog replaces each `$VARIABLE` when a monitor notifies
 * `@webhook-<name>`; what each one holds is listed in Datadog's Webhooks integration documentation.
 *
 * | field | variable | use |
 * | --- | --- | --- |
 * | `id` | `$ID` | the event id: the delivery id |
 * | `alert_cycle_key` | `$ALERT_CYCLE_KEY` | links every notification from trigger to recovery: the incident id |
 * | `alert_id`, `aggreg_key` | `$ALERT_ID`, `$AGGREG_KEY` | monitor and group: the incident id when no cycle key |
 * | `alert_transition` | `$ALERT_TRANSITION` | `Triggered` / `Re-Triggered` open, `Recovered` resolves |
 * | `date` | `$DATE` | when it happened (epoch ms) |
 * | `tags`, `alert_scope` | `$TAGS`, `$ALERT_SCOPE` | comma-separated tags; `service:<name>` maps the service |
 * | `alert_priority` | `$ALERT_PRIORITY` | the severity (`P1`…) |
 * | `title` | `$EVENT_TITLE` | `[Triggered] …`: the transition when `alert_transition` is absent |
 *
 * Add the custom header `{"X-Checkpoint-Token": "$CHECKPOINT_TOKEN"}` (a hidden custom variable of the
 * integration holding the value of `DATADOG_WEBHOOK_TOKEN`), or basic auth with the token as password.
 * Leave "Encode as form" unchecked: the body must be JSON.
 */
export const datadogPayloadTemplate = `{
  "id": "$ID",
  "alert_id": "$ALERT_ID",
  "alert_cycle_key": "$ALERT_CYCLE_KEY",
  "aggreg_key": "$AGGREG_KEY",
  "alert_transition": "$ALERT_TRANSITION",
  "alert_priority": "$ALERT_PRIORITY",
  "title": "$EVENT_TITLE",
  "date": "$DATE",
  "last_updated": "$LAST_UPDATED",
  "tags": "$TAGS",
  "alert_scope": "$ALERT_SCOPE",
  "link": "$LINK",
  "org": { "id": "$ORG_ID", "name": "$ORG_NAME" }
}`;

/** The custom headers to give the Datadog webhook, with `$CHECKPOINT_TOKEN` a hidden custom variable. */
export const datadogCustomHeaders = '{"X-Checkpoint-Token": "$CHECKPOINT_TOKEN"}';
