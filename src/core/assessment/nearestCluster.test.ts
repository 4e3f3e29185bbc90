import { describe, expect, it } from 'vitest';
import { nearestCluster } from './nearestCluster.js';
import { getClusterReport, performanceClusters } from './performanceClusters.js';

describe('nearestCluster', () => {
  it('finds a cluster at distance 0 from its own typical answers', () => {
    for (const report of ['2023', '2024'] as const) {
      for (const cluster of getClusterReport(report).clusters) {
        const answers = {
          leadtime: cluster.leadtime,
          deployfreq: cluster.deployfreq,
          failurerecovery: cluster.recovery,
          changefailure: cluster.changeFailure,
        };
        const nearest = nearestCluster(report, answers);
        expect(nearest.tier).toBe(cluster.tier);
        expect(nearest.distance).toBe(0);
        expect(nearest.sharePercent).toBe(cluster.sharePercent);
      }
    }
  });

  it('measures the distance on the 0–10 score scale', () => {
    // 2024 low is (deploy 2, lead 2, cf 40 %, recovery 3) → scores 2, 2, 6, 4.
    const nearest = nearestCluster('2024', {
      leadtime: 1,
      deployfreq: 2,
      failurerecovery: 3,
      changefailure: 40,
    });
    expect(nearest.tier).toBe('low');
    expect(nearest.distance).toBeCloseTo(2, 12);
    expect(nearest.distances.map((entry) => entry.tier)[0]).toBe('low');
    expect(nearest.distances).toHaveLength(4);
  });

  it('says it is a comparison of ours, not a verdict of DORA', () => {
    const nearest = nearestCluster('2023', {
      leadtime: 6,
      deployfreq: 6,
      failurerecovery: 6,
      changefailure: 0,
    });
    expect(nearest.tier).toBe('elite');
    expect(nearest.label).toBe('Nearest cluster of the 2023 report');
    expect(nearest.disclaimer).toContain('not a classification made by DORA');
  });

  it('keeps the cluster data of every report year', () => {
    expect(performanceClusters.map((report) => report.year)).toEqual([
      '2018',
      '2019',
      '2021',
      '2022',
      '2023',
      '2024',
    ]);
    expect(getClusterReport('2022').clusters.map((cluster) => cluster.tier)).toEqual([
      'high',
      'medium',
      'low',
    ]);
    expect(getClusterReport('2023').clusters.find((cluster) => cluster.tier === 'low')?.changeFailure).toBe(
      64,
    );
    expect(getClusterReport('2019').confirmedFromReport).toBe(true);
    expect(getClusterReport('2024').confirmedFromReport).toBe(false);
  });
});
