import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pruneDeliveries } from '../../store/retention.js';
import type { AppContext } from '../context.js';
import { badRequest } from '../errors.js';

const days = z.number().positive('must be a positive number of days').max(36_500);
export const pruneBody = z.strictObject({
  keepPayloadsDays: days.default(180),
  keepRefusalsDays: days.default(30),
});

/**
 * `POST /api/deliveries/prune` (admin): the retention policy for the record of webhook deliveries —
 * raw payloads older than `keepPayloadsDays` are cleared, refused, duplicate and ignored deliveries
 * older than `keepRefusalsDays` deleted. The measured events are never touched.
 */
export async function retentionRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  app.post('/api/deliveries/prune', { config: { access: 'admin' } }, async (request, reply) => {
    const body = pruneBody.safeParse(request.body ?? {});
    if (!body.success) return badRequest(reply, body.error);
    const now = context.clock();
    const before = (keep: number) => new Date(now - keep * 86_400_000);
    const payloadsBefore = before(body.data.keepPayloadsDays);
    const refusalsBefore = before(body.data.keepRefusalsDays);
    const result = await pruneDeliveries(context.db.kysely, { payloadsBefore, refusalsBefore });
    return {
      ...result,
      payloadsBefore: payloadsBefore.toISOString(),
      refusalsBefore: refusalsBefore.toISOString(),
    };
  });
}
