import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { z } from 'zod';
import {
  authenticateLocal,
  createSession,
  deleteSession,
  findOrCreateOidcUser,
  type Role,
} from '../../store/users.js';
import { sessionCookie } from '../auth/authPlugin.js';
import type { AppContext } from '../context.js';
import { badRequest, UpstreamError } from '../errors.js';

const sessionTtlMs = 12 * 60 * 60 * 1000;
const oidcCookie = 'checkpoint_oidc';
/** Errors of the OpenID client that mean the provider is down or broken, rather than that it said no. */
const providerFailures = new Set([
  'OAUTH_TIMEOUT',
  'OAUTH_ABORT',
  'OAUTH_RESPONSE_IS_NOT_CONFORM',
  'OAUTH_RESPONSE_IS_NOT_JSON',
]);
const loginBody = z.strictObject({
  email: z.string().trim().min(3, 'must be an email address').max(200),
  password: z.string().min(1, 'must not be empty').max(1000),
});

const isSecure = (request: FastifyRequest, context: AppContext) =>
  request.protocol === 'https' || (context.config.publicUrl?.startsWith('https://') ?? false);

async function startSession(
  reply: FastifyReply,
  request: FastifyRequest,
  context: AppContext,
  userId: string,
) {
  const session = await createSession(context.db.kysely, userId, new Date(context.clock()), sessionTtlMs);
  reply.setCookie(sessionCookie, session.id, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(request, context),
    expires: session.expiresAt,
  });
  return session;
}

export async function authRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const rateLimit = { max: context.config.authRatePerMinute, timeWindow: '1 minute' };

  app.get('/api/auth/session', { config: { access: 'public' } }, async (request) => {
    const p = request.principal;
    return {
      mode: context.config.auth,
      oidc: context.config.oidc !== undefined,
      principal:
        p.kind === 'user'
          ? { kind: 'user', id: p.id, name: p.name, role: p.role, scopes: p.scopes }
          : p.kind === 'token'
            ? { kind: 'token', name: p.name, scope: p.scope }
            : { kind: p.kind },
      csrfToken: p.kind === 'user' ? p.csrfToken : null,
    };
  });

  app.post('/api/auth/login', { config: { access: 'public', rateLimit } }, async (request, reply) => {
    const body = loginBody.safeParse(request.body);
    if (!body.success) return badRequest(reply, body.error);
    const user = await authenticateLocal(context.db.kysely, body.data.email, body.data.password);
    if (!user)
      return reply.code(401).send({ error: 'unauthorized', message: 'unknown email or wrong password' });
    const session = await startSession(reply, request, context, user.id);
    return { user, csrfToken: session.csrfToken };
  });

  app.post('/api/auth/logout', { config: { access: 'public' } }, async (request, reply) => {
    const p = request.principal;
    if (p.kind === 'user') await deleteSession(context.db.kysely, p.sessionId);
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.code(204).send();
  });

  const settings = context.config.oidc;
  if (!settings) return;
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret)
      .catch((error: unknown) => {
        discovered = undefined;
        throw new UpstreamError(
          `the identity provider ${settings.issuer} could not be reached: ${(error as Error).message}`,
        );
      });
    return discovered;
  };
  const callbackUrl = (request: FastifyRequest) =>
    `${context.config.publicUrl ?? `${request.protocol}://${request.host}`}/api/auth/oidc/callback`;

  app.get('/api/auth/oidc/login', { config: { access: 'public', rateLimit } }, async (request, reply) => {
    const config = await configuration();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    reply.setCookie(oidcCookie, JSON.stringify({ verifier, state }), {
      path: '/api/auth/oidc',
      httpOnly: true,
      sameSite: 'lax',
      secure: isSecure(request, context),
      maxAge: 600,
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: callbackUrl(request),
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    });
    return reply.redirect(url.href);
  });

  app.get('/api/auth/oidc/callback', { config: { access: 'public', rateLimit } }, async (request, reply) => {
    const stored = z
      .object({ verifier: z.string(), state: z.string() })
      .safeParse(JSON.parse(request.cookies[oidcCookie] ?? 'null'));
    if (!stored.success)
      return reply.code(400).send({ error: 'bad request', message: 'the sign-in expired; start again' });
    const config = await configuration();
    const current = new URL(request.url, callbackUrl(request));
    const tokens = await oidc
      .authorizationCodeGrant(config, current, {
        pkceCodeVerifier: stored.data.verifier,
        expectedState: stored.data.state,
      })
      .catch((error: unknown) => {
        // The provider refused (a reused or forged code, a wrong state): the sign-in must start again.
        if (
          error instanceof oidc.AuthorizationResponseError ||
          error instanceof oidc.ResponseBodyError ||
          (error instanceof oidc.ClientError && !providerFailures.has(String(error.code)))
        )
          throw Object.assign(new Error(`the sign-in was refused: ${error.message}; start again`), {
            statusCode: 400,
            code: 'bad request',
          });
        throw new UpstreamError(
          `the identity provider ${settings.issuer} could not be reached: ${(error as Error).message}`,
        );
      });
    const claims = tokens.claims();
    if (!claims)
      return reply
        .code(400)
        .send({ error: 'bad request', message: 'the identity provider sent no ID token' });
    const user = await findOrCreateOidcUser(context.db.kysely, {
      subject: `${claims.iss}|${claims.sub}`,
      email: typeof claims.email === 'string' ? claims.email : `${claims.sub}@${new URL(claims.iss).host}`,
      name: typeof claims.name === 'string' ? claims.name : claims.sub,
      defaultRole: settings.defaultRole as Role,
      now: new Date(context.clock()),
    });
    reply.clearCookie(oidcCookie, { path: '/api/auth/oidc' });
    await startSession(reply, request, context, user.id);
    return reply.redirect('/');
  });
}
