import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubExample } from '../../src/sources/github/githubExamples.js';
import { loadEventSet } from '../../src/store/events.js';
import { type Db, openDb } from '../../src/store/openDb.js';
import { createTestApp, type TestApp } from '../support/testApp.js';
import { findPostgresBin, type OwnPostgres, startOwnPostgres } from './ownPostgres.js';
import { messageOf } from './storedState.js';
import { signedRequest, webhookOrganisation, webhookSecrets } from './webhookDeliveries.js';

// The database goes away while the app runs: 503 meanwhile, recovery without a restart, the gap filled.
const bin = findPostgresBin();
if (!bin)
  console.log(
    'database outage: skipped, no PostgreSQL binaries (set CHECKPOINT_PG_BIN or install postgresql)',
  );

let own: OwnPostgres | undefined;
let db: Db | undefined;
let t: TestApp | undefined;

describe.skipIf(!bin)('a database outage', () => {
  beforeAll(async () => {
    own = await startOwnPostgres(bin as string);
    db = await openDb({ databaseUrl: own.url, dataDir: 'unused' });
    t = await createTestApp({ db, env: webhookSecrets, organisation: webhookOrganisation });
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await db?.close();
    await own?.destroy();
  });

  const app = () => (t as TestApp).app;
  const deployment = (n: number) => {
    const payload = githubExample('deployment_status', 0);
    payload.deployment.id = 7000 + n;
    payload.deployment.sha = `${n}`.repeat(40).slice(0, 40);
    payload.deployment_status.state = 'success';
    payload.deployment_status.environment = 'production';
    return Buffer.from(JSON.stringify(payload));
  };
  const change = (sha: string) => ({
    type: 'change',
    repo: 'acme/search',
    sha,
    committedAt: '2026-03-01T10:00:00Z',
  });
  const probes = [
    { method: 'GET' as const, url: '/api/health' },
    { method: 'GET' as const, url: '/api/metrics' },
    { method: 'GET' as const, url: '/api/deployments' },
    { method: 'GET' as const, url: '/api/sources' },
    { method: 'GET' as const, url: '/api/tokens' },
    { method: 'POST' as const, url: '/api/events', payload: change('during-outage') },
  ];

  it('answers 503 with a clear message while it is down, recovers by itself, and takes the retried delivery', async () => {
    const before = await app().inject(
      signedRequest('github', deployment(1), { event: 'deployment_status', deliveryId: 'before' }),
    );
    expect(before.statusCode, before.body).toBe(200);
    expect((await app().inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(200);

    await own?.stop();
    const refused = signedRequest('github', deployment(2), {
      event: 'deployment_status',
      deliveryId: 'refused-in-outage',
    });
    const duringWebhook = await app().inject(refused);
    expect(duringWebhook.statusCode, duringWebhook.body).toBe(503);
    expect(messageOf(duringWebhook.body)).toMatch(/database is unavailable/);
    expect(duringWebhook.headers['retry-after']).toBeDefined();
    const statuses: string[] = [];
    for (const probe of probes) {
      const response = await app().inject(probe);
      statuses.push(`${probe.method} ${probe.url} ${response.statusCode}`);
      expect(response.statusCode, `${probe.url}: ${response.body}`).toBe(503);
    }
    console.log(`database outage: ${statuses.join(', ')}`);

    await own?.start();
    let healthy = false;
    for (let attempt = 0; attempt < 60 && !healthy; attempt++) {
      healthy = (await app().inject({ method: 'GET', url: '/api/health' })).statusCode === 200;
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(healthy, 'healthy again without a restart').toBe(true);

    // The sender retries what was refused: the same delivery id, the same bytes, now stored.
    const retried = await app().inject(refused);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toEqual({ stored: 1, duplicate: false });
    const retriedEvent = await app().inject({
      method: 'POST',
      url: '/api/events',
      payload: change('during-outage'),
    });
    expect(retriedEvent.statusCode).toBe(200);
    const stored = await loadEventSet((db as Db).kysely);
    expect(stored.deployments.map((d) => d.id).sort()).toEqual(['gh-7001', 'gh-7002']);
    expect(stored.changes.map((c) => c.sha)).toContain('during-outage');
    expect((await app().inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(200);
  }, 180_000);
});
