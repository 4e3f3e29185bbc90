import { describe, expect, it } from 'vitest';
import { delivered, testOrganisation } from '../testOrganisation.js';
import { githubExample, githubRequest } from './githubExamples.js';
import { createGithubSource, githubSource } from './githubSource.js';

const context = {
  organisation: testOrganisation([
    { name: 'hello-world', repo: 'Codertocat/Hello-World' },
    { name: 'search', repo: 'acme/search' },
  ]),
  receivedAt: Date.parse('2026-03-02T10:00:00Z'),
};
const bugsAreIncidents = createGithubSource({ incidentLabel: 'Bug' });
const parse = (payload: unknown, source = githubSource) =>
  delivered(source.parse(githubRequest('issues', payload), context));

describe('GitHub issues', () => {
  it('ignores issues without the incident label', () => {
    // The example issue is labelled "bug" only.
    expect(parse(githubExample('issues', 15))).toMatchObject({
      events: [],
      ignored: 'issue is not labelled incident',
    });
  });

  it('takes an issue carrying the configured incident label as an incident of the repository services', () => {
    expect(parse(githubExample('issues', 15), bugsAreIncidents)).toEqual({
      deliveryId: 'delivery-1',
      eventType: 'issues',
      events: [
        {
          type: 'incident',
          id: 'Codertocat/Hello-World#1',
          source: 'github',
          services: ['hello-world'],
          openedAt: '2019-05-15T15:20:18.000Z',
        },
      ],
    });
  });

  it('does not resolve a reopened issue, whatever closed_at says', () => {
    expect(parse(githubExample('issues', 20), bugsAreIncidents).events).toEqual([
      {
        type: 'incident',
        id: 'Codertocat/Hello-World#1',
        source: 'github',
        services: ['hello-world'],
        openedAt: '2021-07-05T18:05:24.000Z',
      },
    ]);
  });

  it('reads resolution, services, severity and causedBy of a closed incident issue', () => {
    const payload = githubExample('issues', 15);
    payload.action = 'closed';
    const issue = payload.issue as unknown as Record<string, unknown>;
    issue.state = 'closed';
    issue.closed_at = '2019-05-15T18:05:00+02:00';
    issue.body = 'Search returned 500s after the release.\n\nCaused-by: gh-145988746\n';
    const bug = (payload.issue.labels ?? [])[0]!;
    issue.labels = ['incident', 'service:search', 'SEV2'].map((name) => ({ ...bug, name }));
    expect(parse(payload).events).toEqual([
      {
        type: 'incident',
        id: 'Codertocat/Hello-World#1',
        source: 'github',
        services: ['search'],
        openedAt: '2019-05-15T15:20:18.000Z',
        resolvedAt: '2019-05-15T16:05:00.000Z',
        severity: 'sev2',
        causedBy: 'gh-145988746',
      },
    ]);
  });

  it('ignores deleted issues', () => {
    expect(parse(githubExample('issues', 4), bugsAreIncidents).ignored).toBe('issue deleted');
  });
});
