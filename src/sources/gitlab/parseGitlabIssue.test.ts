import { describe, expect, it } from 'vitest';
import { delivered, readFixture } from '../testOrganisation.js';
import { createGitlabSource, gitlabSource } from './gitlabSource.js';
import { gitlabRequest, gitlabTestContext } from './gitlabTestContext.js';

const issue = readFixture(import.meta.url, 'issue.json');
const incident = readFixture(import.meta.url, 'incident-closed.json');
const parse = (body: Buffer, source = gitlabSource) =>
  delivered(source.parse(gitlabRequest('Issue Hook', body), gitlabTestContext));

describe('GitLab Issue Hook', () => {
  it('ignores issues that are neither incidents nor labelled incident', () => {
    expect(parse(issue.body)).toMatchObject({
      events: [],
      ignored: 'Issue is neither an incident nor labelled incident',
    });
  });

  it('takes an issue carrying the configured incident label as an incident of the project services', () => {
    expect(parse(issue.body, createGitlabSource({ incidentLabel: 'api' }))).toEqual({
      deliveryId: 'f5e5f430-f57b-4e6e-9fac-d9128cd7232f',
      eventType: 'issue',
      events: [
        {
          type: 'incident',
          id: 'gitlabhq/gitlab-test#23',
          source: 'gitlab',
          services: ['gitlab-test'],
          openedAt: '2013-12-03T17:15:43.000Z',
          severity: 'high',
        },
      ],
    });
  });

  it('takes a closed work item of type Incident with its service label, severity and cause', () => {
    expect(parse(incident.body)).toEqual({
      deliveryId: 'f5e5f430-f57b-4e6e-9fac-d9128cd7232f',
      eventType: 'work_item',
      events: [
        {
          type: 'incident',
          id: 'gitlabhq/gitlab-test#23',
          source: 'gitlab',
          services: ['checkout'],
          openedAt: '2013-12-03T17:15:43.000Z',
          resolvedAt: '2013-12-03T19:02:10.000Z',
          severity: 'critical',
          causedBy: 'v1.4.2',
        },
      ],
    });
  });
});
