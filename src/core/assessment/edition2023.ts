/**
 * The 2023 Quick Check (DORA, dora.dev; State of DevOps 2023): 0–10 scores per metric, overall,
 * throughput and stability, against industry benchmarks (mean ± sd). Change failure is published
 * already "higher is better".
 */
import { benchmarkTable } from './benchmarkTable.js';
import { doraReference } from './doraSource.js';
import type { ScoreEdition } from './quickCheckEdition.js';
import { quickCheckQuestions as q } from './quickCheckQuestions.js';

const source = doraReference('DORA Quick Check, 2023 edition', 'quickcheck');

/** The 2023 edition. */
export const edition2023: ScoreEdition = {
  id: '2023',
  year: 2023,
  title: 'Quick Check 2023 (State of DevOps 2023)',
  current: false,
  method: 'score',
  questions: [q.leadTime, q.deployFrequency2023, q.recoveryTime, q.changeFailurePercentage],
  throughputKeys: ['leadtime', 'deployfreq', 'failurerecovery'],
  stabilityKeys: ['changefailure'],
  industryBenchmarks: benchmarkTable({
    dimension: 'industry',
    title: 'Quick Check 2023 industry benchmarks',
    columns: ['overall', 'leadtime', 'deployfreq', 'changefailure', 'failurerecovery'],
    storedHigherIsWorse: [],
    overallComparable: true,
    source,
    rows: [
      ['all', 'all', 'All industries', [6.3, 2.0], [5.2, 2.6], [5.2, 2.8], [7.8, 2.4], [7.1, 2.5]],
      ['education', 'education', 'Education', [6.5, 2.4], [5.5, 3.1], [5.6, 3.3], [8.2, 2.1], [6.7, 3.1]],
      ['energy', 'energy', 'Energy', [6.1, 2.1], [5.0, 2.4], [4.9, 3.0], [7.3, 2.7], [6.6, 2.3]],
      [
        'financial_services',
        'financial_services',
        'Financial Services',
        [6.5, 1.8],
        [5.2, 2.5],
        [5.2, 2.7],
        [7.8, 2.3],
        [7.4, 2.3],
      ],
      ['government', 'government', 'Government', [6.2, 1.8], [4.8, 2.9], [4.6, 3.0], [8.0, 2.3], [6.9, 2.5]],
      [
        'healthcare_pharmaceuticals',
        'healthcare_pharmaceuticals',
        'Healthcare & Pharmaceuticals',
        [6.0, 1.8],
        [4.5, 2.4],
        [4.7, 2.6],
        [7.7, 2.4],
        [6.9, 2.3],
      ],
      [
        'industrials_manufacturing',
        'industrials_manufacturing',
        'Industrials & Manufacturing',
        [5.7, 1.7],
        [4.7, 2.4],
        [3.9, 2.3],
        [7.5, 2.5],
        [6.6, 2.4],
      ],
      ['insurance', 'insurance', 'Insurance', [6.2, 1.7], [4.6, 2.3], [5.1, 2.7], [7.7, 2.2], [7.3, 2.1]],
      [
        'media_entertainment',
        'media_entertainment',
        'Media/Entertainment',
        [7.2, 1.9],
        [6.2, 2.6],
        [6.2, 3.1],
        [8.3, 2.0],
        [7.9, 2.1],
      ],
      ['non_profit', 'non_profit', 'Non-profit', [6.2, 2.5], [5.4, 3.0], [4.8, 3.5], [7.4, 3.0], [7.0, 2.9]],
      [
        'consumer',
        'consumer',
        'Retail/Consumer/e-Commerce',
        [6.5, 2.1],
        [5.5, 2.6],
        [5.6, 2.9],
        [7.8, 2.5],
        [7.2, 2.7],
      ],
      ['technology', 'technology', 'Technology', [6.3, 2.0], [5.3, 2.6], [5.3, 2.8], [7.6, 2.5], [7.0, 2.5]],
      [
        'telecommunications',
        'telecommunications',
        'Telecommunications',
        [6.2, 1.7],
        [4.7, 2.4],
        [4.6, 2.7],
        [8.0, 2.0],
        [7.0, 2.5],
      ],
      ['other', 'other', 'Other', [6.7, 1.8], [5.0, 2.5], [5.4, 2.9], [8.2, 2.2], [7.6, 2.1]],
    ],
  }),
  organisationSizeBenchmarks: null,
  clusterReport: '2023',
  source,
};
