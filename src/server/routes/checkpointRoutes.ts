import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/websocket';
import { z } from 'zod';
import { currentEditionId, editionIds, industryKeys } from '../../core/assessment/index.js';
import { summarise, textLimits, toMarkdown } from '../../core/workshop/index.js';
import { listActions } from '../../store/checkpointActions.js';
import {
  type CheckpointRecord,
  getCheckpoint,
  listCheckpoints,
  saveParticipantKey,
} from '../../store/checkpoints.js';
import { isAllowed, isInScope, type Principal } from '../auth/access.js';
import type { AppContext } from '../context.js';
import { badRequest } from '../errors.js';
import { Measurements } from '../measurement/measurements.js';
import {
  historyEntry,
  newSecret,
  serveCheckpointSocket,
  startCheckpoint,
  startWorkshop,
  statusOf,
  summaryPdf,
} from '../realtime/index.js';
import { actionRoutes } from './actionRoutes.js';
import { checkpointJoinRoutes, joinUrlOf } from './checkpointJoinRoutes.js';

const createBody = z.strictObject({
  squad: z.string().trim().min(1, 'must not be empty').max(100),
  edition: z.enum(editionIds).optional(),
  industry: z.enum(industryKeys).optional(),
  title: z.string().trim().min(1, 'must not be empty').max(120).optional(),
  facilitatorName: z.string().trim().min(1, 'must not be empty').max(textLimits.name).optional(),
});
const historyQuery = z.strictObject({ squad: z.string().trim().min(1, 'must not be empty').max(100) });

type WithId = { Params: { id: string } };

const creatorOf = (principal: Principal): string =>
  principal.kind === 'user'
    ? `user:${principal.id}`
    : principal.kind === 'token'
      ? `token:${principal.id}`
      : 'local';

/** A file name people can read: `checkpoint-payments-2025-03-04`. */
const fileNameOf = (squad: string, date: string) =>
  `checkpoint-${squad.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${date.slice(0, 10)}`;

/** The summary as a file to download: …/summary.md and …/summary.pdf. */
const downloads = [
  { extension: 'md', type: 'text/markdown; charset=utf-8', render: toMarkdown },
  { extension: 'pdf', type: 'application/pdf', render: summaryPdf },
] as const;

/**
 * The live checkpoint over HTTP and its socket.
 * - POST /api/checkpoints (facilitate, in scope of the squad): creates one, measured and with the last
 *   checkpoint's actions to review. The answer holds the join link (shown again by
 *   GET /api/checkpoints/:id to those who may facilitate the squad) and the facilitator's participant
 *   id and key: the facilitator is a participant like everyone else, whoever they are signed in as
 *   (or the person at a loopback install). The key is shown only here; a facilitator of the squad
 *   gets a new one, replacing it, from POST /api/checkpoints/:id/facilitator-key.
 * - GET /api/checkpoints?squad= (read): the squad's history, newest first.
 * - GET /api/checkpoints/:id, …/summary, …/summary.md, …/summary.pdf (read).
 * - GET /api/checkpoints/:id/socket (public at the HTTP level): the WebSocket; the first message
 *   must be a hello with the participant id and key, checked in constant time before anything is sent.
 * - Joining by link and the actions: checkpointJoinRoutes, actionRoutes.
 */
export async function checkpointRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const workshop = await startWorkshop(context, app.log);
  app.addHook('onClose', () => workshop.close());
  const { rooms } = workshop;
  const db = context.db.kysely;

  const found = async (id: string, reply: FastifyReply) => {
    const record = await getCheckpoint(db, id);
    const state = record === undefined ? undefined : await rooms.readState(id);
    if (record === undefined || state === undefined) {
      void reply.code(404).send({ error: 'not found', message: `no checkpoint ${id}` });
      return undefined;
    }
    return { record, state };
  };
  const mayFacilitate = (request: FastifyRequest, record: CheckpointRecord) =>
    isAllowed(request.principal, 'facilitate') && isInScope(request.principal, record.squad, record.tribe);

  app.post('/api/checkpoints', { config: { access: 'facilitate' } }, async (request, reply) => {
    const body = createBody.safeParse(request.body);
    if (!body.success) return badRequest(reply, body.error);
    const { squad, edition, industry, title, facilitatorName } = body.data;
    const tribe = context.organisation.organisation.tribes.find((entry) =>
      entry.squads.some((declared) => declared.name === squad),
    );
    if (tribe === undefined) {
      const message = `squad: no squad "${squad}" in the organisation`;
      return reply.code(400).send({ error: 'bad request', message, problems: [{ field: 'squad', message }] });
    }
    if (!isInScope(request.principal, squad, tribe.name)) {
      return reply.code(403).send({ error: 'forbidden', message: `squad: you do not facilitate ${squad}` });
    }
    const principal = request.principal;
    // A fresh measurement, let go afterwards: checkpoints are created a few times a quarter, and a
    // cached copy of every event would double what the metrics routes already hold in memory.
    const started = await startCheckpoint(context, new Measurements(context), {
      squad,
      tribe: tribe.name,
      edition: edition ?? currentEditionId,
      industry,
      title: title ?? null,
      facilitatorName: facilitatorName ?? (principal.kind === 'user' ? principal.name : 'Facilitator'),
      createdBy: creatorOf(principal),
    });
    const { record } = started;
    return reply.code(201).send({
      id: record.id,
      squad: record.squad,
      tribe: record.tribe,
      title: record.title,
      edition: record.edition,
      createdAt: record.createdAt.toISOString(),
      joinCode: record.joinCode,
      joinUrl: joinUrlOf(context, request, record),
      socketPath: `/api/checkpoints/${record.id}/socket`,
      facilitator: started.facilitator,
    });
  });

  app.get('/api/checkpoints', { config: { access: 'read' } }, async (request, reply) => {
    const query = historyQuery.safeParse(request.query);
    if (!query.success) return badRequest(reply, query.error);
    const records = await listCheckpoints(db, query.data.squad);
    const actions = await listActions(db, { checkpointIds: records.map((record) => record.id) });
    const checkpoints = [];
    for (const record of records) {
      const state = await rooms.readState(record.id);
      if (state === undefined) continue;
      const own = actions.filter((action) => action.checkpointId === record.id);
      checkpoints.push(historyEntry(record, state, own));
    }
    return { squad: query.data.squad, checkpoints };
  });

  app.get<WithId>('/api/checkpoints/:id', { config: { access: 'read' } }, async (request, reply) => {
    const checkpoint = await found(request.params.id, reply);
    if (checkpoint === undefined) return reply;
    const { record, state } = checkpoint;
    return {
      id: record.id,
      squad: record.squad,
      tribe: record.tribe,
      title: record.title,
      edition: record.edition,
      createdAt: record.createdAt.toISOString(),
      version: state.version,
      phase: state.phase,
      status: statusOf(state),
      facilitator: state.participants.find((person) => person.id === state.facilitatorId)?.name ?? null,
      participants: state.participants.filter((person) => person.status === 'joined').length,
      socketPath: `/api/checkpoints/${record.id}/socket`,
      // The link lets anyone in; only those who could run the checkpoint see it again.
      joinUrl: mayFacilitate(request, record) ? joinUrlOf(context, request, record) : null,
    };
  });

  const summaryOf = async (id: string, reply: FastifyReply) => {
    const checkpoint = await found(id, reply);
    return checkpoint && summarise(checkpoint.state);
  };

  app.get<WithId>('/api/checkpoints/:id/summary', { config: { access: 'read' } }, async (request, reply) => {
    const summary = await summaryOf(request.params.id, reply);
    return summary ?? reply;
  });

  for (const { extension, type, render } of downloads) {
    app.get<WithId>(
      `/api/checkpoints/:id/summary.${extension}`,
      { config: { access: 'read' } },
      async (request, reply) => {
        const summary = await summaryOf(request.params.id, reply);
        if (summary === undefined) return reply;
        return reply
          .type(type)
          .header(
            'content-disposition',
            `attachment; filename="${fileNameOf(summary.squad, summary.date)}.${extension}"`,
          )
          .send(render(summary));
      },
    );
  }

  app.post<WithId>(
    '/api/checkpoints/:id/facilitator-key',
    { config: { access: 'facilitate' } },
    async (request, reply) => {
      const checkpoint = await found(request.params.id, reply);
      if (checkpoint === undefined) return reply;
      const { record, state } = checkpoint;
      if (!isInScope(request.principal, record.squad, record.tribe)) {
        return reply.code(403).send({ error: 'forbidden', message: `you do not facilitate ${record.squad}` });
      }
      const participantKey = newSecret();
      await saveParticipantKey(db, {
        checkpointId: record.id,
        participantId: state.facilitatorId,
        key: participantKey,
        now: new Date(context.clock()),
      });
      return { participantId: state.facilitatorId, participantKey };
    },
  );

  app.get<WithId>(
    '/api/checkpoints/:id/socket',
    { websocket: true, config: { access: 'public' } },
    (socket, request) =>
      serveCheckpointSocket(socket, request.params.id, {
        rooms,
        db,
        log: request.log,
        helloTimeoutMs: 10_000,
        heartbeatMs: 30_000,
        maxBufferedBytes: 8 * 1024 * 1024,
      }),
  );

  await app.register(checkpointJoinRoutes, { context, rooms });
  await app.register(actionRoutes, { context });
}
