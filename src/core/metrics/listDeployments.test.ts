import { describe, expect, it } from 'vitest';
import { analyseDelivery } from './analyseDelivery.js';
import {
  chain,
  day,
  deployment,
  eventSet,
  everyone,
  hour,
  incident,
  measureConfig,
  monday,
} from './eventBuilders.js';
import { listDeployments } from './listDeployments.js';

const T = monday;
const config = measureConfig({ shop: { repo: 'acme/shop' } });

describe('listDeployments', () => {
  const changes = chain('acme/shop', ['c1', 'c2', 'c3'], T - day, hour);
  const deployments = [
    deployment('eu-1', 'shop', 'c1', T, { environment: 'production-eu' }),
    deployment('eu-2', 'shop', 'c3', T + hour, { environment: 'production-eu', version: '2.0' }),
    deployment('us-2', 'shop', 'c3', T + 3 * hour, { environment: 'production-us' }),
    deployment('eu-3', 'shop', 'c1', T + 5 * hour, { environment: 'production-eu', rollback: true }),
  ];
  const incidents = [incident('i', ['shop'], T + 4 * hour, { resolvedAt: T + 6 * hour })];
  const model = analyseDelivery(eventSet({ changes, deployments, incidents }), config);

  it('gives each logical deployment with its members, changes, failure, recovery and rework', () => {
    const rows = listDeployments(model, { from: T, to: T + day }, everyone);
    expect(rows.map((r) => r.id)).toEqual(['eu-1', 'eu-2', 'eu-3']);
    expect(rows[1]).toEqual({
      source: 'ci',
      id: 'eu-2',
      ids: ['eu-2', 'us-2'],
      service: 'shop',
      environments: ['production-eu', 'production-us'],
      sha: 'c3',
      version: '2.0',
      finishedAt: T + 3 * hour,
      carryRule: 'ancestry',
      changes: ['c3', 'c2'],
      failed: true,
      failureReasons: [
        { rule: 'incident-window', incident: { source: 'pagerduty', id: 'i' } },
        { rule: 'rollback', next: { source: 'ci', id: 'eu-3' }, by: 'flag' },
        { rule: 'rollback', next: { source: 'ci', id: 'eu-3' }, by: 'earlier-sha' },
      ],
      // the rollback finished at + 5 h, before the incident resolved at + 6 h: 2 h after + 3 h
      recoveredAt: T + 5 * hour,
      recoverySeconds: 7200,
      rework: false,
      reworkReasons: [],
    });
    expect(rows[2]).toMatchObject({ rework: true, reworkReasons: ['rollback-flag', 'rollback-earlier-sha'] });
  });

  it('keeps to the window and the group', () => {
    expect(listDeployments(model, { from: T + 4 * hour, to: T + day }, everyone).map((r) => r.id)).toEqual([
      'eu-3',
    ]);
    expect(listDeployments(model, { from: T, to: T + day }, (s) => s === 'cart')).toEqual([]);
  });
});
