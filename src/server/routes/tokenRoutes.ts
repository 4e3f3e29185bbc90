import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createToken, listTokens, revokeToken, tokenScopes } from '../../store/tokens.js';
import type { AppContext } from '../context.js';
import { badRequest } from '../errors.js';

const createTokenBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  scope: z.enum(tokenScopes, { error: `must be one of ${tokenScopes.join(', ')}` }),
  expiresAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset' })
    .optional(),
});

export async function tokenRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  app.get('/api/tokens', { config: { access: 'admin' } }, async () => ({
    tokens: await listTokens(context.db.kysely),
  }));

  app.post('/api/tokens', { config: { access: 'admin' } }, async (request, reply) => {
    const body = createTokenBody.safeParse(request.body);
    if (!body.success) return badRequest(reply, body.error);
    const now = new Date(context.clock());
    const expiresAt = body.data.expiresAt ? new Date(body.data.expiresAt) : undefined;
    if (expiresAt && expiresAt <= now)
      return reply.code(400).send({ error: 'bad request', message: 'expiresAt: must be in the future' });
    const created = await createToken(context.db.kysely, {
      name: body.data.name,
      scope: body.data.scope,
      expiresAt,
      now,
    });
    return reply.code(201).send({ token: created.token, ...created.record });
  });

  app.delete<{ Params: { id: string } }>(
    '/api/tokens/:id',
    { config: { access: 'admin' } },
    async (request, reply) => {
      const revoked = await revokeToken(context.db.kysely, request.params.id, new Date(context.clock()));
      if (!revoked)
        return reply.code(404).send({ error: 'not found', message: `no active token ${request.params.id}` });
      return reply.code(204).send();
    },
  );
}
