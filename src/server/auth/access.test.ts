import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/testApp.js';
import { createToken } from '../../store/tokens.js';
import { createSession, createUser, type Role } from '../../store/users.js';
import { buildApp } from '../buildApp.js';

/** One request per access level, each the simplest call that reaches its handler. */
const probes = {
  public: { method: 'GET', url: '/api/health' },
  read: { method: 'GET', url: '/api/org' },
  ingest: {
    method: 'POST',
    url: '/api/events',
    payload: { type: 'change', repo: 'acme/search', sha: 'abc', committedAt: '2026-03-01T10:00:00Z' },
  },
  admin: { method: 'GET', url: '/api/tokens' },
} satisfies Record<string, InjectOptions>;

const allowed = (status: number) => status < 400;

describe('access control on a server reachable from other hosts', () => {
  let t: TestApp;
  let app: FastifyInstance;
  const credentials: Record<string, { headers: Record<string, string> }> = {};

  beforeAll(async () => {
    t = await createTestApp({ env: { HOST: '0.0.0.0', CHECKPOINT_INGEST_TOKEN: 'env-ingest-secret' } });
    app = t.app;
    const now = new Date(t.context.clock());
    for (const scope of ['ingest', 'read', 'admin'] as const) {
      const { token } = await createToken(t.db.kysely, { name: scope, scope, now });
      credentials[`${scope} token`] = { headers: { authorization: `Bearer ${token}` } };
    }
    const expired = await createToken(t.db.kysely, {
      name: 'old',
      scope: 'admin',
      now,
      expiresAt: new Date(now.getTime() + 1000),
    });
    credentials['expired token'] = { headers: { authorization: `Bearer ${expired.token}` } };
    credentials['environment ingest token'] = { headers: { authorization: 'Bearer env-ingest-secret' } };
    for (const role of ['viewer', 'member', 'facilitator', 'admin'] as Role[]) {
      const user = await createUser(t.db.kysely, {
        email: `${role}@acme.test`,
        name: role,
        password: 'pw',
        role,
        now,
      });
      const session = await createSession(t.db.kysely, user.id, now, 3_600_000);
      credentials[`${role} user`] = {
        headers: { cookie: `checkpoint_session=${session.id}`, 'x-csrf-token': session.csrfToken },
      };
    }
    credentials.anonymous = { headers: {} };
    t.setNow(new Date(now.getTime() + 60_000).toISOString());
  });
  afterAll(() => t?.close());

  const matrix: [string, Record<keyof typeof probes, boolean>][] = [
    ['anonymous', { public: true, read: false, ingest: false, admin: false }],
    ['viewer user', { public: true, read: true, ingest: false, admin: false }],
    ['member user', { public: true, read: true, ingest: false, admin: false }],
    ['facilitator user', { public: true, read: true, ingest: false, admin: false }],
    ['admin user', { public: true, read: true, ingest: true, admin: true }],
    ['ingest token', { public: true, read: false, ingest: true, admin: false }],
    ['environment ingest token', { public: true, read: false, ingest: true, admin: false }],
    ['read token', { public: true, read: true, ingest: false, admin: false }],
    ['admin token', { public: true, read: true, ingest: true, admin: true }],
    ['expired token', { public: true, read: false, ingest: false, admin: false }],
  ];

  for (const [who, expected] of matrix) {
    for (const [level, probe] of Object.entries(probes)) {
      it(`${who} ${expected[level as keyof typeof probes] ? 'may' : 'may not'} use ${level} routes`, async () => {
        const response = await app.inject({ ...probe, headers: { ...credentials[who]?.headers } });
        expect(allowed(response.statusCode), `${response.statusCode} ${response.body}`).toBe(
          expected[level as keyof typeof probes],
        );
        if (!expected[level as keyof typeof probes]) {
          expect([401, 403]).toContain(response.statusCode);
          expect(response.json().message).toMatch(/\w/);
        }
      });
    }
  }

  it('refuses a revoked token', async () => {
    const now = new Date(t.context.clock());
    const { token, record } = await createToken(t.db.kysely, { name: 'to-revoke', scope: 'read', now });
    expect(
      (await app.inject({ ...probes.read, headers: { authorization: `Bearer ${token}` } })).statusCode,
    ).toBe(200);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/tokens/${record.id}`,
      ...credentials['admin token'],
    });
    expect(revoke.statusCode).toBe(204);
    const after = await app.inject({ ...probes.read, headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json().message).toBe('the token is unknown, revoked or expired');
  });

  it('treats a tampered session cookie as no session', async () => {
    const cookie = credentials['admin user']?.headers.cookie ?? '';
    const tampered = `${cookie.slice(0, -2)}${cookie.endsWith('A') ? 'B' : 'A'}x`;
    const response = await app.inject({ ...probes.read, headers: { cookie: tampered } });
    expect(response.statusCode).toBe(401);
  });

  it('refuses a state-changing cookie request without the CSRF token', async () => {
    const { cookie } = credentials['admin user']?.headers ?? {};
    const without = await app.inject({ ...probes.ingest, headers: { cookie: cookie ?? '' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().message).toMatch(/X-CSRF-Token/);
    const wrong = await app.inject({
      ...probes.ingest,
      headers: { cookie: cookie ?? '', 'x-csrf-token': 'guess' },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('signs in with a local account and gets an HttpOnly, SameSite session cookie', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'viewer@acme.test', password: 'nope' },
    });
    expect(bad.statusCode).toBe(401);
    const good = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'viewer@acme.test', password: 'pw' },
    });
    expect(good.statusCode).toBe(200);
    const setCookie = String(good.headers['set-cookie']);
    expect(setCookie).toMatch(/checkpoint_session=[\w-]+/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const session = /checkpoint_session=([\w-]+)/.exec(setCookie)?.[1];
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `checkpoint_session=${session}` },
    });
    expect(me.json()).toMatchObject({
      principal: { kind: 'user', role: 'viewer' },
      csrfToken: good.json().csrfToken,
    });
  });

  it('marks the cookie Secure behind TLS', async () => {
    const secure = await createTestApp({
      env: { HOST: '0.0.0.0', CHECKPOINT_PUBLIC_URL: 'https://checkpoint.acme.test' },
      db: t.db,
    });
    const response = await secure.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'viewer@acme.test', password: 'pw' },
    });
    expect(String(response.headers['set-cookie'])).toMatch(/Secure/);
    await secure.app.close();
  });

  it('sends security headers with a strict content security policy', async () => {
    const response = await app.inject(probes.public);
    expect(response.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(response.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBeDefined();
  });

  it('refuses to start with a route that declares no access level', async () => {
    const extra = await buildApp({ context: t.context, webRoot: '/nonexistent' });
    expect(() => extra.get('/api/unguarded', async () => 'open')).toThrow(
      /GET \/api\/unguarded declares no access level/,
    );
    expect(() => extra.get('/webhooks/unguarded', async () => 'open')).toThrow(/declares no access level/);
    await extra.close();
  });
});

describe('access control on a loopback-only install', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('lets the person at the machine in as admin without setup', async () => {
    for (const probe of Object.values(probes)) {
      const response = await t.app.inject(probe);
      expect(allowed(response.statusCode), `${probe.url}: ${response.body}`).toBe(true);
    }
  });

  it('still requires a token from another address', async () => {
    const response = await t.app.inject({ ...probes.read, remoteAddress: '10.0.0.8' });
    expect(response.statusCode).toBe(401);
  });
});
