import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type EventProblem, parseEvents } from '../../contract/events.js';
import type { AppContext } from '../context.js';
import { storeDelivery } from '../storeDelivery.js';

export const maxBatchEvents = 10_000;

/** Reads the body as a list of events: one object, `{"events": [...]}`, or NDJSON lines. */
export function eventsFromBody(body: unknown): { events: unknown[] } | { problem: EventProblem } {
  if (Array.isArray(body)) return { events: body };
  if (body !== null && typeof body === 'object') {
    if ('events' in body) {
      const events = (body as { events: unknown }).events;
      if (!Array.isArray(events))
        return { problem: { index: -1, field: 'events', message: 'must be an array of events' } };
      return { events };
    }
    return { events: [body] };
  }
  return {
    problem: { index: -1, field: '(body)', message: 'send one event object, {"events": [...]}, or NDJSON' },
  };
}

export async function eventRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  app.post(
    '/api/events',
    {
      config: {
        access: 'ingest',
        rateLimit: { max: context.config.ingestRatePerMinute, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const read = eventsFromBody(request.body);
      if ('problem' in read)
        return reply.code(400).send({ error: 'invalid events', problems: [read.problem] });
      if (read.events.length === 0) {
        return reply.code(400).send({
          error: 'invalid events',
          problems: [{ index: -1, field: 'events', message: 'the batch is empty' }],
        });
      }
      if (read.events.length > maxBatchEvents) {
        return reply.code(400).send({
          error: 'invalid events',
          problems: [
            {
              index: -1,
              field: 'events',
              message: `a batch holds at most ${maxBatchEvents} events (got ${read.events.length})`,
            },
          ],
        });
      }
      const parsed = parseEvents(read.events);
      if (!parsed.ok)
        return reply.code(400).send({ error: 'invalid events', problems: parsed.problems.slice(0, 1000) });
      const key = request.headers['idempotency-key'];
      const deliveryId =
        typeof key === 'string' && key.length > 0 && key.length <= 200
          ? key
          : createHash('sha256').update(JSON.stringify(read.events)).digest('hex');
      const outcome = await storeDelivery(
        context,
        {
          source: 'api',
          deliveryId,
          eventType: 'events',
          receivedAt: new Date(context.clock()),
          payload: read.events,
        },
        parsed.events,
      );
      return reply
        .code(200)
        .send(
          outcome.status === 'accepted'
            ? { stored: outcome.stored, duplicate: false }
            : { stored: 0, duplicate: true },
        );
    },
  );
}
