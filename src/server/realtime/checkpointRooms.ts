import type { CheckpointState } from '../../core/workshop/index.js';
import { loadCheckpointLog, saveCheckpointSnapshot } from '../../store/checkpoints.js';
import { CheckpointRoom, type RoomOptions } from './checkpointRoom.js';
import { replayCheckpoint } from './replayCheckpoint.js';

/** How the rooms of one instance behave. */
export interface RoomsOptions extends Omit<RoomOptions, 'onIdle'> {
  /** How long an idle room stays in memory, so a quick reconnect does not reload it. */
  idleMs: number;
}

/** Default tuning of the rooms. */
export const defaultRoomTuning = { snapshotEvery: 50, presenceIntervalMs: 40, idleMs: 60_000 } as const;

/**
 * The checkpoints this instance holds in memory. A room is loaded from the store on first use (the
 * latest snapshot plus the commands after it) and let go a while after its last connection closed;
 * the log stays the truth, so letting go or a restart loses nothing.
 */
export class CheckpointRooms {
  private readonly rooms = new Map<string, Promise<CheckpointRoom | undefined>>();
  private readonly loaded = new Map<string, CheckpointRoom>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly options: RoomsOptions) {}

  /** The store the rooms log to. */
  get db(): RoomOptions['db'] {
    return this.options.db;
  }

  /** The room of a checkpoint, loading it when needed; undefined for an unknown checkpoint. */
  open(id: string): Promise<CheckpointRoom | undefined> {
    if (this.closed) return Promise.reject(new Error('the server is stopping'));
    let entry = this.rooms.get(id);
    if (entry === undefined) {
      entry = this.load(id);
      this.rooms.set(id, entry);
      entry.then(
        (room) => {
          if (room === undefined) this.rooms.delete(id);
          else this.loaded.set(id, room);
        },
        () => this.rooms.delete(id),
      );
    }
    return entry;
  }

  /** The current state of a checkpoint, from its room when held here, else rebuilt from the store. */
  async readState(id: string): Promise<CheckpointState | undefined> {
    const held = this.loaded.get(id);
    if (held !== undefined) return held.state;
    const log = await loadCheckpointLog(this.options.db, id);
    return log === undefined ? undefined : replayCheckpoint(log.base, log.commands);
  }

  /** Another instance (or this one) logged `version` of a checkpoint. */
  hear(id: string, version: number): void {
    this.rooms.get(id)?.then(
      (room) => room?.hear(version).catch((error) => this.options.onError(error, `catching up ${id} failed`)),
      () => {},
    );
  }

  /** Notifications may have been missed: every room held reads the log for anything newer. */
  resync(): void {
    for (const [id, room] of this.loaded) {
      room.catchUp().catch((error) => this.options.onError(error, `catching up ${id} failed`));
    }
  }

  /** Closes every connection and waits for the commands in flight to be logged. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const rooms = [...this.loaded.values()];
    for (const room of rooms) room.closeAll(1001, 'the server is stopping; reconnect');
    await Promise.all(rooms.map((room) => room.settle()));
  }

  private async load(id: string): Promise<CheckpointRoom | undefined> {
    const log = await loadCheckpointLog(this.options.db, id);
    if (log === undefined) return undefined;
    const state = replayCheckpoint(log.base, log.commands);
    if (log.commands.length >= this.options.snapshotEvery) {
      // The periodic snapshot was lost (a crash just after logging): store one so the next load is quick.
      saveCheckpointSnapshot(this.options.db, state, new Date(this.options.clock())).catch((error) =>
        this.options.onError(error, `snapshot of checkpoint ${id} failed`),
      );
    }
    const room: CheckpointRoom = new CheckpointRoom(state, {
      ...this.options,
      onIdle: () => this.scheduleRelease(id, room),
    });
    // Commands logged elsewhere between reading the log and holding the room were not heard.
    if (this.options.shared) void room.catchUp().catch(() => {});
    else this.scheduleRelease(id, room);
    return room;
  }

  private scheduleRelease(id: string, room: CheckpointRoom): void {
    if (this.closed || this.idleTimers.has(id)) return;
    const timer = setTimeout(() => {
      this.idleTimers.delete(id);
      if (!room.isIdle) return;
      if (this.loaded.get(id) === room) {
        this.loaded.delete(id);
        this.rooms.delete(id);
      }
    }, this.options.idleMs);
    timer.unref();
    this.idleTimers.set(id, timer);
  }
}
