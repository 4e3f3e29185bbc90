/**
 * Test support: the recorded history of `acme/search` (fixtures/) and what a backfill of it since
 * 2026-03-01 must yield, an in-memory target, and the Octokit that reads the replay.
 */
import type { Octokit } from '@octokit/rest';
import type { CanonicalEventInput, ChangeEventInput } from '../../../contract/events.js';
import { testOrganisation } from '../../testOrganisation.js';
import { createGithubClient } from './createGithubClient.js';
import type { BackfillPageEvents, BackfillTarget } from './runGithubBackfill.js';

/** The default branch's commits, oldest first; 0 predates the window. */
export const shas = {
  c0: 'b0236a5dc0ff6dc81a727e79242389267e45cf17',
  c1: 'd11d92ba6f605f7d5a7b60d33922b9080c25cdb7',
  c2: '17bab6e7ccebd146bae405664a1209a914c98d4c',
  c3: '411d9e9b76c56cdec7d0153956f5fcdd08ce4962',
  c4: '0096d1c54ba15fc84552d3d7621644b1b2c6b5b1',
  c5: 'c013f71743a53c825d9f9d02ca0618d7ec09569b',
};

/** The window's start and the clock of the tests. */
export const since = Date.parse('2026-03-01T00:00:00Z');
export const now = Date.parse('2026-03-10T12:00:00Z');

/** One service built from the repository. */
export const organisation = testOrganisation([{ name: 'search', repo: 'acme/search' }]);

/** The merged pull requests into main since the window's start (#13 was closed unmerged, #9 and #8 are older). */
export const pullRequestChanges: CanonicalEventInput[] = [
  {
    type: 'change',
    repo: 'acme/search',
    sha: shas.c5,
    committedAt: '2026-03-06T15:00:00.000Z',
    branch: 'main',
    pr: {
      number: 12,
      openedAt: '2026-03-06T14:21:00.000Z',
      mergedAt: '2026-03-06T15:00:00.000Z',
      firstCommitAt: '2026-03-06T14:20:00.000Z',
    },
    labels: [],
    reverts: ['acme/search#11'],
  },
  {
    type: 'change',
    repo: 'acme/search',
    sha: shas.c3,
    committedAt: '2026-03-04T14:00:00.000Z',
    branch: 'main',
    // The first commit's author date: it was rebased (committed again) the next morning.
    pr: {
      number: 11,
      openedAt: '2026-03-03T16:05:00.000Z',
      mergedAt: '2026-03-04T14:00:00.000Z',
      firstCommitAt: '2026-03-03T16:00:00.000Z',
    },
    labels: ['feature'],
  },
  {
    type: 'change',
    repo: 'acme/search',
    sha: shas.c2,
    committedAt: '2026-03-03T11:00:00.000Z',
    branch: 'main',
    pr: {
      number: 10,
      openedAt: '2026-03-02T17:50:00.000Z',
      mergedAt: '2026-03-03T11:00:00.000Z',
      firstCommitAt: '2026-03-02T17:45:00.000Z',
    },
    labels: ['performance'],
  },
];

const commit = (sha: string, committedAt: string, parent: string): ChangeEventInput => ({
  type: 'change',
  repo: 'acme/search',
  sha,
  committedAt,
  parents: [parent],
  branch: 'main',
});

/** The commits on main since the window's start, newest first, as GitHub lists them. */
export const commitChanges: CanonicalEventInput[] = [
  { ...commit(shas.c5, '2026-03-06T15:00:00.000Z', shas.c4), reverts: [shas.c3] },
  commit(shas.c4, '2026-03-05T09:30:00.000Z', shas.c3),
  commit(shas.c3, '2026-03-04T14:00:00.000Z', shas.c2),
  commit(shas.c2, '2026-03-03T11:00:00.000Z', shas.c1),
  commit(shas.c1, '2026-03-02T08:00:00.000Z', shas.c0),
];

const deployment = (id: number, fields: object): CanonicalEventInput =>
  ({
    type: 'deployment',
    id: `gh-${id}`,
    source: 'github',
    service: 'search',
    ...fields,
  }) as CanonicalEventInput;

/** The deployments created since the window's start, newest first (9000 is older). */
export const deploymentEvents: CanonicalEventInput[] = [
  // No status yet; its payload says it is a rollback.
  deployment(9004, {
    environment: 'production',
    sha: shas.c4,
    status: 'in_progress',
    startedAt: '2026-03-09T10:00:00.000Z',
    rollback: true,
  }),
  // queued → in_progress → success; deployed from the tag v1.4.2.
  deployment(9003, {
    environment: 'production',
    sha: shas.c5,
    version: 'v1.4.2',
    status: 'success',
    startedAt: '2026-03-06T15:10:00.000Z',
    finishedAt: '2026-03-06T15:18:00.000Z',
  }),
  // in_progress → failure, later marked inactive (ignored).
  deployment(9002, {
    environment: 'production',
    sha: shas.c3,
    status: 'failure',
    startedAt: '2026-03-04T14:10:00.000Z',
    finishedAt: '2026-03-04T14:20:00.000Z',
  }),
  deployment(9001, {
    environment: 'staging',
    sha: shas.c2,
    status: 'success',
    startedAt: '2026-03-03T11:20:00.000Z',
    finishedAt: '2026-03-03T11:30:00.000Z',
  }),
];

/** The Octokit the CLI uses, reading the replay at `baseUrl`. */
export const replayClient = (baseUrl: string): Octokit => createGithubClient('test-token', baseUrl);

/** A target that keeps pages and cursors in memory, a delivery id seen before being a duplicate. */
export function memoryTarget() {
  const pages: BackfillPageEvents[] = [];
  const cursors = new Map<string, unknown>();
  const seen = new Set<string>();
  const target: BackfillTarget = {
    resumable: true,
    async store(page) {
      const duplicate = seen.has(page.deliveryId);
      seen.add(page.deliveryId);
      if (!duplicate) pages.push(structuredClone(page));
      return { duplicate };
    },
    loadCursor: async (scope) => cursors.get(scope),
    saveCursor: async (scope, cursor) => {
      cursors.set(scope, structuredClone(cursor));
    },
    clearCursors: async (scopes) => {
      for (const scope of scopes) cursors.delete(scope);
    },
  };
  return { target, pages, cursors, events: () => pages.flatMap((page) => page.events) };
}
