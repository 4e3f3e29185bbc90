import { type ServerProcess, spawnServer } from './serverProcess.js';

export type StartedApp = ServerProcess;

/**
 * Starts the product the way the README does (`npm start`: build when stale, then serve), on a free
 * port, and waits for it to be ready.
 */
export const startApp = (env: Record<string, string>): Promise<StartedApp> =>
  spawnServer(['scripts/start.mjs', '--port', '0'], env);
