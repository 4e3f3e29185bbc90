import type { Config } from '../server/config.js';

/** Calls the server running on this machine (the person at the machine is admin on a loopback install). */
export async function callRunningServer<T>(
  config: Config,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${config.port}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new Error(
      `the data directory is locked but no server answers at ${url}: ${(error as Error).message}`,
    );
  }
  const text = await response.text();
  if (!response.ok)
    throw new Error(`the running server refused ${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
