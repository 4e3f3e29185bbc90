import { describe, expect, it } from 'vitest';
import { analyseDelivery } from './analyseDelivery.js';
import {
  change,
  day,
  deployment,
  eventSet,
  everyone,
  hour,
  incident,
  measureConfig,
  monday,
  servicesNamed,
} from './eventBuilders.js';
import { summarise } from './summarise.js';

const T = monday;
const week = { from: T, to: T + 7 * day };
const options = { now: T + 10 * day, timezone: 'UTC' };
const config = measureConfig({ a: { repo: 'acme/a' }, b: { repo: 'acme/b' } });

describe('summarise without data', () => {
  it('keeps every metric with count 0 and null figures, and says why', () => {
    const metrics = summarise(analyseDelivery(eventSet({}), config), week, everyone, options);
    expect(metrics).toEqual({
      deploymentFrequency: { count: 0, perDay: null, deployDaysPerWeekMedian: null, band: null },
      leadTime: { count: 0, median: null, p90: null, mean: null, band: null, negativeDropped: 0 },
      changeFailureRate: { failed: 0, total: 0, rate: null, band: null },
      failedDeploymentRecoveryTime: {
        count: 0,
        median: null,
        p90: null,
        mean: null,
        band: null,
        unrecovered: [],
      },
      timeToRestore: {
        count: 0,
        median: null,
        p90: null,
        mean: null,
        band: null,
        acknowledge: { count: 0, median: null, p90: null, mean: null },
        open: [],
      },
      reworkRate: { rework: 0, total: 0, rate: null },
      missing: [
        { metric: 'deploymentFrequency', reason: 'no-deployments', message: expect.any(String) },
        { metric: 'leadTime', reason: 'no-deployments', message: expect.any(String) },
        { metric: 'changeFailureRate', reason: 'no-deployments', message: expect.any(String) },
        { metric: 'failedDeploymentRecoveryTime', reason: 'no-deployments', message: expect.any(String) },
        { metric: 'timeToRestore', reason: 'no-incident-source', message: expect.any(String) },
        { metric: 'reworkRate', reason: 'no-deployments', message: expect.any(String) },
      ],
    });
  });

  it('names the precise reason for each missing figure', () => {
    // deployments without linked changes, none failed, an incident source with nothing resolved
    const deployments = [deployment('d1', 'a', 's1', T + hour), deployment('d2', 'a', 's2', T + 2 * day)];
    const metrics = summarise(analyseDelivery(eventSet({ deployments }), config), week, everyone, {
      ...options,
      hasIncidentSource: true,
    });
    expect(metrics.missing.map((m) => `${m.metric}: ${m.reason}`)).toEqual([
      'leadTime: no-changes-linked',
      'failedDeploymentRecoveryTime: no-failed-deployments',
      'timeToRestore: no-incidents-resolved',
    ]);
  });

  it('says when every linked change had a negative lead time, and counts them', () => {
    const changes = [change('acme/a', 'late', T + 5 * day)]; // committed after the deployment
    const deployments = [
      deployment('d0', 'a', 's0', T),
      deployment('d1', 'a', 'late', T + day, { commits: ['late'] }),
    ];
    const metrics = summarise(
      analyseDelivery(eventSet({ changes, deployments }), config),
      week,
      everyone,
      options,
    );
    expect(metrics.leadTime).toMatchObject({ count: 0, median: null, negativeDropped: 1 });
    expect(metrics.missing.find((m) => m.metric === 'leadTime')?.reason).toBe('no-valid-lead-times');
  });

  it('lists failed deployments without recovery with their age, and says none recovered', () => {
    const deployments = [deployment('d1', 'a', 's1', T + day)];
    const incidents = [incident('i', ['a'], T + day + hour)];
    const metrics = summarise(
      analyseDelivery(eventSet({ deployments, incidents }), config),
      week,
      everyone,
      options,
    );
    expect(metrics.failedDeploymentRecoveryTime).toMatchObject({
      count: 0,
      median: null,
      unrecovered: [{ source: 'ci', id: 'd1', service: 'a', finishedAt: T + day, ageSeconds: 9 * 86_400 }],
    });
    expect(metrics.missing.map((m) => m.reason)).toContain('no-recovered-deployments');
  });
});

describe('summarise figures', () => {
  it('computes every metric of a small hand-checked history', () => {
    const changes = [
      change('acme/a', 'c1', T, { parents: [] }),
      change('acme/a', 'c2', T + hour, { parents: ['c1'] }),
      change('acme/a', 'c3', T + 2 * hour, { parents: ['c2'] }),
      change('acme/a', 'c4', T + 3 * hour, { parents: ['c3'], labels: ['hotfix'] }),
    ];
    const deployments = [
      deployment('d1', 'a', 'c1', T + 4 * hour, { commits: ['c1'] }), // c1: 4 h
      deployment('d2', 'a', 'c3', T + 6 * hour), // c2: 5 h, c3: 4 h
      deployment('d3', 'a', 'c4', T + 8 * hour), // hotfix after d2: c4: 5 h
    ];
    const incidents = [
      incident('i1', ['a'], T + 7 * hour, {
        acknowledgedAt: T + 7 * hour + 600_000,
        resolvedAt: T + 9 * hour,
      }),
      incident('i2', ['a'], T + 2 * day, { changeRelated: false, resolvedAt: T + 2 * day + 30 * 60_000 }),
      incident('i3', ['a'], T + 3 * day),
    ];
    const model = analyseDelivery(eventSet({ changes, deployments, incidents }), config);
    const metrics = summarise(model, week, everyone, options);
    expect(metrics.deploymentFrequency).toMatchObject({ count: 3, perDay: 0.4286 }); // 3 / 7
    // lead times 4, 5, 4, 5 h → median 4.5 h, p90 ⌈3.6⌉ = 4th = 5 h, mean 4.5 h
    expect(metrics.leadTime).toEqual({
      count: 4,
      median: 4.5 * 3600,
      p90: 5 * 3600,
      mean: 4.5 * 3600,
      band: { value: 5, label: 'Less than one day' },
      negativeDropped: 0,
    });
    // d2 failed (i1 opened 1 h after it, and d3 is a hotfix carrying c4): 1 of 3
    expect(metrics.changeFailureRate).toEqual({
      failed: 1,
      total: 3,
      rate: 0.3333,
      band: { value: 4, label: '31–45%' },
    });
    // d2 recovers when the hotfix d3 finishes (+2 h), before i1 resolves (+3 h)
    expect(metrics.failedDeploymentRecoveryTime).toMatchObject({
      count: 1,
      median: 7200,
      p90: 7200,
      mean: 7200,
    });
    // i1: 2 h, i2: 30 min → median 1.25 h; acknowledged i1 only: 10 min
    expect(metrics.timeToRestore).toMatchObject({
      count: 2,
      median: 4500,
      p90: 7200,
      mean: 4500,
      band: { value: 5, label: 'Less than one day' },
      acknowledge: { count: 1, median: 600, p90: 600, mean: 600 },
      open: [{ id: 'i3', services: ['a'], openedAt: T + 3 * day, ageSeconds: 7 * 86_400 }],
    });
    // d3 is rework (hotfix change)
    expect(metrics.reworkRate).toEqual({ rework: 1, total: 3, rate: 0.3333 });
    expect(metrics.missing).toEqual([]);
  });

  it('counts a deployment at the start of the window and not one at its end', () => {
    const deployments = [deployment('in', 'a', 's1', week.from), deployment('out', 'a', 's2', week.to)];
    const metrics = summarise(analyseDelivery(eventSet({ deployments }), config), week, everyone, options);
    expect(metrics.deploymentFrequency.count).toBe(1);
  });

  it('counts time to restore by resolution in the window, all incidents, each once', () => {
    const incidents = [
      incident('before', ['a'], T - 2 * day, { resolvedAt: T + hour }), // opened before, resolved inside
      incident('after', ['a'], T + 6 * day, { resolvedAt: T + 8 * day }), // resolved after the window
      incident('both', ['a', 'b'], T + day, { resolvedAt: T + day + hour }), // two services, once
    ];
    const model = analyseDelivery(eventSet({ incidents }), config);
    const metrics = summarise(model, week, servicesNamed('a', 'b'), options);
    // before: 2 days + 1 h = 176 400 s; both: 3 600 s
    expect(metrics.timeToRestore).toMatchObject({ count: 2, median: (176_400 + 3_600) / 2, open: [] });
  });

  it('does not count history before onboarding', () => {
    const onboarded = measureConfig({ a: { repo: 'acme/a', onboardedAt: T + 3 * day } });
    const deployments = [deployment('old', 'a', 's1', T + day), deployment('new', 'a', 's2', T + 4 * day)];
    const metrics = summarise(analyseDelivery(eventSet({ deployments }), onboarded), week, everyone, options);
    expect(metrics.deploymentFrequency.count).toBe(1);
  });

  it('decides membership by service and time, so ownership can change inside the window', () => {
    const deployments = [deployment('d1', 'a', 's1', T + day), deployment('d2', 'a', 's2', T + 4 * day)];
    const model = analyseDelivery(eventSet({ deployments }), config);
    const fromThursday = (service: string, at: number) => service === 'a' && at >= T + 3 * day;
    expect(summarise(model, week, fromThursday, options).deploymentFrequency.count).toBe(1);
  });
});

describe('a group is the union of its services, never an average of their figures', () => {
  // a: one change with a 1 h lead time, one deployment that failed.
  // b: three changes with 10 h lead times over four deployments, none failed.
  const changes = [
    change('acme/a', 'a1', T + day - hour),
    change('acme/b', 'b1', T + day - 10 * hour),
    change('acme/b', 'b2', T + 2 * day - 10 * hour),
    change('acme/b', 'b3', T + 3 * day - 10 * hour),
  ];
  const deployments = [
    deployment('a0', 'a', 'a0', T),
    deployment('a1', 'a', 'a1', T + day, { commits: ['a1'] }),
    deployment('b0', 'b', 'b0', T),
    deployment('b1', 'b', 'b1', T + day, { commits: ['b1'] }),
    deployment('b2', 'b', 'b2', T + 2 * day, { commits: ['b2'] }),
    deployment('b3', 'b', 'b3', T + 3 * day, { commits: ['b3'] }),
  ];
  const incidents = [
    incident('i', ['a'], T + day + hour, { causedBy: 'a1', resolvedAt: T + day + 2 * hour }),
  ];
  const model = analyseDelivery(eventSet({ changes, deployments, incidents }), config);

  it('takes one median over all changes', () => {
    const a = summarise(model, week, servicesNamed('a'), options).leadTime;
    const b = summarise(model, week, servicesNamed('b'), options).leadTime;
    const both = summarise(model, week, servicesNamed('a', 'b'), options).leadTime;
    expect([a.median, b.median]).toEqual([3_600, 36_000]);
    // union 1 h, 10 h, 10 h, 10 h → median 10 h (the average of the medians would be 5.5 h)
    expect(both).toMatchObject({ count: 4, median: 36_000, mean: (3_600 + 3 * 36_000) / 4 });
  });

  it('takes one rate over all deployments', () => {
    const both = summarise(model, week, servicesNamed('a', 'b'), options).changeFailureRate;
    // a: 1 of 2 (50 %), b: 0 of 4 → union 1 of 6 = 16.67 % (the average would be 25 %)
    expect(both).toEqual({ failed: 1, total: 6, rate: 0.1667, band: { value: 5, label: '16–30%' } });
  });
});
