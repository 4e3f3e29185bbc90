import { type ChildProcess, spawn } from 'node:child_process';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything the server logged so far. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Sends SIGTERM and waits for the process to end. */
  stop(): Promise<void>;
}

const root = new URL('../../', import.meta.url).pathname;

/**
 * Runs `node <args>` in the project root and waits until the server logs that it is ready. The server
 * runs on its embedded database unless `env` names a DATABASE_URL: the one of the test run is never
 * inherited, so no test writes into the shared server's default database.
 */
export async function spawnServer(args: string[], env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /is ready at (http:\/\/[^\s"]+)/.exec(log);
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 50);
    exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`the server exited (${code}) before it was ready:\n${log}`));
    });
  });
  return {
    child,
    url,
    output: () => log,
    exited,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Starts `checkpoint serve` from the TypeScript sources as its own process, on a free port. */
export const startServerProcess = (env: Record<string, string>, args: string[] = []) =>
  spawnServer(['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', ...args], env);
