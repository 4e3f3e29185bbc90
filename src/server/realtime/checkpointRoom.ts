import type { Kysely } from 'kysely';
import {
  type ClientCommand,
  protocolVersion,
  stampCommand,
  stateMessage,
  stateMessageTexts,
} from '../../contract/workshopProtocol.js';
import {
  apply,
  type CheckpointState,
  dropPresence,
  listPresence,
  type PresenceMap,
  type PresencePatch,
  updatePresence,
  viewFor,
  viewsFor,
  type WorkshopError,
} from '../../core/workshop/index.js';
import {
  type AppendOutcome,
  type CommandToLog,
  listCommandsAfter,
  saveCheckpointSnapshot,
} from '../../store/checkpoints.js';
import type { Database } from '../../store/schema.js';
import { actionChangesOf } from './actionChanges.js';
import { replayCheckpoint } from './replayCheckpoint.js';

/** One open connection of a person to a room (a browser tab). */
export interface RoomConnection {
  readonly participantId: string;
  /** Sends one serialised server message. */
  send(text: string): void;
  close(code: number, reason: string): void;
}

/** What a room needs from its surroundings. */
export interface RoomOptions {
  db: Kysely<Database>;
  /** Logs an accepted command (batched with other rooms' by a `CommandWriter`). */
  append(entry: CommandToLog): Promise<AppendOutcome>;
  clock: () => number;
  /** Other instances may write to the same log: look at it before refusing. */
  shared: boolean;
  /** A snapshot of the state is stored every this many versions. */
  snapshotEvery: number;
  newId: () => string;
  /** Presence changes are sent at most this often (ms): cursors move many times a second. */
  presenceIntervalMs: number;
  /** Called whenever the room may have become idle (no connection, nothing queued). */
  onIdle(): void;
  onError(error: unknown, message: string): void;
}

/** The outcome of a command: accepted as `version`, or refused. */
export type SubmitResult =
  | { ok: true; version: number; createdId: string | null }
  | { ok: false; error: WorkshopError };

/** Close code for someone the facilitator removed. */
export const removedCloseCode = 4403;

// Only reached when another instance wins the next version this many times in a row.
const maxAttempts = 50;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One checkpoint held in memory while people are connected: commands are applied strictly one at a
 * time (a queue), each is in the log before anyone hears of it, and then every connection is sent its
 * own view. Presence lives here only, in memory.
 */
export class CheckpointRoom {
  private current: CheckpointState;
  private presence: PresenceMap = {};
  private readonly connections = new Set<RoomConnection>();
  private tail: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private presenceTimer: NodeJS.Timeout | undefined;

  constructor(
    state: CheckpointState,
    private readonly options: RoomOptions,
  ) {
    this.current = state;
  }

  get state(): CheckpointState {
    return this.current;
  }

  /** True with no connection and nothing queued: the room may be let go. */
  get isIdle(): boolean {
    return this.connections.size === 0 && this.queued === 0;
  }

  /** Adds a connection and sends it the whole view, so a reload or a reconnect misses nothing. */
  connect(connection: RoomConnection): void {
    this.connections.add(connection);
    connection.send(JSON.stringify(stateMessage(viewFor(this.current, connection.participantId))));
    this.presence = updatePresence(this.presence, connection.participantId, {}, iso(this.options.clock()));
    this.sendPresenceSoon();
  }

  disconnect(connection: RoomConnection): void {
    if (!this.connections.delete(connection)) return;
    const stillHere = [...this.connections].some((other) => other.participantId === connection.participantId);
    if (!stillHere) {
      this.presence = dropPresence(this.presence, connection.participantId);
      this.sendPresenceSoon();
    }
    this.options.onIdle();
  }

  setPresence(participantId: string, patch: PresencePatch): void {
    this.presence = updatePresence(this.presence, participantId, patch, iso(this.options.clock()));
    this.sendPresenceSoon();
  }

  /** Applies a command of `actorId` (the connection's participant, never the client's word). */
  submit(actorId: string, command: ClientCommand): Promise<SubmitResult> {
    return this.enqueue(() => this.accept(actorId, command));
  }

  /** Reads the log for commands written elsewhere once the room is behind `version`. */
  hear(version: number): Promise<void> {
    return this.enqueue(async () => {
      if (version > this.current.version) await this.pullMissing();
    });
  }

  /** Reads the log for anything newer (after missed notifications). */
  catchUp(): Promise<void> {
    return this.enqueue(async () => {
      await this.pullMissing();
    });
  }

  /** Waits for everything queued. */
  async settle(): Promise<void> {
    await this.tail;
  }

  closeAll(code: number, reason: string): void {
    clearTimeout(this.presenceTimer);
    for (const connection of [...this.connections]) connection.close(code, reason);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.queued += 1;
    const run = this.tail.then(task);
    this.tail = run
      .catch(() => {})
      .then(() => {
        this.queued -= 1;
        if (this.isIdle) this.options.onIdle();
      });
    return run;
  }

  private async accept(actorId: string, command: ClientCommand): Promise<SubmitResult> {
    const at = this.options.clock();
    const { command: stamped, createdId } = stampCommand(command, {
      actorId,
      at: iso(at),
      newId: this.options.newId,
    });
    let looked = false;
    for (let attempt = 1; ; attempt++) {
      const before = this.current;
      const result = apply(before, stamped);
      if (!result.ok) {
        // Another instance may have moved on (a phase, a join) in a way that changes the answer.
        if (this.options.shared && !looked) {
          looked = true;
          if (await this.pullMissing()) continue;
        }
        return { ok: false, error: result.error };
      }
      const outcome = await this.options.append({
        checkpointId: before.id,
        version: result.state.version,
        command: stamped,
        recordedAt: new Date(at),
        actions: actionChangesOf(before, result.state),
      });
      if (outcome === 'appended') {
        this.commit(result.state);
        return { ok: true, version: result.state.version, createdId };
      }
      if (attempt >= maxAttempts) {
        throw new Error(`checkpoint ${before.id}: version ${result.state.version} stayed taken`);
      }
      // Another instance wrote this version first: take its commands, then try ours on top.
      await this.pullMissing();
    }
  }

  /** Applies the commands logged after the room's version, broadcasting each; true when there were any. */
  private async pullMissing(): Promise<boolean> {
    const missing = await listCommandsAfter(this.options.db, this.current.id, this.current.version);
    for (const logged of missing) this.commit(replayCheckpoint(this.current, [logged]));
    return missing.length > 0;
  }

  private commit(state: CheckpointState): void {
    this.current = state;
    // Everyone's view at once: what they have in common is derived and serialised once.
    const people = new Set([...this.connections].map((connection) => connection.participantId));
    const texts = stateMessageTexts(viewsFor(state, people));
    for (const connection of this.connections) connection.send(texts.get(connection.participantId) as string);
    this.closeRemoved();
    if (state.version % this.options.snapshotEvery === 0) {
      saveCheckpointSnapshot(this.options.db, state, new Date(this.options.clock())).catch((error) =>
        this.options.onError(error, `snapshot of checkpoint ${state.id} at version ${state.version} failed`),
      );
    }
  }

  private closeRemoved(): void {
    const removed = new Set(
      this.current.participants.filter((person) => person.status === 'removed').map((person) => person.id),
    );
    if (removed.size === 0) return;
    for (const connection of [...this.connections]) {
      if (removed.has(connection.participantId)) {
        connection.close(removedCloseCode, 'the facilitator removed you from this checkpoint');
      }
    }
  }

  private sendPresenceSoon(): void {
    if (this.presenceTimer !== undefined) return;
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = undefined;
      const text = JSON.stringify({
        v: protocolVersion,
        type: 'presence',
        present: listPresence(this.presence, this.current),
      });
      for (const connection of this.connections) connection.send(text);
    }, this.options.presenceIntervalMs);
  }
}
