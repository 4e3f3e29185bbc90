/**
 * The performance clusters of the State of DevOps reports (DORA, dora.dev): the typical answers of
 * each cluster and its share of respondents. 2018, 2019 and 2021 are confirmed from the reports;
 * 2022–2024 come from secondary summaries of them. In 2025 DORA replaced clusters with team profiles.
 */
import type { Tier } from './performanceTiers.js';
import type { BandValue } from './quickCheckEdition.js';

/** The typical answers of one cluster. */
export interface PerformanceCluster {
  tier: Tier;
  /** Share of the report's respondents, in percent. */
  sharePercent: number;
  deployfreq: BandValue;
  leadtime: BandValue;
  /** Time to restore (to 2022) or failed deployment recovery time (2023 on), as an answer 1–6. */
  recovery: BandValue;
  /** Change failure: a band 1–6 (to 2022) or a percentage (2023 on), see `changeFailureKind`. */
  changeFailure: number;
  note: string | null;
}

/** The clusters of one report year. */
export interface ClusterReport {
  year: '2018' | '2019' | '2021' | '2022' | '2023' | '2024';
  changeFailureKind: 'band' | 'percent';
  confirmedFromReport: boolean;
  clusters: readonly PerformanceCluster[];
}

const cluster = (
  tier: Tier,
  sharePercent: number,
  [deployfreq, leadtime, recovery, changeFailure]: readonly [BandValue, BandValue, BandValue, number],
  note: string | null = null,
): PerformanceCluster => ({ tier, sharePercent, deployfreq, leadtime, recovery, changeFailure, note });

/** The clusters by report year; answers given as [deploy frequency, lead time, recovery, change failure]. */
export const performanceClusters: readonly ClusterReport[] = [
  {
    year: '2018',
    changeFailureKind: 'band',
    confirmedFromReport: true,
    clusters: [
      cluster('elite', 7, [6, 6, 6, 6], 'The elite group is counted inside the high performers.'),
      cluster('high', 48, [5, 4, 5, 6]),
      cluster('medium', 37, [3, 3, 5, 6]),
      cluster('low', 15, [3, 2, 3, 3]),
    ],
  },
  {
    year: '2019',
    changeFailureKind: 'band',
    confirmedFromReport: true,
    clusters: [
      cluster('elite', 20, [6, 5, 6, 6]),
      cluster('high', 23, [4, 4, 5, 6]),
      cluster('medium', 44, [3, 3, 5, 6]),
      cluster('low', 12, [2, 2, 3, 3]),
    ],
  },
  {
    year: '2021',
    changeFailureKind: 'band',
    confirmedFromReport: true,
    clusters: [
      cluster('elite', 26, [6, 6, 6, 6]),
      cluster('high', 40, [3, 4, 5, 5]),
      cluster('medium', 28, [2, 2, 4, 5]),
      cluster('low', 7, [1, 1, 1, 5]),
    ],
  },
  {
    year: '2022',
    changeFailureKind: 'band',
    confirmedFromReport: false,
    clusters: [
      cluster('high', 11, [6, 4, 5, 6]),
      cluster('medium', 69, [3, 3, 4, 5]),
      cluster('low', 19, [2, 2, 3, 3]),
    ],
  },
  {
    year: '2023',
    changeFailureKind: 'percent',
    confirmedFromReport: false,
    clusters: [
      cluster('elite', 18, [6, 5, 6, 5]),
      cluster('high', 31, [4, 4, 5, 10]),
      cluster('medium', 33, [3, 3, 4, 15]),
      cluster('low', 17, [3, 3, 2, 64]),
    ],
  },
  {
    year: '2024',
    changeFailureKind: 'percent',
    confirmedFromReport: false,
    clusters: [
      cluster('elite', 19, [6, 5, 6, 5]),
      cluster('high', 22, [4, 4, 5, 20]),
      cluster('medium', 35, [3, 3, 5, 10]),
      cluster('low', 25, [2, 2, 3, 40]),
    ],
  },
];

/** The clusters of one report year. */
export function getClusterReport(year: ClusterReport['year']): ClusterReport {
  return performanceClusters.find((report) => report.year === year)!;
}
