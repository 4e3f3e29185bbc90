import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { delivered, digestOf, requestOf, testOrganisation } from '../testOrganisation.js';
import { githubExample, githubRequest } from './githubExamples.js';
import { githubSource } from './githubSource.js';

const context = {
  organisation: testOrganisation([{ name: 'hello-world', repo: 'Codertocat/Hello-World' }]),
  receivedAt: Date.parse('2026-03-02T10:00:00Z'),
};

describe('GitHub signature (X-Hub-Signature-256)', () => {
  const request = githubRequest('push', githubExample('push', 4), 'gh-secret');

  it('accepts the HMAC-SHA256 of the raw body', () => {
    expect(githubSource.verify(request, ['gh-secret'])).toBe(true);
  });

  it('rejects a tampered body', () => {
    const tampered = {
      ...request,
      body: Buffer.from(request.body.toString('utf8').replace('master', 'main')),
    };
    expect(githubSource.verify(tampered, ['gh-secret'])).toBe(false);
  });

  it('rejects a signature made with another secret', () => {
    expect(githubSource.verify(request, ['other-secret'])).toBe(false);
  });

  it('accepts the second of two configured secrets (rotation)', () => {
    expect(githubSource.verify(request, ['new-secret', 'gh-secret'])).toBe(true);
  });

  it('rejects a request without the header', () => {
    const headers = { ...request.headers };
    delete headers['x-hub-signature-256'];
    delete headers['x-hub-signature'];
    expect(githubSource.verify({ ...request, headers }, ['gh-secret'])).toBe(false);
  });

  it('rejects a request signed only with SHA-1 (X-Hub-Signature)', () => {
    const headers = { ...request.headers };
    delete headers['x-hub-signature-256'];
    expect(headers['x-hub-signature']).toMatch(/^sha1=/);
    expect(githubSource.verify({ ...request, headers }, ['gh-secret'])).toBe(false);
  });

  it('rejects a SHA-256 digest sent without its sha256= prefix, and any request when no secret is set', () => {
    const bare = String(request.headers['x-hub-signature-256']).slice('sha256='.length);
    expect(githubSource.verify({ ...request, headers: { 'x-hub-signature-256': bare } }, ['gh-secret'])).toBe(
      false,
    );
    expect(githubSource.verify(request, [])).toBe(false);
  });

  it('never matches an empty configured secret', () => {
    const body = Buffer.from('{}');
    const signature = `sha256=${createHmac('sha256', '').update(body).digest('hex')}`;
    expect(githubSource.verify({ headers: { 'X-Hub-Signature-256': signature }, body }, [''])).toBe(false);
  });
});

describe('GitHub deliveries', () => {
  it('acknowledges events it does not measure, with the delivery id', () => {
    const result = githubSource.parse(githubRequest('star', githubExample('star', 0)), context);
    expect(delivered(result)).toEqual({
      deliveryId: 'delivery-1',
      eventType: 'star',
      events: [],
      ignored: 'GitHub event star is not measured',
    });
  });

  it('names a hash of the body as the delivery id when X-GitHub-Delivery is missing', () => {
    const request = githubRequest('ping', githubExample('ping', 0));
    delete request.headers['x-github-delivery'];
    expect(delivered(githubSource.parse(request, context)).deliveryId).toBe(digestOf(request.body));
  });

  it('reads a payload posted as a form (content type application/x-www-form-urlencoded)', () => {
    const payload = githubExample('push', 4);
    const body = Buffer.from(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    const request = {
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-github-event': 'push' },
      body,
    };
    expect(delivered(githubSource.parse(request, context)).events).toHaveLength(1);
  });

  it('reports malformed JSON', () => {
    const result = githubSource.parse(requestOf('{"ref": ', { 'x-github-event': 'push' }), context);
    expect(result).toEqual({ error: expect.stringMatching(/^body is not valid JSON: /) });
  });

  it('reports a missing X-GitHub-Event header', () => {
    expect(githubSource.parse(requestOf({}), context)).toEqual({ error: 'missing X-GitHub-Event header' });
  });

  it('names the missing field of a measured event', () => {
    const payload = githubExample('push', 4) as unknown as { repository: Record<string, unknown> };
    delete payload.repository.default_branch;
    const result = githubSource.parse(githubRequest('push', payload), context);
    expect(result).toEqual({ error: expect.stringContaining('repository.default_branch') });
  });
});
