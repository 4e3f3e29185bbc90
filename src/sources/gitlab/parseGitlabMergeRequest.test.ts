import { describe, expect, it } from 'vitest';
import { delivered, readFixture } from '../testOrganisation.js';
import { gitlabSource } from './gitlabSource.js';
import { gitlabRequest, gitlabTestContext } from './gitlabTestContext.js';

const merged = readFixture(import.meta.url, 'merge-request-merged.json');
const parse = (payload: unknown) =>
  delivered(gitlabSource.parse(gitlabRequest('Merge Request Hook', payload), gitlabTestContext));
const withAttributes = (attributes: Record<string, unknown>) => ({
  ...merged.payload,
  object_attributes: { ...(merged.payload.object_attributes as object), ...attributes },
});

describe('GitLab Merge Request Hook', () => {
  it('takes a merge into the default branch as the change of the merge commit', () => {
    expect(parse(merged.body)).toEqual({
      deliveryId: 'f5e5f430-f57b-4e6e-9fac-d9128cd7232f',
      eventType: 'merge_request',
      events: [
        {
          type: 'change',
          repo: 'gitlabhq/gitlab-test',
          sha: 'e1f3b1c7a54c3de8b2f0f5b6b2a9a1d4c5e6f708',
          committedAt: '2013-12-04T09:12:45.000Z',
          branch: 'master',
          pr: { number: 1, openedAt: '2013-12-03T17:23:34.000Z', mergedAt: '2013-12-04T09:12:45.000Z' },
          labels: ['API'],
        },
      ],
    });
  });

  it('takes the last commit of a fast-forward merge', () => {
    const payload = withAttributes({ merge_commit_sha: null });
    expect(parse(payload).events[0]).toMatchObject({ sha: 'da1560886d4f094c3e6c9ef40349f7d38b5d27d7' });
  });

  it('reads what a revert merge request undoes', () => {
    const bySha = withAttributes({
      title: 'Revert "MS-Viewport"',
      description: 'This reverts commit da1560886d4f094c3e6c9ef40349f7d38b5d27d7',
    });
    expect(parse(bySha).events[0]).toMatchObject({ reverts: ['da1560886d4f094c3e6c9ef40349f7d38b5d27d7'] });
    const byRequest = withAttributes({
      source_branch: 'revert-7d3c1a2b',
      description: 'This reverts merge request !1',
    });
    expect(parse(byRequest).events[0]).toMatchObject({ reverts: ['gitlabhq/gitlab-test!1'] });
  });

  it('ignores requests that are not merges into the default branch', () => {
    const open = readFixture(import.meta.url, 'merge-request.json');
    expect(parse(open.body)).toMatchObject({
      events: [],
      ignored: 'merge request open: only merges are changes',
    });
    expect(parse(withAttributes({ target_branch: 'stable' })).ignored).toBe(
      'merge request merged into stable, not the default branch master',
    );
  });
});
