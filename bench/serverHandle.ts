/** Starts the benchmark's server process and talks to it: readiness, memory readings, probes, stop. */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type {
  ChildMessage,
  Command,
  IngestStepsRequest,
  IngestStepsResult,
  MemoryReading,
  ParentMessage,
  ProbeRequest,
  ProbeResult,
  ServerSpec,
} from './protocol.js';
import { serverSpecVariable } from './protocol.js';

const readyTimeoutMs = 5 * 60_000;
const requestTimeoutMs = 10 * 60_000;

export interface BenchServer {
  url: string;
  /** From process start to listening: opening the store, migrations, the organisation, the app. */
  startMs: number;
  /** RSS of the server process once it listens (bytes). */
  startRss: number;
  memory(): Promise<MemoryReading>;
  probe(request: ProbeRequest): Promise<ProbeResult>;
  ingestSteps(request: IngestStepsRequest): Promise<IngestStepsResult>;
  /** Closes the app and the store and waits for the process to exit; the last memory reading. */
  stop(): Promise<MemoryReading>;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Forks `serverProcess.ts` (under the same loader as this process) and waits until it listens. */
export async function startBenchServer(spec: ServerSpec): Promise<BenchServer> {
  const child = fork(fileURLToPath(new URL('./serverProcess.ts', import.meta.url)), [], {
    env: { ...process.env, [serverSpecVariable]: JSON.stringify(spec) },
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) => {
      const error = new Error(`the server process ended (code ${code}, signal ${signal})`);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
      reject(error);
    });
  });
  exited.catch(() => {});

  const ready = new Promise<{ port: number; startMs: number; rss: number }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the server process did not start in time')),
      readyTimeoutMs,
    );
    child.on('message', (raw) => {
      const message = raw as ChildMessage;
      if (message.kind === 'ready') {
        clearTimeout(timer);
        resolve(message);
      } else if (message.kind === 'failed') {
        clearTimeout(timer);
        reject(new Error(`the server process failed to start:\n${message.error}`));
      } else {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if ('error' in message) waiter?.reject(new Error(message.error));
        else waiter?.resolve(message.result);
      }
    });
  });
  let started: { port: number; startMs: number; rss: number };
  try {
    started = await Promise.race([ready, exited]);
  } catch (error) {
    child.kill();
    throw error;
  }

  const request = <T>(command: Command): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`the server process did not answer ${command.command} in time`));
      }, requestTimeoutMs);
      pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      const message: ParentMessage = { kind: 'request', id, ...command };
      child.send(message);
    });

  return {
    url: `http://127.0.0.1:${started.port}`,
    startMs: started.startMs,
    startRss: started.rss,
    memory: () => request<MemoryReading>({ command: 'memory' }),
    probe: (probe) => request<ProbeResult>({ command: 'probe', probe }),
    ingestSteps: (steps) => request<IngestStepsResult>({ command: 'ingestSteps', steps }),
    stop: async () => {
      try {
        return await request<MemoryReading>({ command: 'stop' });
      } finally {
        if (!(await waitForExit(child, 30_000))) {
          child.kill();
          await waitForExit(child, 5_000);
        }
      }
    },
  };
}
