import { describe, expect, it } from 'vitest';
import { day, deployment, hour, measureConfig, monday } from './eventBuilders.js';
import { groupLogicalDeployments } from './logicalDeployments.js';

const config = measureConfig();
const summary = (deployments: ReturnType<typeof groupLogicalDeployments>) =>
  deployments.map((d) => ({
    ids: d.members.map((m) => m.id),
    finishedAt: d.finishedAt,
    firstFinishedAt: d.firstFinishedAt,
  }));

describe('groupLogicalDeployments', () => {
  it('merges the same sha to several production environments within 24 hours, finished at the last', () => {
    const eu = deployment('eu', 'shop', 'abc', monday + 1 * hour, { environment: 'production-eu' });
    const us = deployment('us', 'shop', 'abc', monday + 3 * hour, { environment: 'prod-us' });
    const live = deployment('live', 'shop', 'abc', monday + 5 * hour, { environment: 'live' });
    expect(summary(groupLogicalDeployments([live, us, eu], config))).toEqual([
      { ids: ['eu', 'us', 'live'], finishedAt: monday + 5 * hour, firstFinishedAt: monday + hour },
    ]);
  });

  it('merges at exactly 24 hours after the first and not a millisecond later', () => {
    const eu = deployment('eu', 'shop', 'abc', monday, { environment: 'production-eu' });
    const us = deployment('us', 'shop', 'abc', monday + day, { environment: 'production-us' });
    const late = deployment('late', 'shop', 'abc', monday + day + 1, { environment: 'production-ap' });
    // eu + us (24 h, inclusive) are one; ap is 24 h + 1 ms after eu finished → its own deployment
    expect(summary(groupLogicalDeployments([eu, us, late], config)).map((d) => d.ids)).toEqual([
      ['eu', 'us'],
      ['late'],
    ]);
  });

  it('keeps different shas and different services apart', () => {
    const a = deployment('a', 'shop', 'abc', monday, { environment: 'production-eu' });
    const b = deployment('b', 'shop', 'def', monday + hour, { environment: 'production-us' });
    const c = deployment('c', 'cart', 'abc', monday + 2 * hour, { environment: 'production-us' });
    expect(groupLogicalDeployments([a, b, c], config)).toHaveLength(3);
  });

  it('starts a new logical deployment when the sha reaches an environment it already reached', () => {
    // abc to eu, def to eu, abc to eu again (a rollback within 24 h): three deployments, not two
    const first = deployment('1', 'shop', 'abc', monday, { environment: 'production-eu' });
    const second = deployment('2', 'shop', 'def', monday + hour, { environment: 'production-eu' });
    const back = deployment('3', 'shop', 'abc', monday + 2 * hour, { environment: 'production-eu' });
    expect(summary(groupLogicalDeployments([first, second, back], config)).map((d) => d.ids)).toEqual([
      ['1'],
      ['2'],
      ['3'],
    ]);
  });

  it('orders logical deployments by their last finish', () => {
    // abc reaches eu, then def reaches eu, then abc reaches us: abc finished after def started
    const a1 = deployment('a1', 'shop', 'abc', monday, { environment: 'production-eu' });
    const b1 = deployment('b1', 'shop', 'def', monday + hour, { environment: 'production-eu' });
    const a2 = deployment('a2', 'shop', 'abc', monday + 2 * hour, { environment: 'production-us' });
    const b2 = deployment('b2', 'shop', 'def', monday + 3 * hour, { environment: 'production-us' });
    expect(summary(groupLogicalDeployments([a1, b1, a2, b2], config)).map((d) => d.ids)).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2'],
    ]);
  });

  it('counts only successful, finished deployments to production-class environments', () => {
    const counted = deployment('ok', 'shop', 'abc', monday);
    const staging = deployment('staging', 'shop', 'abc', monday, { environment: 'staging' });
    const failed = deployment('failed', 'shop', 'def', monday, { status: 'failure' });
    const cancelled = deployment('cancelled', 'shop', 'ghi', monday, { status: 'cancelled' });
    const { finishedAt: _, ...running } = deployment('running', 'shop', 'jkl', monday, {
      status: 'in_progress',
    });
    const ids = groupLogicalDeployments([counted, staging, failed, cancelled, running], config).map(
      (d) => d.id,
    );
    expect(ids).toEqual(['ok']);
  });

  it('merges deployments without a sha by version', () => {
    const { sha: _a, ...eu } = deployment('eu', 'shop', 'x', monday, {
      environment: 'prod-eu',
      version: '1.4.2',
    });
    const { sha: _b, ...us } = deployment('us', 'shop', 'x', monday + hour, {
      environment: 'prod-us',
      version: '1.4.2',
    });
    const merged = groupLogicalDeployments([eu, us], config);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ sha: null, version: '1.4.2' });
  });

  it('takes the union of the members commits, labels and rollback flags', () => {
    const eu = deployment('eu', 'shop', 'abc', monday, { environment: 'prod-eu', commits: ['abc', 'x'] });
    const us = deployment('us', 'shop', 'abc', monday + hour, {
      environment: 'prod-us',
      commits: ['x', 'y'],
      labels: ['hotfix'],
      rollback: true,
    });
    expect(groupLogicalDeployments([eu, us], config)[0]).toMatchObject({
      commits: ['abc', 'x', 'y'],
      labels: ['hotfix'],
      rollbackFlag: true,
    });
  });

  describe('for one environment', () => {
    it('counts only that environment and merges nothing', () => {
      const eu = deployment('eu', 'shop', 'abc', monday, { environment: 'production-eu' });
      const us = deployment('us', 'shop', 'abc', monday + hour, { environment: 'production-us' });
      const again = deployment('again', 'shop', 'abc', monday + 2 * hour, { environment: 'production-eu' });
      const perEnvironment = groupLogicalDeployments([eu, us, again], config, 'production-eu');
      expect(summary(perEnvironment)).toEqual([
        { ids: ['eu'], finishedAt: monday, firstFinishedAt: monday },
        { ids: ['again'], finishedAt: monday + 2 * hour, firstFinishedAt: monday + 2 * hour },
      ]);
    });

    it('measures a non-production environment when it is the one asked for', () => {
      const staging = deployment('s', 'shop', 'abc', monday, { environment: 'staging' });
      expect(groupLogicalDeployments([staging], config, 'staging')).toHaveLength(1);
    });
  });
});
