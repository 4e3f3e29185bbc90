import type { Config } from '../server/config.js';

/** The base URL of a DevOps Checkpoint server answering on this machine's configured port, if any. */
export async function findRunningServer(config: Config): Promise<string | undefined> {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
  try {
    const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(1500) });
    const body = (await response.json()) as { status?: string; version?: string };
    return body.status === 'ok' && typeof body.version === 'string' ? base : undefined;
  } catch {
    return undefined;
  }
}

/** Headers for calling the running server: the ingest token when one is configured. */
export const serverHeaders = (
  config: Config,
  extra: Record<string, string> = {},
): Record<string, string> => ({
  ...(config.ingestToken ? { authorization: `Bearer ${config.ingestToken}` } : {}),
  ...extra,
});
