import { describe, expect, it } from 'vitest';
import { delivered, testOrganisation } from '../testOrganisation.js';
import { githubExample, githubRequest } from './githubExamples.js';
import { githubSource } from './githubSource.js';

const context = {
  organisation: testOrganisation([{ name: 'hello-world', repo: 'Codertocat/Hello-World' }]),
  receivedAt: Date.parse('2026-03-02T10:00:00Z'),
};
const parse = (payload: unknown) =>
  delivered(githubSource.parse(githubRequest('pull_request', payload), context));

/** The collection's `closed` example, merged (the collection holds no merged pull request). */
function mergedExample() {
  const payload = githubExample('pull_request', 3);
  payload.pull_request.merged = true;
  payload.pull_request.merged_at = '2019-05-15T15:40:10Z';
  payload.pull_request.closed_at = '2019-05-15T15:40:10Z';
  return payload;
}

describe('GitHub pull_request', () => {
  it('takes a merged pull request as the change of its merge commit', () => {
    expect(parse(mergedExample())).toEqual({
      deliveryId: 'delivery-1',
      eventType: 'pull_request',
      events: [
        {
          type: 'change',
          repo: 'Codertocat/Hello-World',
          sha: 'c4295bd74fb0f4fda03689c3df3f2803b658fd85',
          committedAt: '2019-05-15T15:40:10.000Z',
          branch: 'master',
          pr: { number: 2, openedAt: '2019-05-15T15:20:33.000Z', mergedAt: '2019-05-15T15:40:10.000Z' },
          labels: ['bug'],
        },
      ],
    });
  });

  it('names the reverted pull request of a revert made with the revert button', () => {
    const payload = mergedExample();
    payload.pull_request.title = 'Revert "Update the README with new information."';
    payload.pull_request.head.ref = 'revert-1-changes';
    payload.pull_request.body = 'Reverts Codertocat/Hello-World#1';
    expect(parse(payload).events[0]).toMatchObject({ reverts: ['Codertocat/Hello-World#1'] });
  });

  it('names the reverted sha when the body says This reverts commit <sha>', () => {
    const payload = mergedExample();
    payload.pull_request.title = 'Revert "Add search filters"';
    payload.pull_request.body = 'This reverts commit 6113728f27ae82c7b1a177c8d03f9e96e0adf246.';
    expect(parse(payload).events[0]).toMatchObject({ reverts: ['6113728f27ae82c7b1a177c8d03f9e96e0adf246'] });
  });

  it('marks a revert whose target it cannot name as unknown', () => {
    const payload = mergedExample();
    payload.pull_request.head.ref = 'revert-search-filters';
    payload.pull_request.body = null;
    expect(parse(payload).events[0]).toMatchObject({ reverts: ['unknown'] });
  });

  it('ignores pull requests that are not merged into the default branch', () => {
    expect(parse(githubExample('pull_request', 0)).ignored).toBe(
      'pull request opened: only merges are changes',
    );
    expect(parse(githubExample('pull_request', 3)).ignored).toBe('pull request closed without merging');
    const elsewhere = mergedExample();
    elsewhere.pull_request.base.ref = 'release-1.x';
    expect(parse(elsewhere).ignored).toBe(
      'pull request merged into release-1.x, not the default branch master',
    );
  });
});
