import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/store/users.js';
import { createTestApp, type TestApp } from '../support/testApp.js';
import { messageOf } from './storedState.js';

// Session cookies, rate limits on sign-in and ingestion, security headers on a TLS deployment.
const ingestLimit = 5;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: {
      HOST: '0.0.0.0',
      CHECKPOINT_INGEST_TOKEN: 'hardening-ingest-token',
      CHECKPOINT_INGEST_RATE_PER_MINUTE: String(ingestLimit),
      GITHUB_WEBHOOK_SECRET: 'hardening-github-secret',
      CHECKPOINT_TRUST_PROXY: 'true',
    },
  });
  await createUser(t.db.kysely, {
    email: 'viewer@acme.test',
    name: 'Viewer',
    password: 'correct horse',
    role: 'viewer',
    now: new Date(t.context.clock()),
  });
});
afterAll(() => t?.close());

const login = (password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'viewer@acme.test', password },
    remoteAddress,
    headers,
  });

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, for the whole site, expiring, and not Secure over plain HTTP', async () => {
    const response = await login('correct horse', '10.1.0.1');
    expect(response.statusCode, response.body).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^checkpoint_session=[\w-]{40,}/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Expires=/);
    expect(cookie).not.toMatch(/; Secure/);
    expect(response.json().csrfToken).toMatch(/^[\w-]{32,}$/);
  });

  it('is Secure behind a TLS-terminating proxy', async () => {
    const response = await login('correct horse', '10.1.0.2', { 'x-forwarded-proto': 'https' });
    expect(String(response.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('is cleared on logout, and the session no longer works', async () => {
    const signedIn = await login('correct horse', '10.1.0.3');
    const session = /checkpoint_session=([\w-]+)/.exec(String(signedIn.headers['set-cookie']))?.[1];
    const headers = { cookie: `checkpoint_session=${session}`, 'x-csrf-token': signedIn.json().csrfToken };
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers,
      remoteAddress: '10.1.0.3',
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(
      /checkpoint_session=;.*(Expires=Thu, 01 Jan 1970|Max-Age=0)/,
    );
    const after = await t.app.inject({ url: '/api/org', headers, remoteAddress: '10.1.0.3' });
    expect(after.statusCode).toBe(401);
  });
});

describe('rate limits', () => {
  it('answer the 11th sign-in attempt from one address within a minute with 429, right or wrong password', async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 11; attempt++) {
      const response = await login(attempt % 2 ? 'wrong' : 'correct horse', '10.2.0.1');
      statuses.push(response.statusCode);
      if (attempt === 11) {
        expect(messageOf(response.body)).toMatch(/rate limit/i);
        expect(response.headers['retry-after']).toBeDefined();
      }
    }
    expect(
      statuses.slice(0, 10).every((status) => status === 200 || status === 401),
      String(statuses),
    ).toBe(true);
    expect(statuses[10]).toBe(429);
    // Another address is not locked out by the first one's attempts.
    expect((await login('correct horse', '10.2.0.2')).statusCode).toBe(200);
  });

  it(`answer ingestion beyond ${ingestLimit} requests a minute from one address with 429, API and webhooks alike`, async () => {
    const event = { type: 'change', repo: 'acme/search', sha: 'limit', committedAt: '2026-03-01T10:00:00Z' };
    const ingest = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/events',
        headers: { authorization: 'Bearer hardening-ingest-token' },
        payload: event,
        remoteAddress: '10.3.0.1',
      });
    for (let i = 0; i < ingestLimit; i++) expect((await ingest()).statusCode).toBe(200);
    const limited = await ingest();
    expect(limited.statusCode).toBe(429);
    expect(messageOf(limited.body)).toMatch(/rate limit/i);

    const body = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
    const signature = `sha256=${createHmac('sha256', 'hardening-github-secret').update(body).digest('hex')}`;
    const deliver = (n: number) =>
      t.app.inject({
        method: 'POST',
        url: '/webhooks/github',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'ping',
          'x-github-delivery': `limit-${n}`,
          'x-hub-signature-256': signature,
        },
        payload: body,
        remoteAddress: '10.3.0.2',
      });
    for (let i = 0; i < ingestLimit; i++) expect((await deliver(i)).statusCode).toBe(202);
    expect((await deliver(ingestLimit)).statusCode).toBe(429);
  });
});

describe('a deployment behind TLS', () => {
  it('sends Strict-Transport-Security', async () => {
    const tls = await createTestApp({
      env: { HOST: '0.0.0.0', CHECKPOINT_PUBLIC_URL: 'https://checkpoint.acme.test' },
      db: t.db,
    });
    const response = await tls.app.inject({ url: '/api/health' });
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    await tls.app.close();
  });
});
