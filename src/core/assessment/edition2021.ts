/**
 * The 2021 Quick Check (DORA, dora.dev; State of DevOps 2021): the 2019 questions, a percentile
 * only, industry baselines on the answer scale 1–6.
 */
import { doraReference } from './doraSource.js';
import type { PercentileEdition } from './quickCheckEdition.js';
import { quickCheckQuestions as q } from './quickCheckQuestions.js';

/** The 2021 edition. Baselines: typical answer (1–6) for lead time, deploy frequency, time to restore, change fail. */
export const edition2021: PercentileEdition = {
  id: '2021',
  year: 2021,
  title: 'Quick Check 2021 (State of DevOps 2021)',
  current: false,
  method: 'percentile',
  questions: [q.leadTime, q.deployFrequencyClassic, q.timeToRestore, q.changeFailBand],
  percentileModel: { mean: 3.9495, sd: 1.0547 },
  industryBaselines: {
    scale: 'answer',
    rows: {
      all: [3.27, 3.33, 4.28, 4.9],
      education: [2.81, 3.08, 3.62, 4.92],
      energy: [2.77, 2.83, 3.68, 4.6],
      financial_services: [3.15, 3.22, 4.25, 4.92],
      government: [3.04, 3.06, 4.51, 4.94],
      healthcare_pharmaceuticals: [3.41, 3.5, 4.56, 5.1],
      industrials_manufacturing: [2.76, 2.9, 3.92, 4.68],
      insurance: [3.17, 2.98, 4.1, 4.89],
      media_entertainment: [3.88, 4.1, 4.7, 4.85],
      non_profit: [3.27, 3.52, 4.19, 4.87],
      other: [2.94, 3.2, 4.24, 4.95],
      consumer: [3.48, 3.67, 4.26, 4.74],
      technology: [3.55, 3.44, 4.46, 4.94],
      telecommunications: [3.04, 3.21, 4.17, 5.18],
    },
  },
  source: doraReference('DORA Quick Check, 2021 edition', 'quickcheck'),
};
