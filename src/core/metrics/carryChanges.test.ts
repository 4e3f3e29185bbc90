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
  measureConfig,
  minute,
  monday,
} from './eventBuilders.js';

const repo = 'acme/shop';
const config = measureConfig({ shop: { repo } });

/** What each logical deployment carries: id → its rule and the sorted shas. */
function carried(model: DeliveryModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of model.deployments) {
    const shas = model.changes.change
      .slice(d.changesFrom, d.changesTo)
      .map((c) => c.sha)
      .sort();
    out[d.id] = `${d.carryRule}: ${shas.join(' ')}`;
  }
  return out;
}

describe('carrying: rule 1, explicit commits', () => {
  it('takes the listed commits, even when ancestry would say more', () => {
    const changes = chain(repo, ['a1', 'a2', 'a3', 'a4'], monday, hour);
    const deployments = [
      deployment('d1', 'shop', 'a1', monday + 10 * hour),
      deployment('d2', 'shop', 'a4', monday + 11 * hour, { commits: ['a3', 'a4'] }),
    ];
    expect(carried(analyseDelivery(eventSet({ changes, deployments }), config))).toEqual({
      d1: 'first: ',
      d2: 'commits: a3 a4',
    });
  });

  it('lets the first deployment that lists a change carry it (first arrival wins)', () => {
    const changes = chain(repo, ['x', 'y', 'z'], monday, hour);
    const deployments = [
      deployment('d1', 'shop', 'x', monday + 10 * hour, { commits: ['x'] }),
      deployment('d2', 'shop', 'y', monday + 11 * hour, { commits: ['x', 'y'] }),
      deployment('d3', 'shop', 'z', monday + 12 * hour, { commits: ['y', 'z'] }),
    ];
    expect(carried(analyseDelivery(eventSet({ changes, deployments }), config))).toEqual({
      d1: 'first: x',
      d2: 'commits: y',
      d3: 'commits: z',
    });
  });

  it('counts listed shas with no known change as a data-quality problem', () => {
    const changes = [change(repo, 'known', monday)];
    const deployments = [
      deployment('d1', 'shop', 'known', monday + hour),
      deployment('d2', 'shop', 'later', monday + 2 * hour, { commits: ['known', 'ghost'] }),
    ];
    const model = analyseDelivery(eventSet({ changes, deployments }), config);
    expect(carried(model).d2).toBe('commits: known');
    expect(model.dataQuality.unknownCommits).toBe(1);
  });
});

describe('carrying: rule 2, ancestry', () => {
  it('takes the ancestors of the deployed sha that the previous deployment did not have, across merges', () => {
    //  a0 ← a1 ← a2 ←──── m   (m merges a2 and b2)
    //         ↖ b1 ← b2 ↙
    const changes = [
      change(repo, 'a0', monday, { parents: [] }),
      change(repo, 'a1', monday + 1 * hour, { parents: ['a0'] }),
      change(repo, 'a2', monday + 2 * hour, { parents: ['a1'] }),
      change(repo, 'b1', monday + 3 * hour, { parents: ['a1'] }),
      change(repo, 'b2', monday + 4 * hour, { parents: ['b1'] }),
      change(repo, 'm', monday + 5 * hour, { parents: ['a2', 'b2'] }),
    ];
    const deployments = [
      deployment('d1', 'shop', 'a1', monday + 6 * hour),
      deployment('d2', 'shop', 'm', monday + 7 * hour),
    ];
    // ancestors(m) − ancestors(a1) = {m, a2, b1, b2}
    expect(carried(analyseDelivery(eventSet({ changes, deployments }), config))).toEqual({
      d1: 'first: ',
      d2: 'ancestry: a2 b1 b2 m',
    });
  });

  it('never carries again what an earlier deployment reached, even after a rollback', () => {
    const changes = chain(repo, ['a1', 'a2', 'a3', 'a4', 'a5'], monday, hour);
    const deployments = [
      deployment('d1', 'shop', 'a2', monday + 10 * hour),
      deployment('d2', 'shop', 'a4', monday + 11 * hour),
      deployment('d3', 'shop', 'a2', monday + 12 * hour), // rollback to a2
      deployment('d4', 'shop', 'a5', monday + 13 * hour),
    ];
    expect(carried(analyseDelivery(eventSet({ changes, deployments }), config))).toEqual({
      d1: 'first: ',
      d2: 'ancestry: a3 a4',
      d3: 'redeploy: ',
      d4: 'ancestry: a5',
    });
  });
});

describe('carrying: what is learnt later', () => {
  it('marks the history of a deployment once its sha is known, so a later deployment carries less', () => {
    // a0 ← a1 ← a2 ← m, and a0 ← b1 ← m; d1 deploys a1, d2 deploys m.
    const known = [
      change(repo, 'a0', monday, { parents: [] }),
      change(repo, 'b1', monday + 1, { parents: ['a0'] }),
      change(repo, 'a2', monday + 2, { parents: ['a1'] }),
      change(repo, 'm', monday + 3, { parents: ['a2', 'b1'] }),
    ];
    const deployments = [
      deployment('d1', 'shop', 'a1', monday + hour),
      deployment('d2', 'shop', 'm', monday + 2 * hour),
    ];
    // a1 unknown: d1 marks nothing, so d2 reaches a0 through b1 and carries it
    expect(carried(analyseDelivery(eventSet({ changes: known, deployments }), config)).d2).toBe(
      'ancestry: a0 a2 b1 m',
    );
    // once a1 is known, d1 marks a1 and a0 as deployed and d2 carries only what is new
    const a1 = change(repo, 'a1', monday + 1, { parents: ['a0'] });
    expect(carried(analyseDelivery(eventSet({ changes: [...known, a1], deployments }), config)).d2).toBe(
      'ancestry: a2 b1 m',
    );
  });
});

describe('carrying: rule 3, push order', () => {
  /** Changes without parents, pushed at the given minutes; arrival follows creation order. */
  const pushed = (entries: [string, number][]) =>
    entries.map(([sha, at]) => change(repo, sha, monday, { pushedAt: monday + at * minute }));

  it('takes the changes pushed after the previous deployment up to the deployed one, ties by arrival', () => {
    // p3 and p4 are pushed at the same minute; p4 arrived first, so the order is p1 p2 p4 p3.
    const [p1, p2, p4, p3] = pushed([
      ['p1', 1],
      ['p2', 2],
      ['p4', 3],
      ['p3', 3],
    ]);
    const changes = [p3, p1, p4, p2].filter((c) => c !== undefined);
    const deployments = [
      deployment('d1', 'shop', 'p2', monday + hour),
      deployment('d2', 'shop', 'p4', monday + 2 * hour),
      deployment('d3', 'shop', 'p3', monday + 3 * hour),
    ];
    expect(carried(analyseDelivery(eventSet({ changes, deployments }), config))).toEqual({
      d1: 'first: ',
      d2: 'push-order: p4',
      d3: 'push-order: p3',
    });
  });

  it('follows arrival when it is the other way round', () => {
    const [p1, p2, p3, p4] = pushed([
      ['p1', 1],
      ['p2', 2],
      ['p3', 3],
      ['p4', 3],
    ]);
    const changes = [p1, p2, p3, p4].filter((c) => c !== undefined);
    const deployments = [
      deployment('d1', 'shop', 'p2', monday + hour),
      deployment('d2', 'shop', 'p4', monday + 2 * hour),
    ];
    expect(carried(analyseDelivery(eventSet({ changes, deployments }), config)).d2).toBe('push-order: p3 p4');
  });

  it('takes only changes on the deployed change branch (or without a branch)', () => {
    const changes = [
      change(repo, 'p1', monday, { pushedAt: monday + 1 * minute, branch: 'main' }),
      change(repo, 'f1', monday, { pushedAt: monday + 2 * minute, branch: 'feature' }),
      change(repo, 'n1', monday, { pushedAt: monday + 3 * minute }),
      change(repo, 'p2', monday, { pushedAt: monday + 4 * minute, branch: 'main' }),
    ];
    const deployments = [
      deployment('d1', 'shop', 'p1', monday + hour),
      deployment('d2', 'shop', 'p2', monday + 2 * hour),
    ];
    expect(carried(analyseDelivery(eventSet({ changes, deployments }), config)).d2).toBe('push-order: n1 p2');
  });
});

describe('carrying: monorepo path', () => {
  it('takes only changes touching a file under the service path, and changes without a file list', () => {
    const services = measureConfig({ search: { repo: 'acme/mono', path: 'services/search/' } });
    const files = (list?: string[]) => (list === undefined ? {} : { files: list });
    const changes = [
      change('acme/mono', 'base', monday, { parents: [] }),
      change('acme/mono', 'in', monday + 1, { parents: ['base'], ...files(['services/search/app.ts']) }),
      change('acme/mono', 'out', monday + 2, { parents: ['in'], ...files(['services/cart/x.ts']) }),
      change('acme/mono', 'near', monday + 3, { parents: ['out'], ...files(['services/searchlight/y.ts']) }),
      change('acme/mono', 'unknown', monday + 4, { parents: ['near'] }),
      change('acme/mono', 'both', monday + 5, {
        parents: ['unknown'],
        ...files(['README.md', 'services/search/index.ts']),
      }),
    ];
    const deployments = [
      deployment('d1', 'search', 'base', monday + hour),
      deployment('d2', 'search', 'both', monday + 2 * hour),
    ];
    // the walk passes through `out` and `near` (ancestors) without carrying them
    expect(carried(analyseDelivery(eventSet({ changes, deployments }), services)).d2).toBe(
      'ancestry: both in unknown',
    );
  });
});

describe('carrying: first deployment, onboarding and redeploys', () => {
  it('lets the very first deployment carry only what it lists, never the history before it', () => {
    const changes = chain(repo, ['h1', 'h2', 'h3', 'h4'], monday - 400 * day, 100 * day);
    const withoutList = [deployment('d1', 'shop', 'h4', monday)];
    expect(carried(analyseDelivery(eventSet({ changes, deployments: withoutList }), config))).toEqual({
      d1: 'first: ',
    });
    const withList = [deployment('d1', 'shop', 'h4', monday, { commits: ['h4'] })];
    expect(carried(analyseDelivery(eventSet({ changes, deployments: withList }), config))).toEqual({
      d1: 'first: h4',
    });
  });

  it('treats deployments before onboarding as history and the first one after it as the first', () => {
    const onboarded = measureConfig({ shop: { repo, onboardedAt: monday } });
    const changes = chain(repo, ['c1', 'c2', 'c3', 'c4', 'c5'], monday - 10 * day, day);
    const deployments = [
      deployment('old', 'shop', 'c2', monday - 5 * day, { commits: ['c1', 'c2'] }),
      deployment('first', 'shop', 'c3', monday + hour),
      deployment('next', 'shop', 'c5', monday + 2 * hour),
    ];
    const model = analyseDelivery(eventSet({ changes, deployments }), onboarded);
    expect(carried(model)).toEqual({ old: 'history: ', first: 'first: ', next: 'ancestry: c4 c5' });
    expect(model.deployments.map((d) => d.history)).toEqual([true, false, false]);
  });

  it('carries nothing for a redeploy of a sha already deployed', () => {
    const changes = chain(repo, ['a1', 'a2'], monday, hour);
    const deployments = [
      deployment('d1', 'shop', 'a1', monday + 5 * hour),
      deployment('d2', 'shop', 'a2', monday + 6 * hour),
      deployment('d3', 'shop', 'a2', monday + 3 * day, { commits: ['a2'] }),
    ];
    expect(carried(analyseDelivery(eventSet({ changes, deployments }), config))).toEqual({
      d1: 'first: ',
      d2: 'ancestry: a2',
      d3: 'redeploy: ',
    });
  });

  it('carries a change once per service that deploys it', () => {
    const two = measureConfig({ api: { repo }, worker: { repo } });
    const changes = chain(repo, ['a1', 'a2'], monday, hour);
    const deployments = [
      deployment('api1', 'api', 'a1', monday + 5 * hour),
      deployment('api2', 'api', 'a2', monday + 6 * hour),
      deployment('wrk1', 'worker', 'a1', monday + 5 * hour),
      deployment('wrk2', 'worker', 'a2', monday + 7 * hour),
    ];
    const result = carried(analyseDelivery(eventSet({ changes, deployments }), two));
    expect([result.api2, result.wrk2]).toEqual(['ancestry: a2', 'ancestry: a2']);
  });

  it('uses only listed commits, found in any repository, for a service with no declared repository', () => {
    const changes = [
      change('acme/legacy', 'l1', monday, { parents: [] }),
      change('acme/legacy', 'l2', monday + 1, { parents: ['l1'] }),
    ];
    const deployments = [
      deployment('d1', 'legacy', 'l1', monday + hour),
      deployment('d2', 'legacy', 'l2', monday + 2 * hour),
      deployment('d3', 'legacy', 'l3', monday + 3 * hour, { commits: ['l2'] }),
    ];
    expect(carried(analyseDelivery(eventSet({ changes, deployments }), measureConfig()))).toEqual({
      d1: 'first: ',
      d2: 'unknown: ',
      d3: 'commits: l2',
    });
  });
});
