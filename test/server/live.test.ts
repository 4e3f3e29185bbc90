import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/testApp.js';

describe('GET /api/live', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp();
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t?.close());

  it('streams an update when events are stored', async () => {
    const response = await fetch(`${url}/api/live`);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    await reader.read(); // the retry hint
    const posted = await fetch(`${url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'change',
        repo: 'acme/search',
        sha: 'live-1',
        committedAt: '2026-03-01T10:00:00Z',
      }),
    });
    expect(posted.status).toBe(200);
    let text = '';
    while (!text.includes('\n\n')) text += decoder.decode((await reader.read()).value);
    expect(text).toMatch(
      /^event: update\ndata: \{"kind":"events","stored":1,"source":"api","at":"2026-03-02T12:00:00.000Z"\}/,
    );
    await reader.cancel();
  });

  it('answers HEAD with the headers of the stream, and ends', async () => {
    const response = await fetch(`${url}/api/live`, { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
  });

  it('needs read access', async () => {
    const response = await t.app.inject({ url: '/api/live', remoteAddress: '10.1.1.1' });
    expect(response.statusCode).toBe(401);
  });
});
