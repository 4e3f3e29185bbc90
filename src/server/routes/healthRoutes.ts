import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';

export async function healthRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  app.get('/api/health', { config: { access: 'public' } }, async (_request, reply) => {
    const up = await context.db.ping();
    const body = {
      status: up ? 'ok' : 'unavailable',
      database: context.db.kind,
      version: context.version,
      demo: context.organisation.organisation.demo === true,
    };
    return reply.code(up ? 200 : 503).send(body);
  });
}
