import { isUtf8 } from 'node:buffer';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import { isNestedDeeperThan, maxJsonDepth } from '../contract/events.js';
import { authPlugin } from './auth/authPlugin.js';
import type { AppContext } from './context.js';
import { errorHandler } from './errors.js';
import { assessmentRoutes } from './routes/assessmentRoutes.js';
import { authRoutes } from './routes/authRoutes.js';
import { checkpointRoutes } from './routes/checkpointRoutes.js';
import { eventRoutes } from './routes/eventRoutes.js';
import { healthRoutes } from './routes/healthRoutes.js';
import { liveRoutes } from './routes/liveRoutes.js';
import { metricsRoutes } from './routes/metricsRoutes.js';
import { organisationRoutes } from './routes/organisationRoutes.js';
import { retentionRoutes } from './routes/retentionRoutes.js';
import { sourceRoutes } from './routes/sourceRoutes.js';
import { tokenRoutes } from './routes/tokenRoutes.js';
import { webhookRoutes } from './routes/webhookRoutes.js';

export interface BuildAppOptions {
  context: AppContext;
  /** Fastify's logger option: `false` in tests, a pino configuration in production. */
  log?: FastifyServerOptions['logger'];
  /** Where the built web app lives; defaults to dist/web beside the working directory. */
  webRoot?: string;
  /** Called with each route as it is declared, before any default applies (the access matrix test reads them). */
  onRoute?: (route: RouteOptions) => void;
}

/** The HTTP application, without listening: tests drive it through `inject`. */
export async function buildApp({
  context,
  log = false,
  webRoot,
  onRoute,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: log,
    bodyLimit: context.config.bodyLimitBytes,
    trustProxy: context.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setErrorHandler(errorHandler);
  if (onRoute) app.addHook('onRoute', onRoute);

  // Bodies are read as bytes: text that is not UTF-8, or JSON nested absurdly deep, is the sender's mistake.
  const readText = (body: Buffer): string | Error => {
    const refuse = (message: string) =>
      Object.assign(new Error(message), { statusCode: 400, code: 'invalid body' });
    if (!isUtf8(body)) return refuse('the body is not valid UTF-8');
    const text = body.toString('utf8');
    if (isNestedDeeperThan(text, maxJsonDepth))
      return refuse(`the body is nested deeper than ${maxJsonDepth} levels of objects and arrays`);
    return text;
  };
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const text = readText(body as Buffer);
    if (text instanceof Error) return done(text, undefined);
    parseJson(request, text, done);
  });
  app.addContentTypeParser(
    ['application/x-ndjson', 'application/jsonl'],
    { parseAs: 'buffer' },
    (_request, body, done) => {
      const text = readText(body as Buffer);
      if (text instanceof Error) return done(text, undefined);
      const lines = text.split('\n');
      const events: unknown[] = [];
      for (const [number, line] of lines.entries()) {
        if (line.trim() === '') continue;
        try {
          events.push(JSON.parse(line));
        } catch (error) {
          const problem = Object.assign(
            new Error(`line ${number + 1} is not valid JSON: ${(error as Error).message}`),
            {
              statusCode: 400,
              code: 'invalid NDJSON',
            },
          );
          done(problem, undefined);
          return;
        }
      }
      done(null, { events });
    },
  );

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: context.config.publicUrl?.startsWith('https://') ?? false,
  });
  await app.register(rateLimit, { global: false });
  await app.register(authPlugin, { context });
  await app.register(websocket, {
    // Checkpoint messages are small; a bigger one is a mistake or an attack.
    options: { maxPayload: 64 * 1024 },
    // 1001 (going away) rather than no code: the browser reconnects, to this instance or another.
    preClose(done) {
      for (const client of this.websocketServer.clients) client.close(1001, 'the server is stopping');
      this.websocketServer.close();
      done();
    },
  });

  await app.register(healthRoutes, { context });
  await app.register(organisationRoutes, { context });
  await app.register(eventRoutes, { context });
  await app.register(metricsRoutes, { context });
  await app.register(liveRoutes, { context });
  await app.register(tokenRoutes, { context });
  await app.register(authRoutes, { context });
  await app.register(assessmentRoutes);
  await app.register(webhookRoutes, { context });
  await app.register(sourceRoutes, { context });
  await app.register(retentionRoutes, { context });
  await app.register(checkpointRoutes, { context });

  const root = webRoot ?? join(process.cwd(), 'dist', 'web');
  if (existsSync(join(root, 'index.html'))) {
    await app.register(fastifyStatic, { root, wildcard: false, maxAge: '1h' });
    app.setNotFoundHandler((request, reply) => {
      if (
        request.method === 'GET' &&
        !request.url.startsWith('/api') &&
        !request.url.startsWith('/webhooks')
      ) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      return reply
        .code(404)
        .send({ error: 'not found', message: `no route ${request.method} ${request.url}` });
    });
  } else {
    app.setNotFoundHandler((request, reply) =>
      reply.code(404).send({
        error: 'not found',
        message: request.url.startsWith('/api')
          ? `no route ${request.method} ${request.url}`
          : 'the web app is not built: run npm run build',
      }),
    );
  }
  return app;
}
