import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { githubExample } from '../../src/sources/github/githubExamples.js';
import type { SourceName } from '../../src/sources/index.js';
import { testOrganisation } from '../../src/sources/testOrganisation.js';

/** The secret of every source, as the environment gives them to the server. */
export const webhookSecrets = {
  GITHUB_WEBHOOK_SECRET: 'trust-github-secret',
  GITLAB_WEBHOOK_TOKEN: 'trust-gitlab-token',
  PAGERDUTY_WEBHOOK_SECRET: 'trust-pagerduty-secret',
  OPSGENIE_WEBHOOK_TOKEN: 'trust-opsgenie-token',
  DATADOG_WEBHOOK_TOKEN: 'trust-datadog-token',
};

/** An organisation that maps the services of every source's recorded payloads. */
export const webhookOrganisation = testOrganisation([
  { name: 'hello-world', repo: 'Codertocat/Hello-World' },
  { name: 'diaspora', repo: 'mike/diaspora' },
  { name: 'gitlab-test', repo: 'gitlabhq/gitlab-test' },
  { name: 'deploy-hooks', repo: 'root/test-deployment-webhooks' },
  { name: 'checkout', repo: 'acme/checkout', opsgenie: ['tag1'] },
  { name: 'api', repo: 'acme/api', pagerduty: ['PF9KMXH'] },
]);

export interface BaseDelivery {
  source: SourceName;
  /** The tool's name for the event (GitHub's X-GitHub-Event, GitLab's X-Gitlab-Event). */
  event: string;
  payload: Record<string, unknown>;
}

const fixture = (source: string, name: string): Record<string, unknown> =>
  JSON.parse(
    readFileSync(new URL(`../../src/sources/${source}/fixtures/${name}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

/** Recorded deliveries of every source that yield events, the starting points of the fuzzing. */
export const baseDeliveries: Record<SourceName, BaseDelivery[]> = {
  github: (
    ['push', 'deployment_status', 'pull_request', 'deployment', 'workflow_run', 'issues'] as const
  ).map((event) => ({
    source: 'github',
    event,
    payload: githubExample(event, 0) as Record<string, unknown>,
  })),
  gitlab: [
    ['Push Hook', 'push.json'],
    ['Deployment Hook', 'deployment.json'],
    ['Merge Request Hook', 'merge-request-merged.json'],
    ['Pipeline Hook', 'pipeline.json'],
    ['Issue Hook', 'incident-closed.json'],
  ].map(([event, name]) => ({
    source: 'gitlab',
    event: event as string,
    payload: fixture('gitlab', name as string),
  })),
  pagerduty: ['incident-triggered.json', 'incident-acknowledged.json', 'incident-resolved.json'].map(
    (name) => ({
      source: 'pagerduty',
      event: 'incident',
      payload: fixture('pagerduty', name),
    }),
  ),
  opsgenie: ['create.json', 'acknowledge.json', 'close.json'].map((name) => ({
    source: 'opsgenie',
    event: 'alert',
    payload: fixture('opsgenie', name),
  })),
  datadog: ['triggered.json', 'recovered.json'].map((name) => ({
    source: 'datadog',
    event: 'monitor',
    payload: fixture('datadog', name),
  })),
};

/** Gives a payload a fresh delivery id where the tool carries it in the body, so it is not a redelivery. */
export function withFreshId(source: SourceName, payload: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(payload);
  if (source === 'pagerduty') (copy.event as Record<string, unknown>).id = randomUUID();
  if (source === 'datadog') copy.id = randomUUID();
  return copy;
}

const hmac = (secret: string, body: Buffer) => createHmac('sha256', secret).update(body).digest('hex');

/** A request to `POST /webhooks/<source>` carrying `body` with valid credentials for it. */
export function signedRequest(
  source: SourceName,
  body: Buffer,
  options: { event?: string; deliveryId?: string; contentType?: string } = {},
) {
  const deliveryId = options.deliveryId ?? randomUUID();
  const credentials: Record<SourceName, Record<string, string>> = {
    github: {
      'x-github-event': options.event ?? 'push',
      'x-github-delivery': deliveryId,
      'x-hub-signature-256': `sha256=${hmac(webhookSecrets.GITHUB_WEBHOOK_SECRET, body)}`,
    },
    gitlab: {
      'x-gitlab-event': options.event ?? 'Push Hook',
      'x-gitlab-token': webhookSecrets.GITLAB_WEBHOOK_TOKEN,
      'idempotency-key': deliveryId,
    },
    pagerduty: { 'x-pagerduty-signature': `v1=${hmac(webhookSecrets.PAGERDUTY_WEBHOOK_SECRET, body)}` },
    opsgenie: { 'x-checkpoint-token': webhookSecrets.OPSGENIE_WEBHOOK_TOKEN },
    datadog: { 'x-checkpoint-token': webhookSecrets.DATADOG_WEBHOOK_TOKEN },
  };
  return {
    method: 'POST' as const,
    url: `/webhooks/${source}`,
    headers: { 'content-type': options.contentType ?? 'application/json', ...credentials[source] },
    payload: body,
  };
}
