import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actionStatuses } from '../../core/workshop/index.js';
import {
  getAction,
  listActions,
  setActionStatus,
  type TrackedAction,
} from '../../store/checkpointActions.js';
import { isInScope, type Principal } from '../auth/access.js';
import type { AppContext } from '../context.js';
import { badRequest } from '../errors.js';

const listQuery = z.strictObject({
  squad: z.string().trim().min(1, 'must not be empty').max(100).optional(),
  status: z.enum(actionStatuses).optional(),
});
const patchBody = z.strictObject({ status: z.enum(actionStatuses) });

const present = (action: TrackedAction) => ({
  ...action,
  createdAt: action.createdAt.toISOString(),
  updatedAt: action.updatedAt.toISOString(),
});

/** Facilitators, and members of the squad, track its actions; viewers and read tokens only look. */
function mayTrack(principal: Principal, squad: string, tribe: string): boolean {
  if (principal.kind === 'user' && principal.role === 'viewer') return false;
  if (principal.kind === 'token' && principal.scope !== 'admin') return false;
  return isInScope(principal, squad, tribe);
}

/**
 * The actions agreed at checkpoints, tracked to done.
 * - GET /api/actions?squad=&status= (read): newest checkpoint first.
 * - PATCH /api/actions/:id {status} (read at the HTTP level, then checked here: a facilitator, or a
 *   member of the squad, i.e. a member whose scopes cover the squad or its tribe). It changes the
 *   tracked action, not the record of the workshop, which keeps what was agreed on the day.
 */
export async function actionRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const db = context.db.kysely;

  app.get('/api/actions', { config: { access: 'read' } }, async (request, reply) => {
    const query = listQuery.safeParse(request.query);
    if (!query.success) return badRequest(reply, query.error);
    const actions = await listActions(db, query.data);
    return { actions: actions.map(present) };
  });

  app.patch<{ Params: { id: string } }>(
    '/api/actions/:id',
    { config: { access: 'read' } },
    async (request, reply) => {
      const body = patchBody.safeParse(request.body);
      if (!body.success) return badRequest(reply, body.error);
      const action = await getAction(db, request.params.id);
      if (action === undefined) {
        return reply.code(404).send({ error: 'not found', message: `no action ${request.params.id}` });
      }
      if (!mayTrack(request.principal, action.squad, action.tribe)) {
        return reply.code(403).send({
          error: 'forbidden',
          message: `only facilitators and members of ${action.squad} track its actions`,
        });
      }
      const updated = await setActionStatus(db, action.id, body.data.status, new Date(context.clock()));
      return updated === undefined ? reply.code(404).send({ error: 'not found' }) : present(updated);
    },
  );
}
