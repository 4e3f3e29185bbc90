import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientCommand, ServerMessage } from '../../../../src/contract/workshopProtocol.js';
import type { CheckpointView, PresencePatch, PresenceView } from '../../../../src/core/workshop/index.js';
import type { CheckpointSeat } from './checkpointSeat.js';

/** Where the connection stands. */
export type SocketStatus = 'connecting' | 'open' | 'reconnecting' | 'refused';

/** The answer to a command: accepted (with the id of what it created), or why not. */
export type CommandOutcome = { ok: true; createdId: string | null } | { ok: false; message: string };

/** The live checkpoint as this browser holds it. */
export interface CheckpointSocket {
  status: SocketStatus;
  view: CheckpointView | null;
  presence: PresenceView[];
  /** Why the server will not let this seat in (removed, unknown key); the page offers to join again. */
  refusal: string | null;
  /** The latest refused command, in words. */
  problem: string | null;
  dismissProblem(): void;
  send(command: ClientCommand): Promise<CommandOutcome>;
  sendPresence(patch: PresencePatch): void;
}

/** Close codes after which reconnecting cannot help (see the server's socketCloseCodes). */
const finalCloseCodes = new Set([4400, 4401, 4403, 4404]);
const retryDelaysMs = [300, 1_000, 2_000, 4_000, 8_000];
let commandCount = 0;
// Not crypto.randomUUID: it exists only in secure contexts, and a team may serve the app over plain HTTP.
const newCommandId = () =>
  `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${++commandCount}`;

const socketUrl = (checkpointId: string) =>
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/checkpoints/${encodeURIComponent(checkpointId)}/socket`;

/**
 * Connects a seat to its checkpoint's socket and keeps it connected: the hello with the stored key,
 * then every `state` replaces the view. A dropped connection reconnects by itself and the server
 * answers with the whole view, so nothing is lost; a command whose answer never came is reported
 * as unknown rather than retried, since the server may have applied it.
 */
export function useCheckpointSocket(checkpointId: string, seat: CheckpointSeat | null): CheckpointSocket {
  const [status, setStatus] = useState<SocketStatus>('connecting');
  const [view, setView] = useState<CheckpointView | null>(null);
  const [presence, setPresence] = useState<PresenceView[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const socket = useRef<WebSocket | null>(null);
  const pending = useRef(new Map<string, (outcome: CommandOutcome) => void>());

  useEffect(() => {
    if (seat === null) return;
    let stopped = false;
    let attempt = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const settleAll = (message: string) => {
      for (const resolve of pending.current.values()) resolve({ ok: false, message });
      pending.current.clear();
    };
    const connect = () => {
      const ws = new WebSocket(socketUrl(checkpointId));
      socket.current = ws;
      let lastError: string | null = null;
      ws.addEventListener('open', () => {
        ws.send(
          JSON.stringify({
            v: 1,
            type: 'hello',
            participantId: seat.participantId,
            key: seat.participantKey,
          }),
        );
      });
      ws.addEventListener('message', (event) => {
        const message = JSON.parse(String(event.data)) as ServerMessage;
        if (message.type === 'state') {
          attempt = 0;
          setStatus('open');
          setRefusal(null);
          setView(message.view);
        } else if (message.type === 'presence') {
          setPresence(message.present);
        } else if (message.type === 'ack') {
          pending.current.get(message.commandId)?.({ ok: true, createdId: message.createdId });
          pending.current.delete(message.commandId);
        } else if (message.commandId !== null && pending.current.has(message.commandId)) {
          pending.current.get(message.commandId)?.({ ok: false, message: message.message });
          pending.current.delete(message.commandId);
          setProblem(message.message);
        } else {
          lastError = message.message;
        }
      });
      ws.addEventListener('close', (event) => {
        if (socket.current === ws) socket.current = null;
        settleAll('The connection dropped before the server answered; check that it took effect.');
        if (stopped) return;
        if (finalCloseCodes.has(event.code)) {
          setStatus('refused');
          setRefusal(lastError ?? event.reason ?? 'The server refused this seat.');
          return;
        }
        setStatus('reconnecting');
        retry = setTimeout(connect, retryDelaysMs[Math.min(attempt, retryDelaysMs.length - 1)]);
        attempt += 1;
      });
    };
    setStatus('connecting');
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket.current?.close(1000, 'left the page');
      socket.current = null;
    };
  }, [checkpointId, seat]);

  const send = useCallback((command: ClientCommand): Promise<CommandOutcome> => {
    const ws = socket.current;
    if (ws === null || ws.readyState !== WebSocket.OPEN) {
      const message = 'Not connected right now; wait for the connection to come back and try again.';
      setProblem(message);
      return Promise.resolve({ ok: false, message });
    }
    const commandId = newCommandId();
    return new Promise((resolve) => {
      pending.current.set(commandId, resolve);
      ws.send(JSON.stringify({ v: 1, type: 'command', commandId, command }));
    });
  }, []);

  const sendPresence = useCallback((patch: PresencePatch) => {
    const ws = socket.current;
    if (ws !== null && ws.readyState === WebSocket.OPEN)
      ws.send(JSON.stringify({ v: 1, type: 'presence', ...patch }));
  }, []);

  const dismissProblem = useCallback(() => setProblem(null), []);
  return { status, view, presence, refusal, problem, dismissProblem, send, sendPresence };
}
