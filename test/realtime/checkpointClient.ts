/**
 * A browser's side of the checkpoint socket, for tests: connects, says hello, records every message
 * in order and sends commands, resolving each with its ack or its refusal.
 */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import type { ClientCommand, ServerMessage } from '../../src/contract/workshopProtocol.js';
import type { CheckpointView, PresenceView } from '../../src/core/workshop/index.js';

type Ack = Extract<ServerMessage, { type: 'ack' }>;
type Refusal = Extract<ServerMessage, { type: 'error' }>;

/** Someone's seat in a checkpoint: who they are and the key they reconnect with. */
export interface Seat {
  participantId: string;
  participantKey: string;
}

/** How long a test waits for a message before it fails with what it saw (not a timing assertion). */
const patienceMs = 15_000;

export class CheckpointClient {
  /** Every message received, in order, as sent. */
  readonly raw: string[] = [];
  readonly messages: ServerMessage[] = [];
  /** Resolves with the close code and reason once the socket has closed. */
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly socket: WebSocket,
    readonly seat: Seat,
  ) {
    socket.on('message', (data) => {
      const text = data.toString();
      this.raw.push(text);
      this.messages.push(JSON.parse(text) as ServerMessage);
      for (const wake of [...this.waiters]) wake();
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const wake of [...this.waiters]) wake();
      });
    });
  }

  /** Opens the socket and sends the hello; `waitForState` waits for the first view. */
  static async connect(
    baseUrl: string,
    checkpointId: string,
    seat: Seat,
    hello: object = { v: 1, type: 'hello', participantId: seat.participantId, key: seat.participantKey },
  ): Promise<CheckpointClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/checkpoints/${checkpointId}/socket`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const client = new CheckpointClient(socket, seat);
    socket.send(JSON.stringify(hello));
    return client;
  }

  /** Connects and waits for the first view. */
  static async join(baseUrl: string, checkpointId: string, seat: Seat): Promise<CheckpointClient> {
    const client = await CheckpointClient.connect(baseUrl, checkpointId, seat);
    await client.waitFor(() => client.states().length > 0, 'the first view');
    return client;
  }

  /** Every `state` message received. */
  states(): Extract<ServerMessage, { type: 'state' }>[] {
    return this.messages.filter((message) => message.type === 'state');
  }

  /** The latest view. */
  get view(): CheckpointView {
    const last = this.states().at(-1);
    if (last === undefined) throw new Error(`${this.seat.participantId} has no view yet`);
    return last.view;
  }

  /** The latest presence list. */
  presence(): PresenceView[] | undefined {
    return this.messages.filter((message) => message.type === 'presence').at(-1)?.present;
  }

  /** Sends a raw message. */
  sendRaw(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Sends a command and resolves with its ack or its refusal. */
  async send(command: ClientCommand): Promise<Ack | Refusal> {
    const commandId = randomUUID();
    this.sendRaw({ v: 1, type: 'command', commandId, command });
    let answer: Ack | Refusal | undefined;
    await this.waitFor(() => {
      answer = this.messages.find(
        (message): message is Ack | Refusal =>
          (message.type === 'ack' || message.type === 'error') && message.commandId === commandId,
      );
      return answer !== undefined;
    }, `the answer to ${command.type}`);
    return answer as Ack | Refusal;
  }

  /** Sends a command that must be accepted; resolves once this client's view has its version. */
  async must(command: ClientCommand): Promise<Ack> {
    const answer = await this.send(command);
    if (answer.type !== 'ack') throw new Error(`${command.type} refused: ${answer.code} ${answer.message}`);
    await this.waitForVersion(answer.version);
    return answer;
  }

  /** Waits until this client's view is at `version` or later. */
  waitForVersion(version: number): Promise<void> {
    return this.waitFor(() => this.states().some((state) => state.version >= version), `version ${version}`);
  }

  /** Waits until `condition` holds, checking at every message. */
  waitFor(condition: () => boolean, what: string): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new Error(`${this.seat.participantId} waited in vain for ${what}; last: ${this.raw.at(-1)}`));
      }, patienceMs);
      const wake = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      this.waiters.add(wake);
    });
  }

  close(): Promise<{ code: number; reason: string }> {
    this.socket.close();
    return this.closed;
  }

  /** Cuts the connection without a close handshake, like a lost network. */
  drop(): void {
    this.socket.terminate();
  }
}
