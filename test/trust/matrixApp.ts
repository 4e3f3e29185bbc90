import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifyServerOptions, RouteOptions } from 'fastify';
import { type Access, accessLevels } from '../../src/server/auth/access.js';
import { buildApp } from '../../src/server/buildApp.js';
import { loadConfig } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/context.js';
import { LiveUpdates } from '../../src/server/live.js';
import { OrganisationState } from '../../src/server/organisationState.js';
import { createToken } from '../../src/store/tokens.js';
import { createSession, createUser, type Role } from '../../src/store/users.js';
import { pgliteBackend } from '../support/databases.js';
import { testOrganisation } from '../support/testApp.js';
import { webhookSecrets } from './webhookDeliveries.js';

/** A route as declared: its access level before the auth plugin fills in the default of static files. */
export interface DeclaredRoute {
  method: string;
  url: string;
  declared: Access | undefined;
  websocket: boolean;
}

/** Who calls: a session (cookie and CSRF token), a bearer token, or nobody. */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'user'; role: Role; scopes: string[]; userId: string; email: string; password: string }
  | { kind: 'token'; token: string; expired?: boolean };

export interface MatrixApp {
  app: FastifyInstance;
  context: AppContext;
  routes: DeclaredRoute[];
  callers: Record<string, Caller>;
  /** Headers that authenticate `caller` now (a fresh session each time: a logout ends the one it used). */
  headersOf(caller: Caller, options?: { csrf?: boolean }): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export const principals = [
  'anonymous',
  'viewer',
  'member',
  'facilitator of another squad',
  'facilitator',
  'admin',
  'ingest token',
  'environment ingest token',
  'read token',
  'admin token',
  'expired token',
] as const;

/**
 * The real application on a fresh database, reachable from other hosts (everyone must sign in), with
 * every source, OpenID Connect and a built web app enabled so that every route exists, and the route
 * table collected as the routes are declared.
 */
export async function createMatrixApp(
  options: { env?: Record<string, string>; log?: FastifyServerOptions['logger'] } = {},
): Promise<MatrixApp> {
  const db = await pgliteBackend.open();
  const webRoot = mkdtempSync(join(tmpdir(), 'checkpoint-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Checkpoint</title>');
  writeFileSync(join(webRoot, 'app.js'), 'console.log("app")');
  const config = loadConfig({
    HOST: '0.0.0.0',
    CHECKPOINT_ORG: 'test-org.yaml',
    CHECKPOINT_INGEST_TOKEN: 'matrix-env-ingest-token',
    CHECKPOINT_AUTH_RATE_PER_MINUTE: '100000',
    CHECKPOINT_INGEST_RATE_PER_MINUTE: '100000',
    OIDC_ISSUER: 'http://127.0.0.1:9/',
    OIDC_CLIENT_ID: 'checkpoint',
    OIDC_CLIENT_SECRET: 'matrix-oidc-client-secret',
    ...webhookSecrets,
    ...options.env,
  });
  const now = Date.parse('2026-03-02T12:00:00Z');
  const clock = () => now;
  const organisation = new OrganisationState(db.kysely, testOrganisation(), config.orgFile);
  await organisation.apply(organisation.organisation, new Date(now));
  const context: AppContext = { config, db, clock, organisation, version: 'test', live: new LiveUpdates() };
  const routes: DeclaredRoute[] = [];
  const onRoute = (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const declared = route.config?.access;
    for (const method of methods) {
      routes.push({
        method,
        url: route.url,
        declared: declared && (accessLevels as readonly string[]).includes(declared) ? declared : undefined,
        websocket: (route as { websocket?: boolean }).websocket === true,
      });
    }
  };
  const app = await buildApp({ context, webRoot, onRoute, log: options.log ?? false });
  await app.ready();

  const at = new Date(now);
  const token = async (scope: 'ingest' | 'read' | 'admin', expiresAt?: Date) =>
    (await createToken(db.kysely, { name: scope, scope, now: new Date(now - 60_000), expiresAt })).token;
  const user = async (role: Role, scopes: string[] = []) => {
    const email = `${role}-${scopes.join('-') || 'all'}@acme.test`;
    const password = `pw-${role}-${scopes.join('-')}-${Math.random().toString(36).slice(2)}`;
    const created = await createUser(db.kysely, { email, name: role, password, role, scopes, now: at });
    return { kind: 'user' as const, role, scopes, userId: created.id, email, password };
  };
  const callers: Record<string, Caller> = {
    anonymous: { kind: 'anonymous' },
    viewer: await user('viewer'),
    member: await user('member'),
    'facilitator of another squad': await user('facilitator', ['partner-tooling']),
    facilitator: await user('facilitator', ['search']),
    admin: await user('admin'),
    'ingest token': { kind: 'token', token: await token('ingest') },
    'environment ingest token': { kind: 'token', token: 'matrix-env-ingest-token' },
    'read token': { kind: 'token', token: await token('read') },
    'admin token': { kind: 'token', token: await token('admin') },
    'expired token': { kind: 'token', token: await token('admin', new Date(now - 1000)), expired: true },
  };
  const headersOf = async (caller: Caller, options: { csrf?: boolean } = {}) => {
    if (caller.kind === 'anonymous') return {};
    if (caller.kind === 'token') return { authorization: `Bearer ${caller.token}` };
    const session = await createSession(db.kysely, caller.userId, at, 3_600_000);
    return {
      cookie: `checkpoint_session=${session.id}`,
      ...(options.csrf === false ? {} : { 'x-csrf-token': session.csrfToken }),
    };
  };
  return {
    app,
    context,
    routes,
    callers,
    headersOf,
    close: async () => {
      await app.close();
      await db.close();
      rmSync(webRoot, { recursive: true, force: true });
    },
  };
}
