/**
 * The 2022 Quick Check (DORA, dora.dev; State of DevOps 2022): the 2019 questions, a percentile
 * only, industry baselines on the answer scale 1–6.
 */
import { doraReference } from './doraSource.js';
import type { PercentileEdition } from './quickCheckEdition.js';
import { quickCheckQuestions as q } from './quickCheckQuestions.js';

/** The 2022 edition. Baselines: typical answer (1–6) for lead time, deploy frequency, time to restore, change fail. */
export const edition2022: PercentileEdition = {
  id: '2022',
  year: 2022,
  title: 'Quick Check 2022 (State of DevOps 2022)',
  current: false,
  method: 'percentile',
  questions: [q.leadTime, q.deployFrequencyClassic, q.timeToRestore, q.changeFailBand],
  percentileModel: { mean: 3.8187, sd: 1.0642 },
  industryBaselines: {
    scale: 'answer',
    rows: {
      all: [3.24, 3.3, 4.21, 4.53],
      education: [3.14, 3.05, 4.21, 4.75],
      energy: [3.24, 3.29, 4.19, 4.65],
      financial_services: [3.38, 3.49, 4.6, 4.95],
      government: [3.22, 3.09, 4.26, 5.23],
      healthcare_pharmaceuticals: [3.15, 3.22, 4.19, 4.55],
      industrials_manufacturing: [3, 3.1, 4.12, 4.53],
      insurance: [3.08, 2.79, 3.71, 3.97],
      media_entertainment: [3.18, 3.64, 3.82, 4.56],
      non_profit: [3.13, 3.23, 3.3, 4.22],
      other: [3.46, 3.61, 4.53, 5.08],
      consumer: [3.48, 3.62, 4.74, 4.86],
      technology: [3.22, 3.25, 4.09, 4.29],
      telecommunications: [2.9, 2.94, 4.02, 4.34],
    },
  },
  source: doraReference('DORA Quick Check, 2022 edition', 'quickcheck'),
};
