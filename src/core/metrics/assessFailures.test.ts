import { describe, expect, it } from 'vitest';
import { analyseDelivery } from './analyseDelivery.js';
import type { DeliveryModel } from './deliveryModel.js';
import {
  chain,
  change,
  day,
  deployment,
  eventSet,
  hour,
  incident,
  measureConfig,
  monday,
} from './eventBuilders.js';

const repo = 'acme/pay';
const config = measureConfig({ pay: { repo } });
const T = monday;

const byId = (model: DeliveryModel, id: string) => model.deployments.find((d) => d.id === id);
const reasons = (model: DeliveryModel, id: string) =>
  byId(model, id)?.failureReasons.map((r) =>
    'by' in r ? `${r.rule}/${r.by}` : `${r.rule}/${r.incident.id}`,
  );

describe('rule 3: the next deployment is a rollback', () => {
  it('fails D when N is flagged as a rollback', () => {
    const deployments = [
      deployment('P', 'pay', 's0', T),
      deployment('D', 'pay', 's1', T + day),
      deployment('N', 'pay', 's0', T + 2 * day, { rollback: true }),
    ];
    const model = analyseDelivery(eventSet({ deployments }), config);
    expect(reasons(model, 'D')).toEqual(['rollback/flag', 'rollback/earlier-sha']);
    expect(byId(model, 'P')?.failed).toBe(false);
  });

  it('fails D when N deploys a sha a deployment before D deployed', () => {
    const deployments = [
      deployment('P', 'pay', 's0', T),
      deployment('D', 'pay', 's1', T + day),
      deployment('N', 'pay', 's0', T + 2 * day),
    ];
    expect(reasons(analyseDelivery(eventSet({ deployments }), config), 'D')).toEqual([
      'rollback/earlier-sha',
    ]);
  });

  it('does not take a redeploy of D’s own sha for a rollback', () => {
    const deployments = [
      deployment('P', 'pay', 's0', T),
      deployment('D', 'pay', 's1', T + day),
      deployment('N', 'pay', 's1', T + 3 * day),
    ];
    const model = analyseDelivery(eventSet({ deployments }), config);
    expect(model.deployments.map((d) => d.failed)).toEqual([false, false, false]);
  });
});

describe('rule 4: the next deployment is a hotfix', () => {
  const changes = chain(repo, ['c1', 'c2', 'c3'], T - day, hour);

  it('fails D when N is labelled hotfix', () => {
    const deployments = [
      deployment('D', 'pay', 'c1', T),
      deployment('N', 'pay', 'c2', T + day, { labels: ['Hotfix'] }),
    ];
    expect(reasons(analyseDelivery(eventSet({ changes, deployments }), config), 'D')).toEqual([
      'hotfix/label',
    ]);
  });

  it('fails D when N carries a change labelled hotfix', () => {
    const labelled = [
      ...changes.slice(0, 2),
      change(repo, 'fix', T, { parents: ['c2'], labels: ['hotfix'] }),
    ];
    const deployments = [deployment('D', 'pay', 'c2', T + hour), deployment('N', 'pay', 'fix', T + 2 * hour)];
    expect(reasons(analyseDelivery(eventSet({ changes: labelled, deployments }), config), 'D')).toEqual([
      'hotfix/hotfix-change',
    ]);
  });

  it('fails D when N carries a revert of one of D’s changes, and only then', () => {
    const events = [
      ...changes,
      change(repo, 'undo-c3', T, { parents: ['c3'], reverts: ['c3'] }),
      change(repo, 'undo-c1', T + hour, { parents: ['undo-c3'], reverts: ['c1'] }),
    ];
    const deployments = [
      deployment('P', 'pay', 'c1', T + hour), // first: carries nothing listed
      deployment('D', 'pay', 'c3', T + 2 * hour), // carries c2, c3
      deployment('N', 'pay', 'undo-c3', T + 3 * hour), // reverts c3, a change of D
      deployment('M', 'pay', 'undo-c1', T + 4 * hour), // reverts c1, not a change of N
    ];
    const model = analyseDelivery(eventSet({ changes: events, deployments }), config);
    expect(reasons(model, 'D')).toEqual(['hotfix/revert']);
    expect(reasons(model, 'N')).toEqual([]);
  });
});

describe('failure and recovery', () => {
  it('counts a deployment failed once however many incidents it has', () => {
    const deployments = [deployment('D', 'pay', 's1', T)];
    const incidents = [
      incident('a', ['pay'], T + hour, { resolvedAt: T + 5 * hour }),
      incident('b', ['pay'], T + 2 * hour, { resolvedAt: T + 3 * hour }),
      incident('c', ['pay'], T + 3 * hour, { causedBy: 'D' }),
    ];
    const model = analyseDelivery(eventSet({ deployments, incidents }), config);
    expect(model.deployments.filter((d) => d.failed)).toHaveLength(1);
    // recovered at the earliest resolution: b at T + 3 h
    expect(byId(model, 'D')?.recoveredAt).toBe(T + 3 * hour);
  });

  it('recovers at the earliest of the incident resolution and the rollback finish', () => {
    const deployments = [
      deployment('P', 'pay', 's0', T - day),
      deployment('D', 'pay', 's1', T),
      deployment('N', 'pay', 's0', T + 2 * hour), // rollback at + 2 h
    ];
    const resolvedLate = [incident('i', ['pay'], T + hour, { resolvedAt: T + 5 * hour })];
    expect(
      byId(analyseDelivery(eventSet({ deployments, incidents: resolvedLate }), config), 'D')?.recoveredAt,
    ).toBe(T + 2 * hour);
    const resolvedEarly = [incident('i', ['pay'], T + hour, { resolvedAt: T + 90 * 60_000 })];
    expect(
      byId(analyseDelivery(eventSet({ deployments, incidents: resolvedEarly }), config), 'D')?.recoveredAt,
    ).toBe(T + 90 * 60_000);
  });

  it('leaves a failed deployment unrecovered while its incident is open and no rollback followed', () => {
    const deployments = [deployment('D', 'pay', 's1', T), deployment('N', 'pay', 's2', T + 3 * hour)];
    const incidents = [incident('i', ['pay'], T + hour)];
    const d = byId(analyseDelivery(eventSet({ deployments, incidents }), config), 'D');
    expect(d).toMatchObject({ failed: true, recoveredAt: null });
  });

  it('does not take an ordinary next deployment for a recovery', () => {
    const deployments = [deployment('D', 'pay', 's1', T), deployment('N', 'pay', 's2', T + 3 * hour)];
    const incidents = [incident('i', ['pay'], T + hour, { resolvedAt: T + 4 * hour })];
    expect(byId(analyseDelivery(eventSet({ deployments, incidents }), config), 'D')?.recoveredAt).toBe(
      T + 4 * hour,
    );
  });
});

describe('rework', () => {
  it('marks each unplanned deployment with its reasons', () => {
    const changes = [
      ...chain(repo, ['c1', 'c2'], T - day, hour),
      change(repo, 'fix', T, { parents: ['c2'], labels: ['hotfix'] }),
      change(repo, 'undo', T + hour, { parents: ['fix'], reverts: ['something-older'] }),
      change(repo, 'c5', T + 2 * hour, { parents: ['undo'] }),
    ];
    const deployments = [
      deployment('first', 'pay', 'c1', T + hour),
      deployment('plain', 'pay', 'c2', T + 2 * hour),
      deployment('flagged', 'pay', 'c1', T + 3 * hour, { rollback: true }), // also an earlier sha
      deployment('labelled', 'pay', 'c2', T + 4 * hour, { labels: ['hotfix'] }), // redeploys "plain"
      deployment('fixing', 'pay', 'fix', T + 5 * hour),
      deployment('reverting', 'pay', 'undo', T + 6 * hour),
      deployment('normal', 'pay', 'c5', T + 7 * hour),
    ];
    const model = analyseDelivery(eventSet({ changes, deployments }), config);
    expect(Object.fromEntries(model.deployments.map((d) => [d.id, d.reworkReasons]))).toEqual({
      first: [],
      plain: [],
      flagged: ['rollback-flag', 'rollback-earlier-sha'],
      // c2 was deployed by "plain", a deployment before its predecessor "flagged"
      labelled: ['rollback-earlier-sha', 'hotfix-label'],
      fixing: ['hotfix-change'],
      reverting: ['revert-change'],
      normal: [],
    });
  });
});
