import { ConfigError, loadConfig } from '../server/config.js';
import { startServer } from '../server/startServer.js';

export async function serveCommand(options: { org?: string; port?: string; host?: string }): Promise<void> {
  const env = { ...process.env };
  if (options.org !== undefined) env.CHECKPOINT_ORG = options.org;
  if (options.port !== undefined) env.PORT = options.port;
  if (options.host !== undefined) env.HOST = options.host;
  try {
    const config = loadConfig(env);
    const running = await startServer(config);
    const demo = running.context.organisation.organisation.demo ? ' with the demo organisation' : '';
    running.app.log.info(`DevOps Checkpoint ${running.context.version} is ready at ${running.url}${demo}`);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}
