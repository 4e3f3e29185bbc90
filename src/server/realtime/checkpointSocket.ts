import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { RawData, WebSocket } from 'ws';
import { z } from 'zod';
import { protocolVersion, readClientMessage, type ServerMessage } from '../../contract/workshopProtocol.js';
import type { PresencePatch } from '../../core/workshop/index.js';
import { isParticipantKey } from '../../store/checkpoints.js';
import type { Database } from '../../store/schema.js';
import { type CheckpointRoom, type RoomConnection, removedCloseCode } from './checkpointRoom.js';
import type { CheckpointRooms } from './checkpointRooms.js';

/**
 * The first message on a checkpoint socket: who is connecting, proved by the participant key handed
 * out when they joined (or, for the facilitator, when the checkpoint was created). It travels inside
 * the socket rather than in the URL so that it never lands in access logs or proxies' histories.
 */
export const socketHelloSchema = z.strictObject({
  v: z.literal(protocolVersion),
  type: z.literal('hello'),
  participantId: z.string().min(1).max(64),
  key: z.string().min(1).max(200),
});

/** The first message a client sends. */
export type SocketHello = z.output<typeof socketHelloSchema>;

/** Close codes of a checkpoint socket besides the standard ones. */
export const socketCloseCodes = {
  invalidHello: 4400,
  notAuthenticated: 4401,
  removed: removedCloseCode,
  unknownCheckpoint: 4404,
} as const;

/** What serving a socket needs. */
export interface SocketDeps {
  rooms: CheckpointRooms;
  db: Kysely<Database>;
  log: FastifyBaseLogger;
  helloTimeoutMs: number;
  heartbeatMs: number;
  /** A client that lets this much pile up unread is cut off; it reconnects and gets the whole view. */
  maxBufferedBytes: number;
}

const errorMessage = (code: 'invalid-message' | 'unknown-participant', message: string): ServerMessage => ({
  v: protocolVersion,
  type: 'error',
  commandId: null,
  code,
  message,
});

/**
 * Serves one socket of a checkpoint: the hello, then every message in the order it arrived. Commands
 * go to the room as the connection's participant; the ack or the refusal goes back to this socket only.
 */
export function serveCheckpointSocket(socket: WebSocket, checkpointId: string, deps: SocketDeps): void {
  let room: CheckpointRoom | undefined;
  let connection: RoomConnection | undefined;
  let ready: Promise<boolean> | undefined;
  let alive = true;

  const send = (message: ServerMessage | string) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > deps.maxBufferedBytes) {
      // A close frame would queue behind everything unread: cut the connection and free the memory.
      socket.terminate();
      return;
    }
    socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  };
  const refuse = (code: number, message: ServerMessage, reason: string) => {
    send(message);
    socket.close(code, reason);
    return false;
  };

  const helloTimer = setTimeout(() => {
    if (ready === undefined) socket.close(socketCloseCodes.notAuthenticated, 'send hello first');
  }, deps.helloTimeoutMs);
  const heartbeat = setInterval(() => {
    // A connection lost without a close (a laptop lid, a dropped network) stops answering pings.
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, deps.heartbeatMs);

  const authenticate = async (text: string): Promise<boolean> => {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    const hello = socketHelloSchema.safeParse(data);
    if (!hello.success) {
      const problem = hello.error.issues.map(
        (issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`,
      );
      return refuse(
        socketCloseCodes.invalidHello,
        errorMessage('invalid-message', `the first message must be a hello: ${problem.join('; ')}`),
        'invalid hello',
      );
    }
    const { participantId, key } = hello.data;
    const opened = await deps.rooms.open(checkpointId);
    if (opened === undefined) {
      return refuse(
        socketCloseCodes.unknownCheckpoint,
        errorMessage('invalid-message', `no checkpoint ${checkpointId}`),
        'unknown checkpoint',
      );
    }
    const known = await isParticipantKey(deps.db, checkpointId, participantId, key);
    const person = opened.state.participants.find((entry) => entry.id === participantId);
    if (!known || person === undefined) {
      return refuse(
        socketCloseCodes.notAuthenticated,
        errorMessage('unknown-participant', 'the participant id or key is wrong; join again with the link'),
        'not authenticated',
      );
    }
    if (person.status === 'removed') {
      return refuse(
        socketCloseCodes.removed,
        errorMessage('unknown-participant', 'the facilitator removed you from this checkpoint'),
        'removed',
      );
    }
    if (socket.readyState !== socket.OPEN) return false;
    room = opened;
    connection = {
      participantId,
      send,
      close: (code, reason) => socket.close(code, reason),
    };
    room.connect(connection);
    return true;
  };

  const handle = (text: string) => {
    const read = readClientMessage(text);
    if (!read.ok) return send(read.error);
    const message = read.message;
    if (room === undefined || connection === undefined) return;
    const participantId = connection.participantId;
    if (message.type === 'presence') {
      const patch: PresencePatch = {};
      if (message.cursor !== undefined) patch.cursor = message.cursor;
      if (message.selectedNodeId !== undefined) patch.selectedNodeId = message.selectedNodeId;
      return room.setPresence(participantId, patch);
    }
    const { commandId } = message;
    room.submit(participantId, message.command).then(
      (result) =>
        send(
          result.ok
            ? {
                v: protocolVersion,
                type: 'ack',
                commandId,
                version: result.version,
                createdId: result.createdId,
              }
            : { v: protocolVersion, type: 'error', commandId, ...result.error },
        ),
      (error) => {
        deps.log.error({ err: error, checkpointId }, 'a checkpoint command could not be logged');
        // Not acknowledged, so the client may send it again after reconnecting to the whole view.
        socket.close(1011, 'the command could not be saved; reconnect');
      },
    );
  };

  socket.on('pong', () => {
    alive = true;
  });
  socket.on('message', (data: RawData, isBinary: boolean) => {
    alive = true;
    const text = isBinary ? '' : data.toString();
    if (ready === undefined) {
      clearTimeout(helloTimer);
      ready = authenticate(text).catch((error) => {
        deps.log.error({ err: error, checkpointId }, 'a checkpoint socket could not be opened');
        socket.close(1011, 'the checkpoint could not be loaded; reconnect');
        return false;
      });
      return;
    }
    // Awaiting the same promise keeps the messages in the order they arrived.
    void ready.then((ok) => {
      if (ok) handle(text);
    });
  });
  socket.on('close', () => {
    clearTimeout(helloTimer);
    clearInterval(heartbeat);
    if (room !== undefined && connection !== undefined) room.disconnect(connection);
  });
}
