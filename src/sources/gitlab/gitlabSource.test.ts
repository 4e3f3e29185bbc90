import { describe, expect, it } from 'vitest';
import { delivered, digestOf, readFixture, requestOf } from '../testOrganisation.js';
import { gitlabSource } from './gitlabSource.js';
import { gitlabRequest, gitlabTestContext } from './gitlabTestContext.js';

const push = readFixture(import.meta.url, 'push.json');

describe('GitLab token (X-Gitlab-Token)', () => {
  const request = gitlabRequest('Push Hook', push.body, 'gl-token');

  it('accepts the configured token', () => {
    expect(gitlabSource.verify(request, ['gl-token'])).toBe(true);
  });

  it('does not depend on the body, which the token does not sign', () => {
    const tampered = { ...request, body: Buffer.from(push.body.toString('utf8').replace('master', 'main')) };
    expect(gitlabSource.verify(tampered, ['gl-token'])).toBe(true);
  });

  it('rejects another token', () => {
    expect(gitlabSource.verify(request, ['other-token'])).toBe(false);
    expect(gitlabSource.verify(request, ['gl-token-longer'])).toBe(false);
  });

  it('accepts the second of two configured tokens (rotation)', () => {
    expect(gitlabSource.verify(request, ['new-token', 'gl-token'])).toBe(true);
  });

  it('rejects a request without the header, and empty tokens', () => {
    const headers = { ...request.headers };
    delete headers['x-gitlab-token'];
    expect(gitlabSource.verify({ ...request, headers }, ['gl-token'])).toBe(false);
    expect(gitlabSource.verify({ ...request, headers: { 'X-Gitlab-Token': '' } }, [''])).toBe(false);
  });
});

describe('GitLab deliveries', () => {
  it('names the delivery by Idempotency-Key, then X-Gitlab-Event-UUID, then a hash of the body', () => {
    const request = gitlabRequest('Push Hook', push.body);
    expect(delivered(gitlabSource.parse(request, gitlabTestContext)).deliveryId).toBe(
      'f5e5f430-f57b-4e6e-9fac-d9128cd7232f',
    );
    delete request.headers['idempotency-key'];
    expect(delivered(gitlabSource.parse(request, gitlabTestContext)).deliveryId).toBe(
      '13792a34-cac6-4fda-95a8-c58e00a3954e',
    );
    delete request.headers['x-gitlab-event-uuid'];
    expect(delivered(gitlabSource.parse(request, gitlabTestContext)).deliveryId).toBe(digestOf(push.body));
  });

  it('acknowledges hooks it does not measure (a tag push)', () => {
    const tag = readFixture(import.meta.url, 'tag-push.json');
    expect(
      delivered(gitlabSource.parse(gitlabRequest('Tag Push Hook', tag.body), gitlabTestContext)),
    ).toEqual({
      deliveryId: 'f5e5f430-f57b-4e6e-9fac-d9128cd7232f',
      eventType: 'tag_push',
      events: [],
      ignored: 'GitLab event tag_push is not measured',
    });
  });

  it('acknowledges a payload without object_kind under its header name', () => {
    const result = gitlabSource.parse(
      gitlabRequest('Member Hook', { event_name: 'user_add_to_group' }),
      gitlabTestContext,
    );
    expect(delivered(result)).toMatchObject({
      eventType: 'Member Hook',
      ignored: 'GitLab event Member Hook is not measured',
    });
  });

  it('reports malformed JSON and a body that is not an object', () => {
    expect(gitlabSource.parse(requestOf('{"object_kind": "push"'), gitlabTestContext)).toEqual({
      error: expect.stringMatching(/^body is not valid JSON: /),
    });
    expect(gitlabSource.parse(requestOf('[1, 2]'), gitlabTestContext)).toEqual({
      error: 'body must be a JSON object',
    });
  });

  it('names the missing field of a measured hook', () => {
    const payload = structuredClone(push.payload) as { project: Record<string, unknown> };
    delete payload.project.path_with_namespace;
    expect(gitlabSource.parse(gitlabRequest('Push Hook', payload), gitlabTestContext)).toEqual({
      error: expect.stringContaining('project.path_with_namespace'),
    });
  });
});
