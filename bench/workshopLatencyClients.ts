/**
 * The simulated people of the workshop latency benchmark: each one a WebSocket that says hello, draws
 * the path to production and records, without parsing whole views, which version arrived when.
 */
import WebSocket from 'ws';

/** The head of a `state` message: views are serialised with their version first. */
const statePrefix = /^\{"v":1,"type":"state","version":(\d+)/;

/** One simulated person: their socket, the last version they saw, their own step, commands in flight. */
export interface Person {
  socket: WebSocket;
  lastVersion: number | null;
  nodeId: string | null;
  sent: Map<string, number>;
}

/** A room under test and everything its people received. */
export interface Room {
  id: string;
  people: Person[];
  /** By version: how many connections received it and when the last one did. */
  arrivals: Map<number, { count: number; lastAt: number }>;
  acked: { version: number; sentAt: number }[];
}

/** What went wrong (or was checked) across every connection of a run. */
export interface Tally {
  lost: number;
  duplicated: number;
  refused: number;
  states: number;
}

/** Connects one person, says hello and records every message; resolves at the first view. */
export function connect(
  url: string,
  room: Room,
  tally: Tally,
  seat: { participantId: string; participantKey: string },
): Promise<Person> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/checkpoints/${room.id}/socket`);
  const person: Person = { socket, lastVersion: null, nodeId: null, sent: new Map() };
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () =>
      socket.send(
        JSON.stringify({ v: 1, type: 'hello', participantId: seat.participantId, key: seat.participantKey }),
      ),
    );
    socket.on('message', (data: Buffer) => {
      const at = performance.now();
      // Only the head of a view is read: parsing every view would measure this process, not the server.
      const state = statePrefix.exec(data.subarray(0, 64).toString('latin1'));
      if (state !== null) {
        const version = Number(state[1]);
        tally.states += 1;
        if (person.lastVersion === null) resolve(person);
        else if (version <= person.lastVersion) tally.duplicated += 1;
        else tally.lost += version - person.lastVersion - 1;
        person.lastVersion = Math.max(version, person.lastVersion ?? version);
        const arrival = room.arrivals.get(version) ?? { count: 0, lastAt: 0 };
        room.arrivals.set(version, { count: arrival.count + 1, lastAt: at });
        return;
      }
      const message = JSON.parse(data.toString()) as {
        type: string;
        commandId?: string;
        version?: number;
        createdId?: string | null;
      };
      if (message.type !== 'ack' && message.type !== 'error') return;
      const sentAt = person.sent.get(message.commandId ?? '');
      person.sent.delete(message.commandId ?? '');
      if (message.type === 'error') tally.refused += 1;
      else if (sentAt !== undefined && message.version !== undefined) {
        room.acked.push({ version: message.version, sentAt });
        if (person.nodeId === null && message.createdId) person.nodeId = message.createdId;
      }
    });
  });
}

let commandNumber = 0;
const nextNumber = () => {
  commandNumber += 1;
  return commandNumber;
};

/** What a person drawing the flow sends next: a step of their own, then moves, renames and notes. */
export function nextCommand(person: Person): object {
  const number = nextNumber();
  const roll = Math.random();
  const where = () => Math.round(Math.random() * 2000);
  if (person.nodeId === null) {
    return {
      type: 'addNode',
      label: `Step ${number}`,
      automation: 'manual',
      lane: 'delivery',
      x: where(),
      y: where(),
    };
  }
  if (roll < 0.7) return { type: 'moveNode', nodeId: person.nodeId, x: where(), y: where() };
  if (roll < 0.9) return { type: 'updateNode', nodeId: person.nodeId, label: `Step ${number}` };
  return { type: 'addNote', nodeId: person.nodeId, kind: 'improvement', text: `Idea ${number}` };
}

/** Sends a command, noting when. */
export function send(person: Person, command: object): void {
  const commandId = `c${nextNumber()}`;
  person.sent.set(commandId, performance.now());
  person.socket.send(JSON.stringify({ v: 1, type: 'command', commandId, command }));
}
