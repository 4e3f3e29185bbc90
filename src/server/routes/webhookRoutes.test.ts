import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/testApp.js';
import { githubExample } from '../../sources/github/githubExamples.js';
import { testOrganisation } from '../../sources/testOrganisation.js';
import { loadEventSet } from '../../store/events.js';

const secret = 'new-secret';
const sign = (body: string, key = secret) => `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;

describe('POST /webhooks/:source', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { HOST: '0.0.0.0', GITHUB_WEBHOOK_SECRET: `${secret},old-secret` },
      organisation: testOrganisation([{ name: 'hello-world', repo: 'Codertocat/Hello-World' }]),
    });
  });
  afterAll(() => t?.close());

  const deliver = (
    event: string,
    payload: unknown,
    headers: Record<string, string> = {},
    delivery = 'delivery-1',
  ) => {
    const body = JSON.stringify(payload);
    return t.app.inject({
      method: 'POST',
      url: '/webhooks/github',
      headers: {
        'content-type': 'application/json',
        'x-github-event': event,
        'x-github-delivery': delivery,
        'x-hub-signature-256': sign(body),
        ...headers,
      },
      payload: body,
    });
  };

  it('stores a verified deployment status with its raw payload, and only once per delivery id', async () => {
    const payload = githubExample('deployment_status', 0);
    const first = await deliver('deployment_status', payload, {}, 'd-100');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ stored: 1, duplicate: false });
    const again = await deliver('deployment_status', payload, {}, 'd-100');
    expect(again.json()).toEqual({ stored: 0, duplicate: true });
    const { deployments } = await loadEventSet(t.db.kysely);
    expect(deployments).toEqual([
      expect.objectContaining({
        source: 'github',
        id: 'gh-145988746',
        service: 'hello-world',
        environment: 'production',
        status: 'success',
      }),
    ]);
    const raw = await t.db.kysely
      .selectFrom('deliveries')
      .select(['payload', 'outcome'])
      .where('delivery_id', '=', 'd-100')
      .execute();
    expect(raw.find((r) => r.outcome === 'accepted')?.payload).toEqual(payload);
  });

  it('accepts the older secret during a rotation', async () => {
    const payload = githubExample('push', 4);
    const body = JSON.stringify(payload);
    const response = await deliver(
      'push',
      payload,
      { 'x-hub-signature-256': sign(body, 'old-secret') },
      'd-rotated',
    );
    expect(response.statusCode, response.body).toBe(200);
  });

  it.each([
    ['a wrong secret', (body: string) => ({ 'x-hub-signature-256': sign(body, 'guess') })],
    ['no signature', () => ({ 'x-hub-signature-256': '' })],
    [
      'only a SHA-1 signature',
      (body: string) => ({
        'x-hub-signature-256': '',
        'x-hub-signature': `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`,
      }),
    ],
  ])('refuses %s with 401 and stores nothing', async (_name, headers) => {
    const before = await loadEventSet(t.db.kysely);
    const payload = githubExample('push', 5);
    const response = await deliver('push', payload, headers(JSON.stringify(payload)), `d-bad-${_name}`);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: 'unauthorized',
      message: 'the signature or token did not verify',
    });
    expect(await loadEventSet(t.db.kysely)).toEqual(before);
  });

  it('refuses a tampered body', async () => {
    const payload = githubExample('push', 5);
    const signed = sign(JSON.stringify(payload));
    const response = await t.app.inject({
      method: 'POST',
      url: '/webhooks/github',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'push',
        'x-github-delivery': 'd-t',
        'x-hub-signature-256': signed,
      },
      payload: JSON.stringify({ ...payload, ref: 'refs/heads/evil' }),
    });
    expect(response.statusCode).toBe(401);
  });

  it('acknowledges an event type it does not measure, saying why', async () => {
    const response = await deliver(
      'star',
      { action: 'created', repository: { full_name: 'Codertocat/Hello-World' } },
      {},
      'd-star',
    );
    expect(response.statusCode).toBe(202);
    expect(response.json().ignored).toMatch(/\w/);
  });

  it('answers 404 for a source that is not enabled or does not exist', async () => {
    const disabled = await t.app.inject({
      method: 'POST',
      url: '/webhooks/pagerduty',
      payload: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(disabled.statusCode).toBe(404);
    expect(disabled.json().message).toBe('the pagerduty source is not enabled: set PAGERDUTY_WEBHOOK_SECRET');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/webhooks/jira',
      payload: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('reports each source health: enabled, last delivery, counts by outcome, last error', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/sources',
      headers: { authorization: 'Bearer x' },
    });
    expect(response.statusCode).toBe(401);
    const local = await createTestApp({ db: t.db, env: { GITHUB_WEBHOOK_SECRET: secret } });
    const body = (await local.app.inject('/api/sources')).json();
    await local.app.close();
    const github = body.sources.find((s: { name: string }) => s.name === 'github');
    expect(github).toMatchObject({
      enabled: true,
      webhookPath: '/webhooks/github',
      secretVariable: 'GITHUB_WEBHOOK_SECRET',
    });
    expect(github.last24h).toMatchObject({ accepted: 2, duplicate: 1, rejected: 4, ignored: 1 });
    expect(github.lastError).toMatchObject({ message: 'signature or token did not verify' });
    expect(github.lastDeliveryAt).toBe('2026-03-02T12:00:00.000Z');
    expect(body.sources.find((s: { name: string }) => s.name === 'pagerduty')).toMatchObject({
      enabled: false,
      lastDeliveryAt: null,
    });
  });
});
