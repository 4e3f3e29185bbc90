import { type ChildProcess, spawn } from 'node:child_process';

export interface StartedApp {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

const root = new URL('../../', import.meta.url).pathname;

/**
 * Starts the product the way the README does (`npm start`: build when stale, then serve), on a free
 * port, and waits for it to be healthy.
 */
export async function startApp(env: Record<string, string>): Promise<StartedApp> {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
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
      reject(new Error(`the app exited (${code}) before it was ready:\n${log}`));
    });
  });
  return {
    url,
    child,
    output: () => log,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
