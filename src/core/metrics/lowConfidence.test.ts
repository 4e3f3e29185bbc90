import { describe, expect, it } from 'vitest';
import { analyseDelivery } from './analyseDelivery.js';
import { change, day, deployment, eventSet, everyone, hour, measureConfig, monday } from './eventBuilders.js';
import { isLowConfidence, isLowConfidenceSample } from './lowConfidence.js';
import { summarise } from './summarise.js';

describe('isLowConfidenceSample', () => {
  it('marks fewer than 5 deployments, 10 changes or 5 incidents', () => {
    expect([4, 5].map((n) => isLowConfidenceSample('deployments', n))).toEqual([true, false]);
    expect([9, 10].map((n) => isLowConfidenceSample('changes', n))).toEqual([true, false]);
    expect([4, 5].map((n) => isLowConfidenceSample('incidents', n))).toEqual([true, false]);
  });
});

describe('isLowConfidence', () => {
  it('looks at the sample each metric rests on', () => {
    // 5 deployments each carrying one change: enough deployments, too few changes
    const changes = [0, 1, 2, 3, 4].map((i) => change('acme/a', `c${i}`, monday + i * day));
    const deployments = [0, 1, 2, 3, 4].map((i) =>
      deployment(`d${i}`, 'a', `c${i}`, monday + i * day + hour, { commits: [`c${i}`] }),
    );
    const model = analyseDelivery(
      eventSet({ changes, deployments }),
      measureConfig({ a: { repo: 'acme/a' } }),
    );
    const metrics = summarise(model, { from: monday, to: monday + 7 * day }, everyone, {
      now: monday,
      timezone: 'UTC',
    });
    expect(isLowConfidence(metrics, 'deploymentFrequency')).toBe(false);
    expect(isLowConfidence(metrics, 'changeFailureRate')).toBe(false);
    expect(isLowConfidence(metrics, 'leadTime')).toBe(true);
    expect(isLowConfidence(metrics, 'timeToRestore')).toBe(true);
  });
});
