import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectEvents, demoPreset, generateOrganisation } from '../../bench/generator/index.js';
import { createTestApp, type TestApp } from '../support/testApp.js';

/**
 * The demo organisation, measured end to end (ingestion through the API, then GET /api/metrics), with
 * figures for two services worked out by hand from the generated events (seed and end are fixed).
 */
describe('the demo organisation, measured', () => {
  let t: TestApp;
  const metricsOf = async (service: string, from: string, to: string) => {
    const response = await t.app.inject(`/api/metrics?groupBy=service&from=${from}&to=${to}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().groups.find((g: { key: string }) => g.key === service);
  };

  beforeAll(async () => {
    const organisation = { ...generateOrganisation(demoPreset), demo: true };
    t = await createTestApp({ organisation, now: new Date(demoPreset.end).toISOString() });
    const events = collectEvents(organisation, demoPreset);
    for (let i = 0; i < events.length; i += 10_000) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/events',
        payload: { events: events.slice(i, i + 10_000) },
      });
      expect(response.statusCode, response.body).toBe(200);
    }
  }, 300_000);
  afterAll(() => t?.close());

  it('measures vehicle-search on 9 February 2026, 12:00–15:00 UTC', async () => {
    const group = await metricsOf('vehicle-search', '2026-02-09T12:00:00Z', '2026-02-09T15:00:00Z');
    // One logical deployment: gh-7726 (production, 13:59:28) and gh-7727 (production-eu, 14:18:03) of
    // sha 277dcc70, merged because they are within 24 h; it finishes at the later, 14:18:03. gh-7725 was
    // cancelled. The previous one deployed 44ae700e, so 277dcc70 carries its ancestors not reachable
    // from 44ae700e: 277dcc70, 835d6aa5, 247aba6e, e4261ae4, 7df57735, 84be1d29, 995ba82a, 3a431e06,
    // b199e48e, f0381e24, f031bbd9, c7bb2d87, 7792d020, f7e4412d (14 changes).
    // Lead time from each pull request's first commit to 14:18:03:
    //   10:56:13 → 12110 s (×3), 09:39:59 → 16684 s (×4), 07:41:04 → 23819 s, 07:27:24 → 24639 s (×5),
    //   07:05:46 → 25937 s. Median of 14 = (7th + 8th) / 2 = (16684 + 23819) / 2 = 20251.5;
    //   p90 = the ⌈12.6⌉ = 13th = 24639; mean = 276017 / 14 = 19715.5 (rounded by the engine).
    expect(group.deploymentFrequency.count).toBe(1);
    expect(group.leadTime).toMatchObject({ count: 14, median: 20251.5, p90: 24639, band: { value: 5 } });
    expect(group.leadTime.mean).toBeCloseTo(19715.5, 1);
  });

  it('measures finance-quotes in the week of 5 January 2026', async () => {
    const group = await metricsOf('finance-quotes', '2026-01-05', '2026-01-12');
    // Two production deployments: #7 (sha 1179f917, 5 Jan 14:59:32) and #8 (sha 2e6e5cea, 8 Jan 01:16:29).
    // #8 redeploys 2e6e5cea, which #4 and #6 deployed before #7: a rollback, so #7 failed (rule 3) and
    // #8 is rework. #7 is rework too: among the changes it carries is 9ffb8a5d, a revert of 82a5274c.
    // PD-1179 (6 Jan 10:23:05) and PD-1180 (10:37:23) open within 24 h of #7 without a
    // cause and before #8 finished: attributed to #7 as well (rule 2), which still counts once.
    // Change failure rate 1 / 2 = 0.5 → band 3 (46–60 %). Rework 2 / 2.
    // Recovery of #7: the earliest of the rollback's finish (8 Jan 01:16:29) and the incidents'
    // resolutions (01:20:12, 01:40:34) = 01:16:29 − 5 Jan 14:59:32 = 2 d 10:16:57 = 209817 s → band 4.
    // Restore: PD-1179 6 Jan 10:23:05 → 8 Jan 01:40:34 = 141449 s; PD-1180 10:37:23 → 01:20:12 =
    // 139369 s; median (139369 + 141449) / 2 = 140409; p90 the 2nd = 141449. Acknowledged: only
    // PD-1179, at 10:41:49 = 1124 s after it opened.
    expect(group.deploymentFrequency.count).toBe(2);
    expect(group.changeFailureRate).toMatchObject({
      failed: 1,
      total: 2,
      rate: 0.5,
      band: { value: 3, label: '46–60%' },
    });
    expect(group.failedDeploymentRecoveryTime).toMatchObject({
      count: 1,
      median: 209817,
      band: { value: 4 },
    });
    expect(group.timeToRestore).toMatchObject({
      count: 2,
      median: 140409,
      p90: 141449,
      mean: 140409,
      band: { value: 4 },
      acknowledge: { count: 1, median: 1124 },
    });
    expect(group.reworkRate).toEqual({ rework: 2, total: 2, rate: 1 });
  });

  it('shows a drill-down of the deployments behind those figures', async () => {
    const response = await t.app.inject(
      '/api/deployments?service=finance-quotes&from=2026-01-05&to=2026-01-12',
    );
    const { deployments } = response.json();
    expect(deployments.map((d: { id: string }) => d.id)).toEqual([
      'finance-quotes-production#8',
      'finance-quotes-production#7',
    ]);
    const [rollback, failed] = deployments;
    expect(rollback).toMatchObject({ failed: false, rework: true, changes: [] });
    expect(failed.reworkReasons).toEqual(['revert-change']);
    expect(failed).toMatchObject({
      failed: true,
      recoveredAt: '2026-01-08T01:16:29.000Z',
      recoverySeconds: 209817,
    });
    expect(failed.failureReasons.map((r: { rule: string }) => r.rule)).toEqual(
      expect.arrayContaining(['rollback']),
    );
  });
});
