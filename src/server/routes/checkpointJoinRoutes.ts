import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { textLimits } from '../../core/workshop/index.js';
import { type CheckpointRecord, getCheckpoint } from '../../store/checkpoints.js';
import type { AppContext } from '../context.js';
import { badRequest } from '../errors.js';
import { type CheckpointRooms, isSameSecret, joinCheckpoint, statusOf } from '../realtime/index.js';

const code = z.string().min(1, 'must not be empty').max(200);
const invitationBody = z.strictObject({ code });
const joinBody = z.strictObject({
  code,
  name: z.string().trim().min(1, 'must not be empty').max(textLimits.name),
  role: z.enum(['participant', 'viewer']).default('participant'),
});

type WithId = { Params: { id: string } };

/**
 * The link people join by. The code travels in the fragment, which browsers never send to a server,
 * so it stays out of access logs and Referer headers; the join page reads it and posts it.
 */
export function joinUrlOf(context: AppContext, request: FastifyRequest, record: CheckpointRecord): string {
  const base = context.config.publicUrl ?? `${request.protocol}://${request.host}`;
  return `${base.replace(/\/$/, '')}/checkpoints/${record.id}/join#code=${record.joinCode}`;
}

/**
 * Joining by link, without an account: `public` at the HTTP level because the people joining have no
 * account, but every route checks the checkpoint's join code itself, in constant time, and reveals
 * nothing (not even the squad) without it.
 * - POST /api/checkpoints/:id/invitation {code}: what the join page shows before a name is typed.
 * - POST /api/checkpoints/:id/join {code, name, role}: joins as a participant or a viewer and returns
 *   the participant id and key, once; the browser keeps them and says hello with them on the socket,
 *   so a reload rejoins as the same person. A signed-in browser sends its CSRF header or omits cookies.
 */
export async function checkpointJoinRoutes(
  app: FastifyInstance,
  { context, rooms }: { context: AppContext; rooms: CheckpointRooms },
) {
  const db = context.db.kysely;
  const publicAccess = { config: { access: 'public' as const } };

  const invited = async (id: string, given: string) => {
    const record = await getCheckpoint(db, id);
    if (record === undefined)
      return { status: 404, error: 'not found', message: `no checkpoint ${id}` } as const;
    if (!isSameSecret(given, record.joinCode)) {
      const message = 'code: the join code is wrong; ask the facilitator for the link';
      return { status: 403, error: 'forbidden', message } as const;
    }
    return { status: 200, record } as const;
  };

  app.post<WithId>('/api/checkpoints/:id/invitation', publicAccess, async (request, reply) => {
    const body = invitationBody.safeParse(request.body);
    if (!body.success) return badRequest(reply, body.error);
    const invitation = await invited(request.params.id, body.data.code);
    if (invitation.status !== 200) {
      return reply.code(invitation.status).send({ error: invitation.error, message: invitation.message });
    }
    const { record } = invitation;
    const state = await rooms.readState(record.id);
    if (state === undefined)
      return reply.code(404).send({ error: 'not found', message: `no checkpoint ${record.id}` });
    return {
      id: record.id,
      squad: record.squad,
      tribe: record.tribe,
      title: record.title,
      phase: state.phase,
      status: statusOf(state),
    };
  });

  app.post<WithId>('/api/checkpoints/:id/join', publicAccess, async (request, reply) => {
    const body = joinBody.safeParse(request.body);
    if (!body.success) return badRequest(reply, body.error);
    const invitation = await invited(request.params.id, body.data.code);
    if (invitation.status !== 200) {
      return reply.code(invitation.status).send({ error: invitation.error, message: invitation.message });
    }
    const { record } = invitation;
    const joined = await joinCheckpoint(rooms, {
      checkpointId: record.id,
      name: body.data.name,
      role: body.data.role,
      now: new Date(context.clock()),
    });
    if (!joined.ok) {
      const { code, message } = joined.error;
      const status = code === 'unknown-checkpoint' ? 404 : code.startsWith('invalid') ? 400 : 409;
      return reply.code(status).send({ error: code, message });
    }
    const { participantId, participantKey } = joined;
    return reply.code(201).send({
      checkpointId: record.id,
      participantId,
      participantKey,
      role: body.data.role,
      socketPath: `/api/checkpoints/${record.id}/socket`,
    });
  });
}
