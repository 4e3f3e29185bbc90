import { describe, expect, it } from 'vitest';
import type { ServiceDeclaration } from '../../core/org/organisation.js';
import { delivered, testOrganisation } from '../testOrganisation.js';
import { githubExample, githubRequest } from './githubExamples.js';
import { githubSource } from './githubSource.js';

const octo = (deployWorkflows: ServiceDeclaration['deployWorkflows']): ServiceDeclaration => ({
  name: 'octo',
  repo: 'octo-org/octo-repo',
  ...(deployWorkflows ? { deployWorkflows } : {}),
});
const parse = (payload: unknown, services: ServiceDeclaration[]) =>
  delivered(
    githubSource.parse(githubRequest('workflow_run', payload), {
      organisation: testOrganisation(services),
      receivedAt: Date.parse('2026-03-02T10:00:00Z'),
    }),
  );
const production = [octo([{ name: 'test', environment: 'production' }])];

describe('GitHub workflow_run', () => {
  it('takes a completed run of a deploying workflow as a deployment', () => {
    // The run itself has an empty name; the workflow is called "test".
    expect(parse(githubExample('workflow_run', 1), production)).toEqual({
      deliveryId: 'delivery-1',
      eventType: 'workflow_run',
      events: [
        {
          type: 'deployment',
          id: 'gh-run-289782451',
          source: 'github',
          service: 'octo',
          environment: 'production',
          sha: '3484a3fb816e0859fd6e1cea078d76385ff50625',
          status: 'success',
          startedAt: '2020-10-05T16:33:49.000Z',
          finishedAt: '2020-10-05T16:33:49.000Z',
        },
      ],
    });
  });

  it('takes a requested run as in progress', () => {
    expect(parse(githubExample('workflow_run', 3), production).events).toEqual([
      {
        type: 'deployment',
        id: 'gh-run-289782451',
        source: 'github',
        service: 'octo',
        environment: 'production',
        sha: '3484a3fb816e0859fd6e1cea078d76385ff50625',
        status: 'in_progress',
        startedAt: '2020-10-05T16:33:49.000Z',
      },
    ]);
  });

  it('matches deployWorkflows patterns as globs against the name or the workflow path', () => {
    const byPath = [octo([{ name: '.github/workflows/*.yml', environment: 'prod-eu' }])];
    expect(parse(githubExample('workflow_run', 1), byPath).events[0]).toMatchObject({
      environment: 'prod-eu',
    });
    const byName = [octo([{ name: 'TE?T', environment: 'live' }])];
    expect(parse(githubExample('workflow_run', 1), byName).events[0]).toMatchObject({ environment: 'live' });
  });

  it.each([
    ['failure', 'failure'],
    ['timed_out', 'failure'],
    ['startup_failure', 'failure'],
    ['cancelled', 'cancelled'],
  ])('maps conclusion %s to %s', (conclusion, status) => {
    const payload = githubExample('workflow_run', 1) as unknown as { workflow_run: { conclusion: string } };
    payload.workflow_run.conclusion = conclusion;
    expect(parse(payload, production).events[0]).toMatchObject({ status });
  });

  it('ignores runs that deployed nothing and workflows that do not deploy', () => {
    const skipped = githubExample('workflow_run', 1) as unknown as { workflow_run: { conclusion: string } };
    skipped.workflow_run.conclusion = 'skipped';
    expect(parse(skipped, production).ignored).toBe('workflow run concluded skipped: nothing deployed');
    const manual = [
      {
        name: 'hello',
        repo: 'Codertocat/Hello-World',
        deployWorkflows: [{ name: 'Manually*', environment: 'production' }],
      },
    ];
    // This example is "completed" but still queued, without a conclusion.
    expect(parse(githubExample('workflow_run', 0), manual).ignored).toBe(
      'workflow run concluded without a conclusion: nothing deployed',
    );
    expect(parse(githubExample('workflow_run', 1), [octo(undefined)]).ignored).toBe(
      'workflow test does not deploy a service of octo-org/octo-repo',
    );
  });

  it('gives each service its own id when one workflow deploys several', () => {
    const services = [
      octo([{ name: 'test', environment: 'production' }]),
      {
        name: 'octo-worker',
        repo: 'octo-org/octo-repo',
        deployWorkflows: [{ name: 'test', environment: 'production' }],
      },
    ];
    expect(
      parse(githubExample('workflow_run', 1), services).events.map((event) => [
        event.type === 'deployment' && event.id,
        event.type === 'deployment' && event.service,
      ]),
    ).toEqual([
      ['gh-run-289782451-octo', 'octo'],
      ['gh-run-289782451-octo-worker', 'octo-worker'],
    ]);
  });
});
