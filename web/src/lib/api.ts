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

/** GETs a JSON resource of the API. */
export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  if (!response.ok)
    throw new ApiError(response.status, body.message ?? `${path} answered ${response.status}`);
  return body as T;
}
