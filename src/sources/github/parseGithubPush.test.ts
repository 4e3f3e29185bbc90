import { describe, expect, it } from 'vitest';
import { delivered, testOrganisation } from '../testOrganisation.js';
import { githubExample, githubRequest } from './githubExamples.js';
import { githubSource } from './githubSource.js';

const context = {
  organisation: testOrganisation([{ name: 'hello-world', repo: 'Codertocat/Hello-World' }]),
  receivedAt: Date.parse('2026-03-02T10:00:00Z'),
};
const parse = (payload: unknown) => delivered(githubSource.parse(githubRequest('push', payload), context));

describe('GitHub push', () => {
  it('takes each commit pushed to the default branch as a change', () => {
    // The example creates master with one commit: `before` is all zeros, so no parent is known.
    expect(parse(githubExample('push', 4))).toEqual({
      deliveryId: 'delivery-1',
      eventType: 'push',
      events: [
        {
          type: 'change',
          repo: 'Codertocat/Hello-World',
          sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
          committedAt: '2019-05-15T15:19:25.000Z',
          pushedAt: '2019-05-15T15:20:57.000Z',
          branch: 'master',
          files: ['README.md'],
        },
      ],
    });
  });

  it('chains parents in push order, starting from before, and reads reverts and files', () => {
    const payload = githubExample('push', 4);
    const first = payload.commits[0]!;
    const second = {
      ...structuredClone(first),
      id: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      timestamp: '2019-05-15T17:19:40+02:00',
      message: 'Revert "Initial commit"\n\nThis reverts commit 6113728f27ae82c7b1a177c8d03f9e96e0adf246.',
      added: [],
      modified: ['docs/guide.md'],
      removed: ['README.md'],
    };
    payload.before = '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c';
    payload.created = false;
    payload.commits = [first, second];
    payload.head_commit = second;
    expect(parse(payload).events).toEqual([
      {
        type: 'change',
        repo: 'Codertocat/Hello-World',
        sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
        committedAt: '2019-05-15T15:19:25.000Z',
        parents: ['0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c'],
        pushedAt: '2019-05-15T15:20:57.000Z',
        branch: 'master',
        files: ['README.md'],
      },
      {
        type: 'change',
        repo: 'Codertocat/Hello-World',
        sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
        committedAt: '2019-05-15T15:19:40.000Z',
        parents: ['6113728f27ae82c7b1a177c8d03f9e96e0adf246'],
        pushedAt: '2019-05-15T15:20:57.000Z',
        branch: 'master',
        reverts: ['6113728f27ae82c7b1a177c8d03f9e96e0adf246'],
        files: ['docs/guide.md', 'README.md'],
      },
    ]);
  });

  it('does not take before as the parent of a forced push', () => {
    const payload = githubExample('push', 4);
    payload.before = '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c';
    payload.forced = true;
    expect(parse(payload).events[0]).not.toHaveProperty('parents');
  });

  it('falls back to the head commit timestamp when the repository has no pushed_at', () => {
    const payload = githubExample('push', 4) as unknown as { repository: Record<string, unknown> };
    delete payload.repository.pushed_at;
    expect(parse(payload).events[0]).toMatchObject({ pushedAt: '2019-05-15T15:19:25.000Z' });
  });

  it('ignores tags, deleted refs, other branches and unmapped repositories', () => {
    expect(parse(githubExample('push', 0)).ignored).toBe('refs/tags/simple-tag is not a branch');
    const feature = githubExample('push', 4);
    feature.ref = 'refs/heads/feature/search';
    expect(parse(feature)).toMatchObject({
      events: [],
      ignored: 'branch feature/search is not the default branch master',
    });
    const deleted = githubExample('push', 4);
    deleted.deleted = true;
    expect(parse(deleted).ignored).toBe('branch master was deleted');
    const elsewhere = { ...context, organisation: testOrganisation([{ name: 'other', repo: 'acme/other' }]) };
    const result = delivered(githubSource.parse(githubRequest('push', githubExample('push', 4)), elsewhere));
    expect(result.ignored).toBe('repository Codertocat/Hello-World is not mapped to a service');
  });
});
