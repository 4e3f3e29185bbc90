import { describe, expect, it } from 'vitest';
import type { CanonicalEventInput } from '../../src/contract/events.js';
import { summariseEvents } from './summariseEvents.js';

const deployment = (
  id: string,
  sha: string,
  at: string,
  extra: Partial<Extract<CanonicalEventInput, { type: 'deployment' }>> = {},
): CanonicalEventInput => ({
  type: 'deployment',
  id,
  source: 'github',
  service: 'vehicle-search',
  environment: 'production',
  sha,
  version: `v-${sha}`,
  status: 'success',
  startedAt: at,
  finishedAt: at,
  ...extra,
});

describe('summariseEvents', () => {
  it('counts volumes and recognises the cases of the metrics contract', () => {
    const events: CanonicalEventInput[] = [
      { type: 'change', repo: 'acme/x', sha: 'a1', committedAt: '2026-01-05T09:00:00Z', parents: [] },
      {
        type: 'change',
        repo: 'acme/x',
        sha: 'b2',
        committedAt: '2026-01-05T10:00:00Z',
        labels: ['hotfix'],
        reverts: ['a1'],
      },
      deployment('1', 'a1', '2026-01-05T11:00:00Z'),
      deployment('2', 'b2', '2026-01-05T12:00:00Z', { labels: ['hotfix'] }),
      deployment('2', 'b2', '2026-01-05T11:58:00Z', { status: 'in_progress', finishedAt: undefined }),
      deployment('3', 'b2', '2026-01-05T13:00:00Z', { environment: 'production-eu' }),
      deployment('4', 'a1', '2026-01-05T14:00:00Z'),
      deployment('5', 'a1', '2026-01-05T15:00:00Z', { rollback: true }),
      deployment('6', 'c3', '2026-01-05T16:00:00Z', { status: 'failure', commits: ['c3'] }),
      {
        type: 'incident',
        id: 'i1',
        source: 'pagerduty',
        services: ['vehicle-search'],
        openedAt: '2026-01-05T12:10:00Z',
      },
      {
        type: 'incident',
        id: 'i1',
        source: 'pagerduty',
        services: ['vehicle-search'],
        openedAt: '2026-01-05T12:10:00Z',
        resolvedAt: '2026-01-05T12:50:00Z',
        causedBy: '2',
      },
      {
        type: 'incident',
        id: 'i2',
        source: 'pagerduty',
        services: ['a', 'b'],
        openedAt: '2026-01-05T12:10:00Z',
        causedBy: 'b2',
      },
      {
        type: 'incident',
        id: 'i3',
        source: 'datadog',
        services: ['a'],
        openedAt: '2026-01-05T12:10:00Z',
        causedBy: 'v-a1',
      },
      {
        type: 'incident',
        id: 'i4',
        source: 'datadog',
        services: ['a'],
        openedAt: '2026-01-05T12:10:00Z',
        changeRelated: false,
      },
      {
        type: 'incident',
        id: 'i5',
        source: 'opsgenie',
        services: ['a'],
        openedAt: '2026-01-05T12:10:00Z',
        resolvedAt: '2026-01-05T13:10:00Z',
      },
    ];
    const summary = summariseEvents(events);
    expect(summary).toMatchObject({
      events: 15,
      changes: 2,
      deployments: 6,
      deploymentEvents: 7,
      productionDeployments: 5,
      incidents: 5,
      incidentEvents: 6,
    });
    expect(summary.variety).toMatchObject({
      hotfixChange: 1,
      revert: 1,
      directPush: 2,
      hotfixDeployment: 1,
      inProgressAfterFinal: 1,
      multiProductionEnvironment: 1,
      rollbackToOlderSha: 1,
      redeploySameSha: 1,
      rollbackFlagged: 1,
      failedDeployment: 1,
      deploymentListingCommits: 1,
      causedByDeploymentId: 1,
      causedBySha: 1,
      causedByVersion: 1,
      notChangeRelated: 1,
      changeRelatedWithoutCause: 1,
      openIncident: 3,
      multiServiceIncident: 1,
      resolvedBeforeOpened: 1,
    });
  });
});
