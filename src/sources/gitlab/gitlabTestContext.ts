/**
 * Test support: an organisation mapping the projects of GitLab's documented examples to services.
 */
import { testOrganisation } from '../testOrganisation.js';
import type { RawRequest, SourceContext } from '../types.js';

/** The services of the documented examples' projects. */
export const gitlabTestContext: SourceContext = {
  organisation: testOrganisation([
    { name: 'diaspora', repo: 'mike/diaspora' },
    { name: 'gitlab-test', repo: 'gitlabhq/gitlab-test' },
    { name: 'checkout', repo: 'acme/checkout' },
    { name: 'deploy-hooks', repo: 'root/test-deployment-webhooks' },
    {
      name: 'gitlab-test-ci',
      repo: 'gitlab-org/gitlab-test',
      deployWorkflows: [{ name: 'Pipeline for branch: *', environment: 'production' }],
    },
  ]),
  receivedAt: Date.parse('2026-03-02T10:00:00Z'),
};

/** A delivery of `body` as GitLab sends it, with the token and the event's idempotency key. */
export function gitlabRequest(event: string, body: Buffer | unknown, token = 'gl-token'): RawRequest {
  return {
    headers: {
      'content-type': 'application/json',
      'x-gitlab-event': event,
      'x-gitlab-token': token,
      'x-gitlab-event-uuid': '13792a34-cac6-4fda-95a8-c58e00a3954e',
      'idempotency-key': 'f5e5f430-f57b-4e6e-9fac-d9128cd7232f',
    },
    body: Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body), 'utf8'),
  };
}
