import type { FastifyInstance } from 'fastify';
import { datadogCustomHeaders, datadogPayloadTemplate, sourceNames, sources } from '../../sources/index.js';
import { listSourceActivity } from '../../store/sourceHealth.js';
import type { AppContext } from '../context.js';

/** `GET /api/sources`: each webhook source's state and recent health, plus the generic event API. */
export async function sourceRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  app.get('/api/sources', { config: { access: 'read' } }, async () => {
    const activity = await listSourceActivity(context.db.kysely, new Date(context.clock()));
    const describe = (name: string) => {
      const found = activity.get(name);
      return {
        lastDeliveryAt: found?.lastDeliveryAt?.toISOString() ?? null,
        last24h: found?.last24h ?? { accepted: 0, rejected: 0, duplicate: 0, ignored: 0 },
        lastError: found?.lastError
          ? { at: found.lastError.at.toISOString(), message: found.lastError.message }
          : null,
      };
    };
    return {
      sources: [
        ...sourceNames.map((name) => ({
          name,
          enabled: context.config.webhookSecrets[name].length > 0,
          webhookPath: `/webhooks/${name}`,
          secretVariable: sources[name].secretEnv,
          ...describe(name),
        })),
        {
          name: 'api',
          enabled: true,
          webhookPath: '/api/events',
          secretVariable: 'CHECKPOINT_INGEST_TOKEN',
          ...describe('api'),
        },
      ],
      datadog: { payloadTemplate: datadogPayloadTemplate, customHeaders: datadogCustomHeaders },
    };
  });
}
