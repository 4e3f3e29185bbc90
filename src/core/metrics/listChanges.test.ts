import { describe, expect, it } from 'vitest';
import { analyseDelivery } from './analyseDelivery.js';
import { change, deployment, eventSet, everyone, hour, measureConfig, monday } from './eventBuilders.js';
import { listChanges } from './listChanges.js';

const T = monday;

describe('listChanges', () => {
  it('gives each carried change with its lead time and parts in seconds', () => {
    const changes = [
      change('acme/shop', 'base', T - hour, { parents: [] }),
      change('acme/shop', 'feat', T, {
        parents: ['base'],
        pushedAt: T + hour,
        labels: ['feature'],
        pr: { firstCommitAt: T - 2 * hour, openedAt: T + hour, mergedAt: T + 3 * hour },
      }),
    ];
    const deployments = [deployment('d0', 'shop', 'base', T), deployment('d1', 'shop', 'feat', T + 4 * hour)];
    const model = analyseDelivery(
      eventSet({ changes, deployments }),
      measureConfig({ shop: { repo: 'acme/shop' } }),
    );
    expect(listChanges(model, { from: T, to: T + 5 * hour }, everyone)).toEqual([
      {
        repo: 'acme/shop',
        sha: 'feat',
        service: 'shop',
        deployment: { source: 'ci', id: 'd1' },
        finishedAt: T + 4 * hour,
        startAt: T - 2 * hour, // first commit of the pull request
        leadTimeSeconds: 6 * 3600, // −2 h → +4 h
        negative: false,
        codingSeconds: 3 * 3600, // −2 h → opened +1 h
        reviewSeconds: 2 * 3600, // opened +1 h → merged +3 h
        waitingSeconds: 3600, // merged +3 h → deployed +4 h
        labels: ['feature'],
        reverts: [],
      },
    ]);
    expect(listChanges(model, { from: T + 5 * hour, to: T + 6 * hour }, everyone)).toEqual([]);
  });
});
