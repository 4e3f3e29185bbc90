/**
 * How instances sharing one PostgreSQL database hear of each other's checkpoint commands: the append
 * sends `NOTIFY checkpoint_commands '<id> <version>'` in its transaction (so it is heard only once
 * committed), and every instance listens on a dedicated connection of its own (LISTEN cannot share a
 * pooled connection). A notification is only a hint: the listener reads the commands from the log.
 * On PGlite there is only one process, so nothing needs to be heard.
 */
import pg from 'pg';

/** The channel the appends notify; the payload is `<checkpoint id> <version>`. */
export const checkpointChannel = 'checkpoint_commands';

/** What the feed tells its listener. */
export interface CheckpointFeedHandlers {
  /** Another writer (or this one) appended `version` of a checkpoint. */
  onCommand(checkpointId: string, version: number): void;
  /**
   * The feed (re)connected: notifications may have been missed while it was down, so every room held
   * should read the log for anything newer.
   */
  onResync(): void;
  /** The connection failed; the feed retries by itself. */
  onError?(error: Error): void;
}

/** A source of checkpoint notifications. */
export interface CheckpointFeed {
  /** True when appends must notify (other instances may be listening). */
  readonly shared: boolean;
  close(): Promise<void>;
}

/** The feed of a single-process store (PGlite): nothing to hear, nothing to notify. */
export function localCheckpointFeed(): CheckpointFeed {
  return { shared: false, close: async () => {} };
}

const parsePayload = (payload: string | undefined): { id: string; version: number } | undefined => {
  const match = /^(\S{1,200}) (\d{1,10})$/.exec(payload ?? '');
  return match?.[1] === undefined ? undefined : { id: match[1], version: Number(match[2]) };
};

/**
 * Listens on a dedicated connection to the PostgreSQL server at `url`. When the connection drops (a
 * server restart, a network cut), it reconnects with a growing delay (up to `maxDelayMs`) and then
 * calls `onResync`. Resolves once the first LISTEN is in place.
 */
export async function listenForCheckpointCommands(
  url: string,
  handlers: CheckpointFeedHandlers,
  options: { maxDelayMs?: number } = {},
): Promise<CheckpointFeed> {
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  let client: pg.Client | undefined;
  let closed = false;
  let delay = 100;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, keepAlive: true });
    let dropped = false;
    const drop = (error?: Error) => {
      if (dropped) return;
      dropped = true;
      if (error !== undefined) handlers.onError?.(error);
      next.removeAllListeners('notification');
      void next.end().catch(() => {});
      if (closed) return;
      retry = setTimeout(reconnect, delay);
      delay = Math.min(delay * 2, maxDelayMs);
    };
    next.on('error', drop);
    next.on('end', () => drop());
    next.on('notification', (message) => {
      if (message.channel !== checkpointChannel) return;
      const parsed = parsePayload(message.payload);
      if (parsed !== undefined) handlers.onCommand(parsed.id, parsed.version);
    });
    try {
      await next.connect();
      await next.query(`listen ${checkpointChannel}`);
    } catch (error) {
      drop(error as Error);
      throw error;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    delay = 100;
  };

  const reconnect = () => {
    if (closed) return;
    connect().then(
      () => handlers.onResync(),
      () => {
        // `drop` has already scheduled the next attempt.
      },
    );
  };

  try {
    await connect();
  } catch (error) {
    closed = true;
    clearTimeout(retry);
    throw error;
  }
  return {
    shared: true,
    close: async () => {
      closed = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      if (current !== undefined) {
        current.removeAllListeners('notification');
        await current.end().catch(() => {});
      }
    },
  };
}
