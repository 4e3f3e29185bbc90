import { describe, expect, it } from 'vitest';
import { delivered, readFixture } from '../testOrganisation.js';
import { gitlabSource } from './gitlabSource.js';
import { gitlabRequest, gitlabTestContext } from './gitlabTestContext.js';

const push = readFixture(import.meta.url, 'push.json');
const parse = (payload: unknown) =>
  delivered(gitlabSource.parse(gitlabRequest('Push Hook', payload), gitlabTestContext));

describe('GitLab Push Hook', () => {
  it('takes each commit pushed to the default branch as a change, oldest first', () => {
    // total_commits_count is 4 but only 2 are listed: the first listed commit's parent is unknown.
    expect(parse(push.body)).toEqual({
      deliveryId: 'f5e5f430-f57b-4e6e-9fac-d9128cd7232f',
      eventType: 'push',
      events: [
        {
          type: 'change',
          repo: 'mike/diaspora',
          sha: 'b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327',
          committedAt: '2011-12-12T12:27:31.000Z',
          pushedAt: '2026-03-02T10:00:00.000Z',
          branch: 'master',
          files: ['CHANGELOG', 'app/controller/application.rb'],
        },
        {
          type: 'change',
          repo: 'mike/diaspora',
          sha: 'da1560886d4f094c3e6c9ef40349f7d38b5d27d7',
          committedAt: '2012-01-03T21:36:29.000Z',
          parents: ['b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327'],
          pushedAt: '2026-03-02T10:00:00.000Z',
          branch: 'master',
          files: ['CHANGELOG', 'app/controller/application.rb'],
        },
      ],
    });
  });

  it('takes before as the first parent when every commit is listed', () => {
    const payload = { ...push.payload, total_commits_count: 2 };
    expect(parse(payload).events[0]).toMatchObject({ parents: ['95790bf891e76fee5e1747ab589903a6a1f80f22'] });
  });

  it('ignores other branches, deleted branches and unmapped projects', () => {
    expect(parse({ ...push.payload, ref: 'refs/heads/feature' }).ignored).toBe(
      'branch feature is not the default branch master',
    );
    const deleted = { ...push.payload, after: '0000000000000000000000000000000000000000', commits: [] };
    expect(parse(deleted).ignored).toBe('branch master was deleted');
    const project = { ...(push.payload.project as object), path_with_namespace: 'mike/elsewhere' };
    expect(parse({ ...push.payload, project }).ignored).toBe(
      'project mike/elsewhere is not mapped to a service',
    );
  });
});
