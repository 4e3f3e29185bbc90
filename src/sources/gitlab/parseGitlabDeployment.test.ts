import { describe, expect, it } from 'vitest';
import { delivered, readFixture } from '../testOrganisation.js';
import { gitlabSource } from './gitlabSource.js';
import { gitlabRequest, gitlabTestContext } from './gitlabTestContext.js';

const deployment = readFixture(import.meta.url, 'deployment.json');
const parse = (payload: unknown, context = gitlabTestContext) =>
  delivered(gitlabSource.parse(gitlabRequest('Deployment Hook', payload), context));

describe('GitLab Deployment Hook', () => {
  it('takes a successful deployment, reading the full sha from commit_url', () => {
    expect(parse(deployment.body)).toEqual({
      deliveryId: 'f5e5f430-f57b-4e6e-9fac-d9128cd7232f',
      eventType: 'deployment',
      events: [
        {
          type: 'deployment',
          id: 'gl-15',
          source: 'gitlab',
          service: 'deploy-hooks',
          environment: 'staging',
          sha: '279484c09fbe69ededfced8c1bb6e6d24616b468',
          status: 'success',
          finishedAt: '2021-04-28T19:50:00.000Z',
        },
      ],
    });
  });

  it('takes a running deployment as started, and a tag ref as the version', () => {
    expect(parse({ ...deployment.payload, status: 'running', ref: 'v2.3.0' }).events).toEqual([
      {
        type: 'deployment',
        id: 'gl-15',
        source: 'gitlab',
        service: 'deploy-hooks',
        environment: 'staging',
        sha: '279484c09fbe69ededfced8c1bb6e6d24616b468',
        version: 'v2.3.0',
        status: 'in_progress',
        startedAt: '2021-04-28T19:50:00.000Z',
      },
    ]);
  });

  it.each([
    ['failed', 'failure'],
    ['canceled', 'cancelled'],
    ['created', 'in_progress'],
  ])('maps status %s to %s', (status, expected) => {
    expect(parse({ ...deployment.payload, status }).events[0]).toMatchObject({ status: expected });
  });

  it('ignores statuses that deploy nothing', () => {
    expect(parse({ ...deployment.payload, status: 'blocked' }).ignored).toBe(
      'deployment status blocked is not measured',
    );
  });
});
