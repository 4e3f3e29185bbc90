import { describe, expect, it } from 'vitest';
import { analyseDelivery } from './analyseDelivery.js';
import { change, deployment, eventSet, hour, measureConfig, monday } from './eventBuilders.js';
import { leadTime, leadTimeStartOf } from './leadTime.js';
import { listChanges } from './listChanges.js';

// First commit 08:00, committed 10:00, pushed 10:30, PR opened 11:00, merged 13:00, deployed 15:00.
const at = (h: number): number => monday + h * hour;
const full = change('acme/shop', 'c1', at(10), {
  pushedAt: at(10.5),
  pr: { number: 7, firstCommitAt: at(8), openedAt: at(11), mergedAt: at(13) },
});
const bare = change('acme/shop', 'c2', at(10));

describe('leadTimeStartOf', () => {
  it('starts at the first commit of the pull request by default, else at the commit', () => {
    expect(leadTimeStartOf(full, 'firstCommitAt')).toBe(at(8));
    expect(leadTimeStartOf(bare, 'firstCommitAt')).toBe(at(10));
  });

  it('can start at the commit, the push or the pull request opening, falling back to the commit', () => {
    expect(leadTimeStartOf(full, 'committedAt')).toBe(at(10));
    expect(leadTimeStartOf(full, 'pushedAt')).toBe(at(10.5));
    expect(leadTimeStartOf(full, 'prOpenedAt')).toBe(at(11));
    expect(leadTimeStartOf(bare, 'pushedAt')).toBe(at(10));
    expect(leadTimeStartOf(bare, 'prOpenedAt')).toBe(at(10));
  });
});

describe('leadTime', () => {
  it('measures in seconds from the chosen start to the deployment finish', () => {
    expect(leadTime(full, at(15), 'firstCommitAt').leadTimeSeconds).toBe(7 * 3600); // 08:00 → 15:00
    expect(leadTime(full, at(15), 'committedAt').leadTimeSeconds).toBe(5 * 3600); // 10:00 → 15:00
    expect(leadTime(full, at(15), 'pushedAt').leadTimeSeconds).toBe(4.5 * 3600); // 10:30 → 15:00
    expect(leadTime(full, at(15), 'prOpenedAt').leadTimeSeconds).toBe(4 * 3600); // 11:00 → 15:00
  });

  it('keeps seconds, never rounding to whole hours', () => {
    expect(leadTime(bare, at(10) + 90_500, 'committedAt').leadTimeSeconds).toBe(90.5);
  });

  it('splits into coding, review and waiting', () => {
    expect(leadTime(full, at(15), 'firstCommitAt')).toMatchObject({
      codingSeconds: 3 * 3600, // 08:00 → PR opened 11:00
      reviewSeconds: 2 * 3600, // 11:00 → merged 13:00
      waitingSeconds: 2 * 3600, // merged 13:00 → deployed 15:00
    });
  });

  it('uses the push for the parts when there is no pull request', () => {
    const pushedOnly = change('acme/shop', 'c3', at(10), { pushedAt: at(12) });
    expect(leadTime(pushedOnly, at(15), 'firstCommitAt')).toMatchObject({
      codingSeconds: 2 * 3600, // 10:00 → pushed 12:00
      reviewSeconds: null,
      waitingSeconds: 3 * 3600, // pushed 12:00 → deployed 15:00
    });
    expect(leadTime(bare, at(15), 'firstCommitAt')).toMatchObject({
      codingSeconds: null,
      reviewSeconds: null,
      waitingSeconds: null,
    });
  });

  it('drops a negative duration and marks it, but keeps zero', () => {
    expect(leadTime(bare, at(9), 'committedAt')).toMatchObject({ leadTimeSeconds: null, negative: true });
    expect(leadTime(bare, at(10), 'committedAt')).toMatchObject({ leadTimeSeconds: 0, negative: false });
  });
});

describe('lead time in the model', () => {
  it('follows the configured start and counts negative durations as data-quality problems', () => {
    const early = change('acme/shop', 'early', at(20), { parents: ['c1'] }); // committed after the deployment
    const changes = [{ ...full, parents: [] }, early];
    const deployments = [
      deployment('d0', 'shop', 'c0', at(0)),
      deployment('d1', 'shop', 'early', at(15), { commits: ['c1', 'early'] }),
    ];
    const window = { from: at(0), to: at(24) };
    const byCommit = measureConfig({ shop: { repo: 'acme/shop' } }, { leadTimeStart: 'committedAt' });
    const model = analyseDelivery(eventSet({ changes, deployments }), byCommit);
    expect(model.dataQuality.negativeLeadTimes).toBe(1);
    expect(listChanges(model, window, () => true).map((c) => [c.sha, c.leadTimeSeconds, c.negative])).toEqual(
      [
        ['c1', 5 * 3600, false],
        ['early', null, true],
      ],
    );
  });
});
