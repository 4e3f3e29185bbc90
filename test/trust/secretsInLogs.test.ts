import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceName } from '../../src/sources/index.js';
import { createMatrixApp, type MatrixApp } from './matrixApp.js';
import { baseDeliveries, signedRequest, webhookSecrets, withFreshId } from './webhookDeliveries.js';

// A full scenario with every kind of secret in use, logged at the most verbose level: none may show.
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});
const secrets = new Set<string>();
let m: MatrixApp;

beforeAll(async () => {
  m = await createMatrixApp({ log: { level: 'trace', stream: sink } });
  for (const caller of Object.values(m.callers)) {
    if (caller.kind === 'token') secrets.add(caller.token);
    if (caller.kind === 'user') secrets.add(caller.password);
  }
  for (const secret of Object.values(webhookSecrets)) secrets.add(secret);
  secrets.add('matrix-oidc-client-secret');
});
afterAll(() => m?.close());

const basic = (password: string) => `Basic ${Buffer.from(`opsgenie:${password}`).toString('base64')}`;

async function runScenario() {
  const app = m.app;
  const remoteAddress = '10.9.0.1';
  for (const caller of Object.values(m.callers)) {
    if (caller.kind !== 'user') continue;
    // Wrong passwords first, then the right one; sessions and CSRF tokens are secrets too.
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      payload: { email: caller.email, password: `${caller.password}x` },
    });
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: { 'content-type': 'application/json' },
      payload: `{"email":"${caller.email}","password":"${caller.password}"`,
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      payload: { email: caller.email, password: caller.password },
    });
    expect(login.statusCode, login.body).toBe(200);
    const session = /checkpoint_session=([\w-]+)/.exec(String(login.headers['set-cookie']))?.[1] ?? '';
    const csrf = login.json().csrfToken as string;
    secrets.add(session);
    secrets.add(csrf);
    const headers = { cookie: `checkpoint_session=${session}`, 'x-csrf-token': csrf };
    await app.inject({ url: '/api/org', headers, remoteAddress });
    await app.inject({ url: '/api/metrics?groupBy=squad', headers, remoteAddress });
    await app.inject({
      method: 'POST',
      url: '/api/events',
      headers: { cookie: headers.cookie },
      remoteAddress,
      payload: {},
    });
    if (caller.role === 'admin') {
      const created = await app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers,
        remoteAddress,
        payload: { name: 'ci', scope: 'ingest' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const token = created.json().token as string;
      secrets.add(token);
      const event = {
        type: 'change',
        repo: 'acme/search',
        sha: randomUUID(),
        committedAt: '2026-03-01T10:00:00Z',
      };
      await app.inject({
        method: 'POST',
        url: '/api/events',
        headers: { authorization: `Bearer ${token}` },
        remoteAddress,
        payload: event,
      });
      await app.inject({
        method: 'POST',
        url: '/api/events',
        headers: { authorization: `Token ${token}` },
        remoteAddress,
        payload: event,
      });
      await app.inject({ method: 'DELETE', url: `/api/tokens/${created.json().id}`, headers, remoteAddress });
      await app.inject({
        method: 'POST',
        url: '/api/events',
        headers: { authorization: `Bearer ${token}` },
        remoteAddress,
        payload: event,
      });
    }
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers, remoteAddress });
    await app.inject({ url: '/api/org', headers, remoteAddress });
  }
  for (const caller of Object.values(m.callers)) {
    if (caller.kind !== 'token') continue;
    await app.inject({
      url: '/api/sources',
      headers: { authorization: `Bearer ${caller.token}` },
      remoteAddress,
    });
    await app.inject({
      method: 'POST',
      url: '/api/events',
      headers: { authorization: `Bearer ${caller.token}` },
      remoteAddress,
      payload: '{"broken',
    });
  }
  for (const [source, deliveries] of Object.entries(baseDeliveries) as [
    SourceName,
    (typeof baseDeliveries)[SourceName],
  ][]) {
    for (const base of deliveries) {
      const body = Buffer.from(JSON.stringify(withFreshId(source, base.payload)));
      await app.inject(signedRequest(source, body, { event: base.event }));
      const tampered = signedRequest(source, Buffer.concat([body, Buffer.from(' ')]), { event: base.event });
      await app.inject({ ...tampered, headers: { ...tampered.headers, 'x-gitlab-token': 'not-the-token' } });
    }
  }
  const opsgenie = baseDeliveries.opsgenie[0];
  if (opsgenie) {
    const body = JSON.stringify(withFreshId('opsgenie', opsgenie.payload));
    await app.inject({
      method: 'POST',
      url: '/webhooks/opsgenie',
      headers: { authorization: basic(webhookSecrets.OPSGENIE_WEBHOOK_TOKEN) },
      payload: body,
    });
    secrets.add(basic(webhookSecrets.OPSGENIE_WEBHOOK_TOKEN).slice('Basic '.length));
  }
  await app.inject({ url: '/api/auth/oidc/login', remoteAddress });
}

describe('the logs of a full scenario at trace level', () => {
  it('never hold a token, password, session, CSRF token or webhook secret', async () => {
    await runScenario();
    const log = lines.join('');
    expect(lines.length, 'the scenario was logged').toBeGreaterThan(100);
    expect(log).toMatch(/incoming request/);
    expect(secrets.size).toBeGreaterThan(20);
    const leaked = [...secrets].filter((secret) => secret.length >= 8 && log.includes(secret));
    expect(leaked).toEqual([]);
    console.log(`secrets in logs: ${secrets.size} secrets checked against ${lines.length} log lines`);
  });
});
