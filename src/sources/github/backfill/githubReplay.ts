/**
 * Test support: a local HTTP server on 127.0.0.1 that answers as GitHub's REST API did, from the
 * responses in `fixtures/responses.json` (request → body file, status, headers). Links in `Link`
 * headers point back at this server. Unknown requests get GitHub's 404; requests without a token
 * get its 401.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A recorded answer: a body file under `fixtures/` or a body, a status (200) and headers. */
export interface RecordedResponse {
  file?: string;
  body?: unknown;
  status?: number;
  headers?: Record<string, string>;
}

export interface GithubReplay {
  /** The base URL to give Octokit. */
  baseUrl: string;
  /** The requests received, in order, as `GET <path>?<query>` with the query sorted and decoded. */
  requests: string[];
  /** Answers the next request for `request` (`GET /path?query`) with `response` (queued after any
   * given before), then the recording again. */
  answerOnce(request: string, response: RecordedResponse): void;
  close(): Promise<void>;
}

const fixtures = new URL('./fixtures/', import.meta.url);
const recordedHost = 'https://api.github.com';

/** `GET /path?b=2&a=1` → `GET /path?a=1&b=2`: one spelling per request, whatever the encoding. */
export function requestKey(method: string, target: string): string {
  const url = new URL(target, 'http://replay');
  const query = [...url.searchParams].sort(([a], [b]) => a.localeCompare(b));
  const search = query.map(([name, value]) => `${name}=${value}`).join('&');
  return `${method} ${url.pathname}${search ? `?${search}` : ''}`;
}

/** Starts the replay of `responses` (default: the recorded ones). */
export async function startGithubReplay(
  responses: Record<string, RecordedResponse> = JSON.parse(
    readFileSync(new URL('responses.json', fixtures), 'utf8'),
  ) as Record<string, RecordedResponse>,
): Promise<GithubReplay> {
  const recorded = new Map(
    Object.entries(responses).map(([request, response]) => {
      const [method = 'GET', target = '/'] = request.split(' ');
      return [requestKey(method, target), response] as const;
    }),
  );
  const once = new Map<string, RecordedResponse[]>();
  const requests: string[] = [];
  let baseUrl = '';
  let remaining = 5000;

  const server = createServer((request, response) => {
    const key = requestKey(request.method ?? 'GET', request.url ?? '/');
    requests.push(key);
    const authorised = typeof request.headers.authorization === 'string';
    const answer: RecordedResponse = !authorised
      ? {
          status: 401,
          body: {
            message: 'Bad credentials',
            documentation_url: 'https://docs.github.com/rest',
            status: '401',
          },
        }
      : (once.get(key)?.shift() ??
        recorded.get(key) ?? {
          status: 404,
          body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
        });
    remaining = Math.max(0, remaining - 1);
    const body =
      answer.file === undefined
        ? JSON.stringify(answer.body ?? null)
        : readFileSync(new URL(answer.file, fixtures));
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': `9A1B:2C3D:${requests.length.toString(16).padStart(6, '0')}:4E5F6A:67CF0000`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': '1773147600',
      'x-ratelimit-used': String(5000 - remaining),
      'x-ratelimit-resource': 'core',
      ...answer.headers,
    };
    if (headers.link) headers.link = headers.link.replaceAll(recordedHost, baseUrl);
    response.writeHead(answer.status ?? 200, headers);
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    requests,
    answerOnce: (request, response) => {
      const [method = 'GET', target = '/'] = request.split(' ');
      const key = requestKey(method, target);
      once.set(key, [...(once.get(key) ?? []), response]);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
