/** A failed API call, carrying the server's message so the page can say what went wrong. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function readBody(response: Response, path: string): Promise<unknown> {
  if (response.status === 204) return undefined;
  const body = (await response.json().catch(() => ({}))) as { message?: string; error?: string };
  if (!response.ok) {
    const message = body.message ?? body.error ?? `${path} answered ${response.status}`;
    throw new ApiError(response.status, message);
  }
  return body;
}

/** GETs a JSON resource of the API. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
    ...(signal ? { signal } : {}),
  });
  return (await readBody(response, path)) as T;
}

let csrfToken: Promise<string | null> | undefined;

/** The CSRF token of a cookie session (null without one), read once from the session endpoint. */
function currentCsrfToken(): Promise<string | null> {
  csrfToken ??= getJson<{ csrfToken: string | null }>('/api/auth/session')
    .then((session) => session.csrfToken)
    .catch(() => {
      csrfToken = undefined;
      return null;
    });
  return csrfToken;
}

/** Sends a state-changing request (POST, PATCH, DELETE) with the session's CSRF token when there is one. */
export async function sendJson<T>(
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const token = await currentCsrfToken();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers['x-csrf-token'] = token;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await readBody(response, path)) as T;
}

/** A query string from the defined values of `params`, with a leading `?` when not empty. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
