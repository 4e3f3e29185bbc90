import { describe, expect, it } from 'vitest';
import type { ServiceDeclaration } from '../../core/org/organisation.js';
import { delivered, readFixture, testOrganisation } from '../testOrganisation.js';
import { gitlabSource } from './gitlabSource.js';
import { gitlabRequest, gitlabTestContext } from './gitlabTestContext.js';

const pipeline = readFixture(import.meta.url, 'pipeline.json');
const deploying = (deployWorkflows: ServiceDeclaration['deployWorkflows']) => ({
  ...gitlabTestContext,
  organisation: testOrganisation([
    {
      name: 'gitlab-test-ci',
      repo: 'gitlab-org/gitlab-test',
      ...(deployWorkflows ? { deployWorkflows } : {}),
    },
  ]),
});
const parse = (payload: unknown, context = gitlabTestContext) =>
  delivered(gitlabSource.parse(gitlabRequest('Pipeline Hook', payload), context));

describe('GitLab Pipeline Hook', () => {
  it('takes a pipeline whose name matches a deploy pattern as the deployment', () => {
    expect(parse(pipeline.body)).toEqual({
      deliveryId: 'f5e5f430-f57b-4e6e-9fac-d9128cd7232f',
      eventType: 'pipeline',
      events: [
        {
          type: 'deployment',
          id: 'gl-pipeline-31',
          source: 'gitlab',
          service: 'gitlab-test-ci',
          environment: 'production',
          sha: 'bcbb5ec396a2c0f828686f14fac9b80b780504f2',
          status: 'success',
          startedAt: '2016-08-12T15:23:28.000Z',
          finishedAt: '2016-08-12T15:26:29.000Z',
        },
      ],
    });
  });

  it('takes the job whose name matches a deploy pattern when the pipeline name does not', () => {
    expect(parse(pipeline.body, deploying([{ name: 'stag*', environment: 'staging' }])).events).toEqual([
      {
        type: 'deployment',
        id: 'gl-job-379',
        source: 'gitlab',
        service: 'gitlab-test-ci',
        environment: 'staging',
        sha: 'bcbb5ec396a2c0f828686f14fac9b80b780504f2',
        status: 'in_progress',
        startedAt: '2016-08-12T15:23:28.000Z',
      },
    ]);
  });

  it('ignores a deploy job that was skipped, and pipelines that deploy nothing', () => {
    expect(parse(pipeline.body, deploying([{ name: 'production', environment: 'production' }])).ignored).toBe(
      'deploy job production is skipped: nothing deployed',
    );
    expect(parse(pipeline.body, deploying(undefined)).ignored).toBe(
      'pipeline 31 deploys no service of gitlab-org/gitlab-test',
    );
  });

  it('reads the version of a tag pipeline and maps a failed pipeline', () => {
    const attributes = {
      ...(pipeline.payload.object_attributes as object),
      tag: true,
      ref: 'v2.0.0',
      status: 'failed',
    };
    expect(parse({ ...pipeline.payload, object_attributes: attributes }).events[0]).toMatchObject({
      version: 'v2.0.0',
      status: 'failure',
      finishedAt: '2016-08-12T15:26:29.000Z',
    });
  });
});
