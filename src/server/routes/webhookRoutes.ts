import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { isNestedDeeperThan, maxJsonDepth, parseEvents } from '../../contract/events.js';
import { createSources, getSource, isSourceError, type RawRequest } from '../../sources/index.js';
import { type DeliveryRecord, recordDelivery } from '../../store/events.js';
import type { AppContext } from '../context.js';
import { storeDelivery } from '../storeDelivery.js';

const readJson = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
};

/**
 * `POST /webhooks/:source`: verify the raw bytes (timing-safe, any configured secret), parse into
 * canonical events, store them with the raw payload in one transaction, and only then answer 2xx.
 * Redeliveries of an accepted delivery id are acknowledged without storing anything again.
 */
export async function webhookRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const registry = createSources({
    github: { incidentLabel: context.config.incidentLabel },
    gitlab: { incidentLabel: context.config.incidentLabel },
  });
  // Signatures are computed over the exact bytes sent, so the body stays a Buffer here.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post<{ Params: { source: string } }>(
    '/webhooks/:source',
    {
      config: {
        access: 'public',
        rateLimit: { max: context.config.ingestRatePerMinute, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const source = getSource(request.params.source, registry);
      const secrets = source ? context.config.webhookSecrets[source.name] : [];
      if (!source || secrets.length === 0) {
        return reply.code(404).send({
          error: 'not found',
          message: source
            ? `the ${source.name} source is not enabled: set ${source.secretEnv}`
            : `no source "${request.params.source}"`,
        });
      }
      const raw: RawRequest = {
        headers: request.headers,
        body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      };
      const receivedAt = context.clock();
      const unverified: DeliveryRecord = {
        source: source.name,
        deliveryId: '(unverified)',
        eventType: '(unverified)',
        receivedAt: new Date(receivedAt),
        payload: undefined,
      };
      if (!source.verify(raw, secrets)) {
        await recordDelivery(context.db.kysely, unverified, 'rejected', 'signature or token did not verify');
        return reply
          .code(401)
          .send({ error: 'unauthorized', message: 'the signature or token did not verify' });
      }
      const unreadable = !isUtf8(raw.body)
        ? 'the body is not valid UTF-8'
        : isNestedDeeperThan(raw.body.toString('utf8'), maxJsonDepth)
          ? `the body is nested deeper than ${maxJsonDepth} levels of objects and arrays`
          : undefined;
      const parsed = unreadable
        ? { error: unreadable }
        : source.parse(raw, { organisation: context.organisation.organisation, receivedAt });
      if (isSourceError(parsed)) {
        await recordDelivery(
          context.db.kysely,
          { ...unverified, deliveryId: '(unreadable)' },
          'rejected',
          parsed.error,
        );
        return reply.code(400).send({ error: 'bad request', message: parsed.error });
      }
      const delivery: DeliveryRecord = {
        source: source.name,
        deliveryId: parsed.deliveryId,
        eventType: parsed.eventType,
        receivedAt: new Date(receivedAt),
        payload: readJson(raw.body),
      };
      if (parsed.events.length === 0) {
        await recordDelivery(context.db.kysely, delivery, 'ignored', parsed.ignored ?? 'nothing to measure');
        request.log.info(
          { source: source.name, eventType: parsed.eventType, reason: parsed.ignored },
          'webhook ignored',
        );
        return reply.code(202).send({ stored: 0, ignored: parsed.ignored ?? 'nothing to measure' });
      }
      const events = parseEvents(parsed.events);
      if (!events.ok) {
        const detail = events.problems.map((p) => `event ${p.index} ${p.field}: ${p.message}`).join('; ');
        await recordDelivery(context.db.kysely, delivery, 'rejected', detail);
        return reply
          .code(400)
          .send({ error: 'bad request', message: `the delivery yields invalid events: ${detail}` });
      }
      const outcome = await storeDelivery(context, delivery, events.events);
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
