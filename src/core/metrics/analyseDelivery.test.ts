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
import { summarise } from './summarise.js';

const T = monday;
const config = measureConfig({ shop: { repo: 'acme/shop' } });
const changes = chain('acme/shop', ['c1', 'c2', 'c3', 'c4'], T - day, hour);
const deployments = [
  deployment('eu-1', 'shop', 'c1', T, { environment: 'production-eu' }),
  deployment('us-1', 'shop', 'c1', T + hour, { environment: 'production-us' }),
  deployment('eu-2', 'shop', 'c3', T + 2 * hour, { environment: 'production-eu' }),
  deployment('us-2', 'shop', 'c3', T + 3 * hour, { environment: 'production-us' }),
  deployment('stage', 'shop', 'c4', T + 4 * hour, { environment: 'staging' }),
];
const incidents = [incident('i', ['shop'], T + 2.5 * hour, { resolvedAt: T + 5 * hour })];

describe('analyseDelivery', () => {
  it('links the service’s logical deployments in order', () => {
    const model = analyseDelivery(eventSet({ changes, deployments, incidents }), config);
    expect(model.deployments.map((d) => [d.id, d.previous, d.next])).toEqual([
      ['eu-1', null, 1],
      ['eu-2', 0, null],
    ]);
    // c1's is the first deployment (nothing carried); c3's carries c2 and c3 at positions 0 and 1
    expect(model.byService.get('shop')).toEqual({
      deployments: { from: 0, to: 2 },
      changes: { from: 0, to: 2 },
      incidents: [0],
    });
  });

  it('measures one environment alone, unmerged, when asked', () => {
    const window = { from: T, to: T + day };
    const options = { now: T + day, timezone: 'UTC' };
    const all = summarise(
      analyseDelivery(eventSet({ changes, deployments, incidents }), config),
      window,
      everyone,
      options,
    );
    // merged: c1 and c3 reach production once each; c3's deployment carries c2 (committed T − 23 h)
    // and c3 (T − 22 h) and finished at T + 3 h → 26 h and 25 h
    expect(all.deploymentFrequency.count).toBe(2);
    expect(all.leadTime).toMatchObject({ count: 2, median: 25.5 * 3600 });
    const eu = analyseDelivery(eventSet({ changes, deployments, incidents }), config, 'production-eu');
    const euFigures = summarise(eu, window, everyone, options);
    expect(euFigures.deploymentFrequency.count).toBe(2);
    // in production-eu c3 finished at T + 2 h → 25 h and 24 h
    expect(euFigures.leadTime).toMatchObject({ count: 2, median: 24.5 * 3600 });
    // the incident at + 2.5 h follows eu-2 (+ 2 h) in production-eu
    expect(euFigures.changeFailureRate.failed).toBe(1);
    const staging = summarise(
      analyseDelivery(eventSet({ changes, deployments }), config, 'staging'),
      window,
      everyone,
      options,
    );
    expect(staging.deploymentFrequency.count).toBe(1);
  });
});
