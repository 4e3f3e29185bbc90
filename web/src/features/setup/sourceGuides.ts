/** What to configure in each tool so that its webhooks reach DevOps Checkpoint, step by step. */

export interface SourceGuide {
  title: string;
  /** What the source brings. */
  brings: string;
  steps: string[];
}

export const sourceGuides: Record<string, SourceGuide> = {
  github: {
    title: 'GitHub',
    brings: 'changes (pushes, pull requests), deployments, workflow runs and incident issues',
    steps: [
      'In the repository or organisation: Settings → Webhooks → Add webhook.',
      'Payload URL: the webhook URL above.',
      'Content type: application/json.',
      'Secret: the value of GITHUB_WEBHOOK_SECRET on this server.',
      'Choose "Let me select individual events" and tick: Pushes (push), Pull requests (pull_request), Deployments (deployment), Deployment statuses (deployment_status), Workflow runs (workflow_run) and Issues (issues).',
      'Save, then check "Recent Deliveries" on GitHub and the health here.',
    ],
  },
  gitlab: {
    title: 'GitLab',
    brings: 'changes (pushes, merge requests), deployments, pipelines and incident issues',
    steps: [
      'In the project or group: Settings → Webhooks → Add new webhook.',
      'URL: the webhook URL above.',
      'Secret token: the value of GITLAB_WEBHOOK_TOKEN on this server (GitLab sends it as the X-Gitlab-Token header).',
      'Trigger: push events, merge request events, deployment events, pipeline events, issue events (and work item events for incidents).',
      'Save, then use "Test" → "Push events" to send a first delivery.',
    ],
  },
  pagerduty: {
    title: 'PagerDuty',
    brings: 'incidents: opened, acknowledged, resolved',
    steps: [
      'Integrations → Generic Webhooks (v3) → New Webhook.',
      'Webhook URL: the webhook URL above; scope it to the account or to the services you measure.',
      'Event subscription: incident.triggered, incident.acknowledged, incident.resolved and incident.reopened.',
      'Copy the signing secret PagerDuty shows once and set it as PAGERDUTY_WEBHOOK_SECRET on this server.',
      'Map each PagerDuty service to a service in the organisation file (pagerduty: [service id or name]).',
    ],
  },
  opsgenie: {
    title: 'Opsgenie',
    brings: 'incidents from alerts: created, acknowledged, closed',
    steps: [
      'Settings → Integrations → Add integration → Webhook.',
      'Webhook URL: the webhook URL above.',
      'Add a custom header X-Checkpoint-Token with the value of OPSGENIE_WEBHOOK_TOKEN on this server.',
      'Tick "Add Alert Description to Payload" and "Add Alert Details to Payload"; forward the Create, Acknowledge and Close actions.',
      'Tag alerts service:<name>, or map tags or teams in the organisation file (opsgenie: [tag]).',
    ],
  },
  datadog: {
    title: 'Datadog',
    brings: 'incidents from monitors: triggered and recovered',
    steps: [
      'Integrations → Webhooks → New.',
      'URL: the webhook URL above.',
      'Custom headers: the JSON below, with $CHECKPOINT_TOKEN replaced by the value of DATADOG_WEBHOOK_TOKEN on this server (sent as X-Checkpoint-Token).',
      'Payload: the template below, as it is.',
      'Add @webhook-<name> to the monitors of the services you measure, and tag them service:<name>.',
    ],
  },
  api: {
    title: 'Event API (CI systems, scripts)',
    brings: 'any canonical event: changes, deployments and incidents as JSON',
    steps: [
      'POST one event, or {"events": [...]}, as application/json to the URL above.',
      'Authenticate with Authorization: Bearer <token>: an ingest token from the list below, or CHECKPOINT_INGEST_TOKEN.',
      'Example: curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -d @deployment.json <URL>',
    ],
  },
};
