import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import '@fastify/cookie';
import { findActiveToken } from '../../store/tokens.js';
import { findSession } from '../../store/users.js';
import type { AppContext } from '../context.js';
import { type Access, accessLevels, isAllowed, type Principal } from './access.js';

export const sessionCookie = 'checkpoint_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));
const isSafeMethod = (method: string) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
const isLoopbackAddress = (ip: string) =>
  ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1' || ip.startsWith('127.');

async function resolvePrincipal(
  request: FastifyRequest,
  context: AppContext,
): Promise<Principal | { error: string }> {
  const now = new Date(context.clock());
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return { error: 'the Authorization header must be "Bearer <token>"' };
    const secret = match[1];
    if (context.config.ingestToken && sameSecret(secret, context.config.ingestToken)) {
      return { kind: 'token', id: 'env', name: 'CHECKPOINT_INGEST_TOKEN', scope: 'ingest' };
    }
    const token = await findActiveToken(context.db.kysely, secret, now);
    if (!token) return { error: 'the token is unknown, revoked or expired' };
    return { kind: 'token', id: token.id, name: token.name, scope: token.scope };
  }
  // Session ids are 256 random bits looked up in the store: a tampered or forged cookie matches nothing.
  const cookie = request.cookies[sessionCookie];
  if (cookie && /^[\w-]{20,100}$/.test(cookie)) {
    const session = await findSession(context.db.kysely, cookie, now);
    if (session) {
      return {
        kind: 'user',
        id: session.user.id,
        name: session.user.name,
        role: session.user.role,
        scopes: session.user.scopes,
        sessionId: session.id,
        csrfToken: session.csrfToken,
      };
    }
  }
  if (context.config.auth === 'local' && isLoopbackAddress(request.socket.remoteAddress ?? ''))
    return { kind: 'local' };
  return { kind: 'anonymous' };
}

function refuse(reply: FastifyReply, status: 401 | 403, message: string) {
  return reply.code(status).send({ error: status === 401 ? 'unauthorized' : 'forbidden', message });
}

/**
 * Resolves who is calling (token, session cookie, or the person at a loopback-only machine) and
 * enforces each route's declared access level, plus CSRF protection for cookie-authenticated writes.
 */
export const authPlugin = fp(async (app: FastifyInstance, { context }: { context: AppContext }) => {
  app.decorateRequest('principal', null as never);

  app.addHook('onRoute', (route) => {
    // Everything outside the API and the webhooks is the web app's static files.
    const guarded = route.url.startsWith('/api') || route.url.startsWith('/webhooks');
    const access = route.config?.access;
    if (!guarded) {
      route.config = { ...route.config, access: access ?? 'public' };
      return;
    }
    if (!access || !accessLevels.includes(access)) {
      throw new Error(`route ${route.method} ${route.url} declares no access level (config.access)`);
    }
  });

  app.addHook('preHandler', async (request, reply) => {
    const access = request.routeOptions.config.access ?? 'admin';
    const resolved = await resolvePrincipal(request, context);
    if ('error' in resolved) {
      request.principal = { kind: 'anonymous' };
      if (access === 'public') return;
      return refuse(reply, 401, resolved.error);
    }
    request.principal = resolved;
    if (!isAllowed(resolved, access)) {
      return resolved.kind === 'anonymous'
        ? refuse(reply, 401, 'sign in or send an API token (Authorization: Bearer …)')
        : refuse(reply, 403, `this needs ${access} access`);
    }
    if (resolved.kind === 'user' && !isSafeMethod(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, resolved.csrfToken)) {
        return refuse(
          reply,
          403,
          'missing or wrong X-CSRF-Token header (read it from GET /api/auth/session)',
        );
      }
    }
  });
});
