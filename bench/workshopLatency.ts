/**
 * How quickly the live workshop answers a room: many rooms of simulated people on real WebSockets,
 * each person drawing the path to production at a bounded rate, against the real app in its own
 * process. Latency is from sending a command to its new view reaching EVERY connection of the room;
 * every connection must see each version exactly once and in order.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createBenchDatabase } from './postgres.js';
import { percentile } from './stats.js';
import { targets } from './targets.js';
import { connect, nextCommand, type Room, send, type Tally } from './workshopLatencyClients.js';
import { benchSquad, type WorkshopServerSpec, workshopServerVariable } from './workshopLatencyServer.js';

/** What to run; every field has a default. */
export interface WorkshopLatencyOptions {
  rooms?: number;
  /** People per room, the facilitator included. */
  peoplePerRoom?: number;
  /** How long the people keep sending, in ms. */
  durationMs?: number;
  /** Each person sends one command every this many ms on average (uniformly 0.5–1.5 times it). */
  commandIntervalMs?: number;
  /** The PostgreSQL server to run on as well; PostgreSQL is skipped without it. */
  databaseUrl?: string | undefined;
  backends?: ('pglite' | 'postgres')[];
  log?: (line: string) => void;
}

/** The figures of one backend. */
export interface WorkshopLatencyResult {
  backend: 'pglite' | 'postgres';
  rooms: number;
  peoplePerRoom: number;
  durationMs: number;
  commandIntervalMs: number;
  commandsAcknowledged: number;
  commandsRefused: number;
  /** State messages received and checked for order. */
  statesChecked: number;
  latencyMs: { median: number; p90: number; p99: number; max: number };
  /** Versions a connection never received, received twice, or commands whose view did not reach everyone. */
  lost: number;
  duplicated: number;
  unfinished: number;
  targetP99Ms: number;
  met: boolean;
  /** The server process over the measured window: CPU time per command and how busy its event loop was. */
  server: { cpuMsPerCommand: number; loopUtilisation: number; loopDelayP99Ms: number };
  /** The same for this process, the simulated people: when it is busy, it adds to the latency. */
  clients: { cpuMsPerCommand: number; loopUtilisation: number };
  machine: { cores: number; loadBefore: number; loadAfter: number };
}

const targetP99Ms = targets.workshopP99Ms;

async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size)
    await Promise.all(items.slice(start, start + size).map(work));
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function startServer(spec: WorkshopServerSpec): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(fileURLToPath(new URL('./workshopLatencyServer.ts', import.meta.url)), [], {
    env: { ...process.env, [workshopServerVariable]: JSON.stringify(spec) },
    // Resolved here, so the server starts whatever the working directory.
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`the workshop server exited (${code}) before it was ready`)),
    );
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message.type === 'ready' && message.url !== undefined) resolve({ url: message.url, child });
    });
  });
}

interface ServerUsage {
  cpuMs: number;
  loopUtilisation: number;
  loopDelayP99Ms: number;
}

function serverUsage(child: ChildProcess): Promise<ServerUsage> {
  return new Promise((resolve) => {
    const listen = (message: Partial<ServerUsage> & { type?: string }) => {
      if (message.type !== 'usage') return;
      child.off('message', listen);
      resolve({
        cpuMs: message.cpuMs ?? Number.NaN,
        loopUtilisation: message.loopUtilisation ?? Number.NaN,
        loopDelayP99Ms: message.loopDelayP99Ms ?? Number.NaN,
      });
    };
    child.on('message', listen);
    child.send('usage');
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.send('stop');
  });
}

async function waitUntil(condition: () => boolean, ms: number): Promise<void> {
  for (const until = Date.now() + ms; !condition() && Date.now() < until; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function runOn(
  backend: 'pglite' | 'postgres',
  spec: WorkshopServerSpec,
  options: Required<Omit<WorkshopLatencyOptions, 'databaseUrl' | 'backends'>>,
): Promise<WorkshopLatencyResult> {
  const tally: Tally = { lost: 0, duplicated: 0, refused: 0, states: 0 };
  const { url, child } = await startServer(spec);
  const rooms: Room[] = [];
  try {
    await inBatches(Array.from({ length: options.rooms }), 5, async () => {
      const created = await post<{
        id: string;
        joinCode: string;
        facilitator: { participantId: string; participantKey: string };
      }>(`${url}/api/checkpoints`, { squad: benchSquad, edition: '2019' });
      const room: Room = { id: created.id, people: [], arrivals: new Map(), acked: [] };
      rooms.push(room);
      const seats = [created.facilitator];
      for (let i = 1; i < options.peoplePerRoom; i++) {
        seats.push(
          await post(`${url}/api/checkpoints/${room.id}/join`, {
            code: created.joinCode,
            name: `Person ${i}`,
          }),
        );
      }
      room.people = await Promise.all(seats.map((seat) => connect(url, room, tally, seat)));
      send(room.people[0]!, { type: 'setPhase', phase: 'pathToProduction' });
    });
    const everyone = rooms.flatMap((room) => room.people);
    await waitUntil(() => everyone.every((person) => person.sent.size === 0), 30_000);
    for (const room of rooms) room.acked.length = 0;

    const loadBefore = loadavg()[0]!;
    child.send('mark');
    const clientLoop = performance.eventLoopUtilization();
    const clientCpu = process.cpuUsage();
    const deadline = performance.now() + options.durationMs;
    const timers = everyone.map(async (person) => {
      for (;;) {
        await new Promise((resolve) =>
          setTimeout(resolve, options.commandIntervalMs * (0.5 + Math.random())),
        );
        if (performance.now() >= deadline) return;
        send(person, nextCommand(person));
      }
    });
    await Promise.all(timers);
    const settled = () =>
      everyone.every((person) => person.sent.size === 0) &&
      rooms.every((room) => {
        const top = Math.max(...room.people.map((person) => person.lastVersion ?? 0));
        return room.people.every((person) => person.lastVersion === top);
      });
    await waitUntil(settled, 30_000);
    const usage = await serverUsage(child);
    const clientBusy = performance.eventLoopUtilization(clientLoop).utilization;
    const clientCpuUsed = process.cpuUsage(clientCpu);
    const loadAfter = loadavg()[0]!;

    const latencies: number[] = [];
    let unfinished = 0;
    for (const room of rooms) {
      for (const { version, sentAt } of room.acked) {
        const arrival = room.arrivals.get(version);
        if (arrival === undefined || arrival.count !== room.people.length) unfinished += 1;
        else latencies.push(arrival.lastAt - sentAt);
      }
    }
    latencies.sort((a, b) => a - b);
    const latencyMs = {
      median: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? Number.NaN,
    };
    const clean = tally.lost === 0 && tally.duplicated === 0 && unfinished === 0;
    return {
      backend,
      rooms: options.rooms,
      peoplePerRoom: options.peoplePerRoom,
      durationMs: options.durationMs,
      commandIntervalMs: options.commandIntervalMs,
      commandsAcknowledged: latencies.length + unfinished,
      commandsRefused: tally.refused,
      statesChecked: tally.states,
      latencyMs,
      lost: tally.lost,
      duplicated: tally.duplicated,
      unfinished,
      targetP99Ms,
      met: clean && latencyMs.p99 < targetP99Ms,
      server: {
        cpuMsPerCommand: usage.cpuMs / Math.max(1, latencies.length + unfinished),
        loopUtilisation: usage.loopUtilisation,
        loopDelayP99Ms: usage.loopDelayP99Ms,
      },
      clients: {
        cpuMsPerCommand:
          (clientCpuUsed.user + clientCpuUsed.system) / 1000 / Math.max(1, latencies.length + unfinished),
        loopUtilisation: clientBusy,
      },
      machine: { cores: cpus().length, loadBefore, loadAfter },
    };
  } finally {
    for (const room of rooms) for (const person of room.people) person.socket.terminate();
    await stopServer(child);
  }
}

function report(result: WorkshopLatencyResult, log: (line: string) => void): void {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const { latencyMs: l, machine: m } = result;
  log(
    `workshop latency on ${result.backend}: ${result.rooms} rooms × ${result.peoplePerRoom} people, ` +
      `${result.durationMs / 1000} s, one command per person every ~${result.commandIntervalMs / 1000} s ` +
      `(${m.cores} cores, load ${m.loadBefore.toFixed(1)} before, ${m.loadAfter.toFixed(1)} after)`,
  );
  log(
    `  ${result.commandsAcknowledged} commands acknowledged, ${result.commandsRefused} refused, ` +
      `${result.statesChecked} views checked`,
  );
  log(
    `  command → its view at every connection of the room: median ${ms(l.median)}, p90 ${ms(l.p90)}, ` +
      `p99 ${ms(l.p99)}, max ${ms(l.max)} (target p99 < ${result.targetP99Ms} ms: ${result.met ? 'met' : 'NOT met'})`,
  );
  log(
    `  server: ${result.server.cpuMsPerCommand.toFixed(2)} ms of CPU per command (views for everyone included), ` +
      `event loop busy ${Math.round(result.server.loopUtilisation * 100)}% of the time, ` +
      `its p99 delay ${result.server.loopDelayP99Ms.toFixed(0)} ms; the simulated people: ` +
      `${result.clients.cpuMsPerCommand.toFixed(2)} ms per command, busy ${Math.round(result.clients.loopUtilisation * 100)}%`,
  );
  log(
    `  versions lost ${result.lost}, duplicated ${result.duplicated}; views that did not reach everyone ${result.unfinished}`,
  );
}

/** Runs the benchmark on PGlite (file-backed) and, with a database URL, PostgreSQL; prints and returns the figures. */
export async function runWorkshopLatencyBenchmark(
  options: WorkshopLatencyOptions = {},
): Promise<WorkshopLatencyResult[]> {
  const settings = {
    rooms: options.rooms ?? 50,
    peoplePerRoom: options.peoplePerRoom ?? 12,
    durationMs: options.durationMs ?? 20_000,
    commandIntervalMs: options.commandIntervalMs ?? 5_000,
    log: options.log ?? ((line: string) => console.log(line)),
  };
  const backends = (options.backends ?? ['pglite', 'postgres']).filter(
    (backend) => backend === 'pglite' || options.databaseUrl !== undefined,
  );
  const results: WorkshopLatencyResult[] = [];
  for (const backend of backends) {
    if (backend === 'pglite') {
      const dataDir = await mkdtemp(join(tmpdir(), 'checkpoint-workshop-bench-'));
      try {
        results.push(await runOn(backend, { dataDir, databaseUrl: undefined }, settings));
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    } else {
      const database = await createBenchDatabase(options.databaseUrl as string);
      try {
        results.push(await runOn(backend, { dataDir: tmpdir(), databaseUrl: database.url }, settings));
      } finally {
        await database.drop();
      }
    }
    report(results.at(-1)!, settings.log);
  }
  return results;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runWorkshopLatencyBenchmark({ databaseUrl: process.env.DATABASE_URL }).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
