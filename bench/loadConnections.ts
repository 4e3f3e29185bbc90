/**
 * The long-lived connections of the load benchmark: many WebSocket connections to checkpoints (or,
 * without the workshop socket, server-sent event streams) opened in waves and held open.
 */
import http from 'node:http';
import WebSocket from 'ws';

export interface SocketFigures {
  target: string;
  requested: number;
  opened: number;
  /** Still open at the end of the hold. */
  held: number;
  dropped: number;
  errors: number;
  holdSeconds: number;
  secondsToOpen: number;
  serverRssMiB: { before: number | null; held: number | null };
}

/** Checkpoints to connect to (the facilitator's credentials of each), or why there are none. */
async function checkpoints(url: string, count: number) {
  const made: { id: string; participantId: string; key: string }[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${url}/api/checkpoints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ squad: 'search', title: `Load ${i}` }),
    });
    if (response.status !== 201) return { reason: `POST /api/checkpoints answered ${response.status}` };
    const body = (await response.json()) as {
      id: string;
      facilitator: { participantId: string; participantKey: string };
    };
    made.push({
      id: body.id,
      participantId: body.facilitator.participantId,
      key: body.facilitator.participantKey,
    });
  }
  return { made };
}

/** Opens `count` connections in waves, holds them, and counts how many stayed open. */
async function holdConnections(
  count: number,
  holdSeconds: number,
  open: (i: number, events: ConnectionEvents) => () => void,
) {
  let opened = 0;
  let closedAfterOpen = 0;
  let errors = 0;
  const closers: (() => void)[] = [];
  const started = performance.now();
  const allOpen = new Promise<void>((resolve) => {
    const events: ConnectionEvents = {
      opened: () => {
        if (++opened + errors >= count) resolve();
      },
      failed: () => {
        if (opened + ++errors >= count) resolve();
      },
      closed: () => void closedAfterOpen++,
    };
    void (async () => {
      for (let i = 0; i < count; i++) {
        closers.push(open(i, events));
        if (i % 100 === 99) await new Promise((wait) => setTimeout(wait, 50));
      }
    })();
  });
  await Promise.race([allOpen, new Promise((resolve) => setTimeout(resolve, 60_000))]);
  const secondsToOpen = (performance.now() - started) / 1000;
  const openedBeforeHold = opened;
  const droppedBefore = closedAfterOpen;
  await new Promise((resolve) => setTimeout(resolve, holdSeconds * 1000));
  const held = openedBeforeHold - (closedAfterOpen - droppedBefore);
  for (const close of closers) close();
  return { opened, held, dropped: closedAfterOpen, errors, secondsToOpen };
}

interface ConnectionEvents {
  opened(): void;
  failed(): void;
  closed(): void;
}

export async function holdSockets(
  url: string,
  count: number,
  holdSeconds: number,
  rssMiB: () => number | null,
): Promise<SocketFigures> {
  const before = rssMiB();
  let rssHeld: number | null = null;
  const rooms = await checkpoints(url, Math.ceil(count / 100));
  const measure = async (target: string, open: (i: number, events: ConnectionEvents) => () => void) => {
    const held = await holdConnections(count, holdSeconds, (i, events) => {
      const close = open(i, events);
      if (i === count - 1) {
        setTimeout(() => {
          rssHeld = rssMiB();
        }, holdSeconds * 500);
      }
      return close;
    });
    return { target, requested: count, ...held, holdSeconds, serverRssMiB: { before, held: rssHeld } };
  };
  const made = rooms.made;
  if (made) {
    return measure(`WebSocket GET /api/checkpoints/:id/socket (${made.length} checkpoints)`, (i, events) => {
      const room = made[i % made.length] as { id: string; participantId: string; key: string };
      const socket = new WebSocket(`${url.replace('http', 'ws')}/api/checkpoints/${room.id}/socket`);
      let isOpen = false;
      socket.on('open', () =>
        socket.send(
          JSON.stringify({ v: 1, type: 'hello', participantId: room.participantId, key: room.key }),
        ),
      );
      socket.once('message', (data) => {
        const type = (JSON.parse(String(data)) as { type?: string }).type;
        if (type === 'error') return events.failed();
        isOpen = true;
        events.opened();
      });
      socket.on('error', () => !isOpen && events.failed());
      socket.on('close', () => (isOpen ? events.closed() : undefined));
      return () => socket.close(1000);
    });
  }
  // Without the workshop socket, the other long-lived connection the product serves: server-sent events.
  return measure(`server-sent events GET /api/live (no checkpoint socket: ${rooms.reason})`, (_i, events) => {
    let isOpen = false;
    const request = http.get(`${url}/api/live`, { agent: false }, (response) => {
      if (response.statusCode !== 200) return events.failed();
      isOpen = true;
      events.opened();
      response.on('close', () => events.closed());
      response.resume();
    });
    request.on('error', () => !isOpen && events.failed());
    return () => request.destroy();
  });
}
