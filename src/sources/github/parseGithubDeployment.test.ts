import { describe, expect, it } from 'vitest';
import { delivered, testOrganisation } from '../testOrganisation.js';
import type { SourceContext } from '../types.js';
import { githubExample, githubRequest } from './githubExamples.js';
import { githubSource } from './githubSource.js';

const single: SourceContext = {
  organisation: testOrganisation([{ name: 'hello-world', repo: 'Codertocat/Hello-World' }]),
  receivedAt: Date.parse('2026-03-02T10:00:00Z'),
};
const monorepo: SourceContext = {
  ...single,
  organisation: testOrganisation([
    { name: 'api', repo: 'Codertocat/Hello-World', path: 'services/api' },
    { name: 'web', repo: 'codertocat/hello-world', path: 'services/web' },
  ]),
};
const parse = (event: string, payload: unknown, context = single) =>
  delivered(githubSource.parse(githubRequest(event, payload), context));

describe('GitHub deployment', () => {
  it('takes a created deployment as in progress', () => {
    expect(parse('deployment', githubExample('deployment', 0))).toEqual({
      deliveryId: 'delivery-1',
      eventType: 'deployment',
      events: [
        {
          type: 'deployment',
          id: 'gh-145988746',
          source: 'github',
          service: 'hello-world',
          environment: 'production',
          sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
          status: 'in_progress',
          startedAt: '2019-05-15T15:20:53.000Z',
        },
      ],
    });
  });

  it('reads the version from a tag ref and the rollback flag from the payload', () => {
    const payload = githubExample('deployment', 0);
    payload.deployment.ref = 'v1.4.2';
    // GitHub accepts the deployment payload as a JSON string as well as an object.
    (payload.deployment as { payload: unknown }).payload = JSON.stringify({ rollback: true });
    expect(parse('deployment', payload).events[0]).toMatchObject({ version: 'v1.4.2', rollback: true });
    payload.deployment.ref = 'refs/tags/2026.03.1';
    expect(parse('deployment', payload).events[0]).toMatchObject({ version: '2026.03.1' });
  });
});

describe('GitHub deployment_status', () => {
  it('takes a success as a finished deployment', () => {
    expect(parse('deployment_status', githubExample('deployment_status', 0))).toEqual({
      deliveryId: 'delivery-1',
      eventType: 'deployment_status',
      events: [
        {
          type: 'deployment',
          id: 'gh-145988746',
          source: 'github',
          service: 'hello-world',
          environment: 'production',
          sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
          status: 'success',
          startedAt: '2019-05-15T15:20:53.000Z',
          finishedAt: '2019-05-15T15:20:55.000Z',
        },
      ],
    });
  });

  it('takes in_progress as a deployment still running', () => {
    expect(parse('deployment_status', githubExample('deployment_status', 1)).events).toEqual([
      {
        type: 'deployment',
        id: 'gh-145988746',
        source: 'github',
        service: 'hello-world',
        environment: 'github-pages',
        sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
        status: 'in_progress',
        startedAt: '2022-01-03T01:28:30.000Z',
      },
    ]);
  });

  it.each([
    ['failure', 'failure'],
    ['error', 'failure'],
    ['queued', 'in_progress'],
    ['pending', 'in_progress'],
    ['waiting', 'in_progress'],
  ])('maps state %s to %s', (state, status) => {
    const payload = githubExample('deployment_status', 0) as unknown as {
      deployment_status: { state: string };
    };
    payload.deployment_status.state = state;
    expect(parse('deployment_status', payload).events[0]).toMatchObject({ status });
  });

  it('ignores inactive: it must not overwrite the outcome recorded earlier', () => {
    const payload = githubExample('deployment_status', 0) as unknown as {
      deployment_status: { state: string };
    };
    payload.deployment_status.state = 'inactive';
    expect(parse('deployment_status', payload)).toMatchObject({
      events: [],
      ignored: 'deployment status inactive: superseded by a newer deployment, its outcome is kept',
    });
  });

  it('ignores deployments of a repository mapped to no service', () => {
    const elsewhere = { ...single, organisation: testOrganisation([{ name: 'other', repo: 'acme/other' }]) };
    expect(parse('deployment_status', githubExample('deployment_status', 0), elsewhere).ignored).toBe(
      'repository Codertocat/Hello-World is not mapped to a service',
    );
  });
});

describe('GitHub deployments of a repository with several services', () => {
  it('ignores a deployment that names none of them', () => {
    expect(parse('deployment_status', githubExample('deployment_status', 0), monorepo).ignored).toBe(
      'repository Codertocat/Hello-World holds several services (api, web); name one in the deployment ' +
        'payload (service), the task (deploy:<service>) or the environment (<environment>/<service>)',
    );
  });

  it('picks the service named in payload.service, then the task deploy:<service>', () => {
    const payload = githubExample('deployment_status', 0);
    payload.deployment.payload = { service: 'web' };
    payload.deployment.task = 'deploy:api';
    expect(parse('deployment_status', payload, monorepo).events[0]).toMatchObject({ service: 'web' });
    payload.deployment.payload = {};
    expect(parse('deployment_status', payload, monorepo).events[0]).toMatchObject({ service: 'api' });
  });

  it('picks the service named by the environment suffix, and drops the suffix', () => {
    const payload = githubExample('deployment_status', 0);
    payload.deployment.environment = 'production/web';
    expect(parse('deployment_status', payload, monorepo).events[0]).toMatchObject({
      service: 'web',
      environment: 'production',
    });
  });
});
