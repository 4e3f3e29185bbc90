import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { githubExample } from '../../src/sources/github/githubExamples.js';
import { testOrganisation } from '../../src/sources/testOrganisation.js';
import { pgliteBackend } from '../support/databases.js';
import { createTestApp } from '../support/testApp.js';

const githubSecret = 'gh-secret';
const pagerdutySecret = 'pd-secret';
const sha = (c: string) => c.repeat(40);
const [c0, c1, c2] = [sha('a'), sha('b'), sha('c')];

interface Delivery {
  url: string;
  headers: Record<string, string>;
  body: string;
}

const github = (event: string, delivery: string, payload: unknown): Delivery => {
  const body = JSON.stringify(payload);
  return {
    url: '/webhooks/github',
    body,
    headers: {
      'x-github-event': event,
      'x-github-delivery': delivery,
      'x-hub-signature-256': `sha256=${createHmac('sha256', githubSecret).update(body).digest('hex')}`,
    },
  };
};

const pagerdutyFixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../src/sources/pagerduty/fixtures/${name}`, import.meta.url), 'utf8'));

const pagerduty = (name: string, eventId: string, occurredAt: string): Delivery => {
  const payload = pagerdutyFixture(name);
  payload.event.id = eventId;
  payload.event.occurred_at = occurredAt;
  payload.event.data.id = 'PINCIDENT1';
  payload.event.data.created_at = '2026-02-10T13:00:00Z';
  const body = JSON.stringify(payload);
  return {
    url: '/webhooks/pagerduty',
    body,
    headers: {
      'x-pagerduty-signature': `v1=${createHmac('sha256', pagerdutySecret).update(body).digest('hex')}`,
    },
  };
};

function push(
  delivery: string,
  before: string,
  commits: { id: string; timestamp: string }[],
  pushedAt: string,
) {
  const payload = githubExample('push', 4);
  payload.before = before;
  payload.after = commits.at(-1)?.id ?? before;
  payload.repository.pushed_at = Math.floor(Date.parse(pushedAt) / 1000);
  payload.commits = commits.map((commit) => ({
    ...payload.head_commit!,
    ...commit,
    message: 'Improve search',
    added: [],
    removed: [],
    modified: ['src/search.ts'],
  }));
  payload.head_commit = payload.commits.at(-1) ?? null;
  return github('push', delivery, payload);
}

function deploymentStatus(
  delivery: string,
  id: number,
  commit: string,
  createdAt: string,
  finishedAt: string,
) {
  const payload = githubExample('deployment_status', 0);
  payload.deployment.id = id;
  payload.deployment.sha = commit;
  payload.deployment.ref = 'master';
  payload.deployment.environment = 'production';
  payload.deployment.created_at = createdAt;
  payload.deployment_status.state = 'success';
  payload.deployment_status.environment = 'production';
  payload.deployment_status.created_at = finishedAt;
  return github('deployment_status', delivery, payload);
}

function mergedPullRequest() {
  const payload = githubExample('pull_request', 0) as ReturnType<typeof githubExample<'pull_request'>> & {
    pull_request: Record<string, unknown>;
  };
  payload.action = 'closed';
  Object.assign(payload.pull_request, {
    number: 7,
    title: 'Add search filters',
    state: 'closed',
    merged: true,
    created_at: '2026-02-10T09:30:00Z',
    merged_at: '2026-02-10T11:00:00Z',
    closed_at: '2026-02-10T11:00:00Z',
    merge_commit_sha: c2,
    labels: [],
  });
  return github('pull_request', 'pr-7', payload);
}

/**
 * One morning of a squad: c0 is deployed at 09:00; c1 (10:00) and c2 (11:00, the merge of pull request
 * 7) are pushed and deployed at 12:00; PagerDuty pages at 13:00 and resolves at 14:00.
 */
const sequence = (): Delivery[] => [
  push('push-1', sha('9'), [{ id: c0, timestamp: '2026-02-10T08:00:00Z' }], '2026-02-10T08:00:00Z'),
  deploymentStatus('status-1', 1001, c0, '2026-02-10T08:45:00Z', '2026-02-10T09:00:00Z'),
  mergedPullRequest(),
  push(
    'push-2',
    c0,
    [
      { id: c1, timestamp: '2026-02-10T10:00:00Z' },
      { id: c2, timestamp: '2026-02-10T11:00:00Z' },
    ],
    '2026-02-10T11:00:00Z',
  ),
  deploymentStatus('status-2', 1002, c2, '2026-02-10T11:30:00Z', '2026-02-10T12:00:00Z'),
  pagerduty('incident-triggered.json', 'pd-event-1', '2026-02-10T13:00:00Z'),
  pagerduty('incident-resolved.json', 'pd-event-2', '2026-02-10T14:00:00Z'),
];

async function measure(deliveries: Delivery[]) {
  const app = await createTestApp({
    db: await pgliteBackend.open(),
    env: { GITHUB_WEBHOOK_SECRET: githubSecret, PAGERDUTY_WEBHOOK_SECRET: pagerdutySecret },
    organisation: testOrganisation([
      { name: 'hello-world', repo: 'Codertocat/Hello-World', pagerduty: ['PF9KMXH'] },
    ]),
    now: '2026-02-11T00:00:00Z',
  });
  try {
    for (const delivery of deliveries) {
      const response = await app.app.inject({
        method: 'POST',
        url: delivery.url,
        headers: { 'content-type': 'application/json', ...delivery.headers },
        payload: delivery.body,
      });
      expect(response.statusCode, `${delivery.url} ${response.body}`).toBeLessThan(300);
    }
    const response = await app.app.inject('/api/metrics?groupBy=service&from=2026-02-10&to=2026-02-11');
    return response.json().groups.find((g: { key: string }) => g.key === 'hello-world');
  } finally {
    await app.close();
    await app.db.close();
  }
}

describe('from webhooks to the four keys', () => {
  let inOrder: unknown;
  beforeAll(async () => {
    inOrder = await measure(sequence());
  }, 120_000);

  it('shows the deployments, lead time and failure the events imply', () => {
    // 09:00 deploys c0 (the first deployment: it carries nothing); 12:00 deploys c2, carrying c1 and c2:
    // lead times 12:00 − 10:00 = 7200 s and 12:00 − 11:00 = 3600 s → median 5400.
    // The incident opens 1 h after the 12:00 deployment: it failed; 1 of 2. Resolved 1 h later:
    // restore 3600 s, recovery 14:00 − 12:00 = 7200 s.
    expect(inOrder).toMatchObject({
      deploymentFrequency: { count: 2 },
      leadTime: { count: 2, median: 5400, mean: 5400 },
      changeFailureRate: { failed: 1, total: 2, rate: 0.5 },
      failedDeploymentRecoveryTime: { count: 1, median: 7200 },
      timeToRestore: { count: 1, median: 3600 },
    });
  });

  it('gives the same figures when everything is delivered twice and shuffled', async () => {
    const deliveries = [...sequence(), ...sequence()];
    // A fixed shuffle (reversed, then interleaved) so a failure can be reproduced.
    const reversed = deliveries.reverse();
    const shuffled = [...reversed.filter((_, i) => i % 2 === 0), ...reversed.filter((_, i) => i % 2 === 1)];
    expect(shuffled).toHaveLength(14);
    expect(await measure(shuffled)).toEqual(inOrder);
  }, 120_000);
});
