/**
 * The 2019 Quick Check (DORA, dora.dev; State of DevOps 2019): four questions answered 1–6, a
 * performance tier, "better than N% of respondents" and industry baselines on a 0–100 scale.
 */
import { doraReference } from './doraSource.js';
import type { TierEdition } from './quickCheckEdition.js';
import { quickCheckQuestions as q } from './quickCheckQuestions.js';

/** The 2019 edition. Baselines: 20·(v − 1) for lead time, deploy frequency, time to restore, change fail. */
export const edition2019: TierEdition = {
  id: '2019',
  year: 2019,
  title: 'Quick Check 2019 (State of DevOps 2019)',
  current: false,
  method: 'tier',
  questions: [q.leadTime, q.deployFrequencyClassic, q.timeToRestore, q.changeFailBand],
  percentileModel: { mean: 4.251338, sd: 1.000992 },
  industryBaselines: {
    scale: 'percent',
    rows: {
      all: [50, 49, 78, 88],
      education: [52, 49, 73, 96],
      energy: [40, 35, 73, 81],
      financial_services: [46, 44, 78, 84],
      government: [38, 36, 70, 88],
      healthcare_pharmaceuticals: [41, 42, 68, 82],
      industrials_manufacturing: [40, 39, 79, 91],
      insurance: [49, 51, 80, 91],
      media_entertainment: [58, 65, 85, 85],
      non_profit: [67, 73, 93, 98],
      consumer: [59, 67, 87, 89],
      technology: [51, 51, 78, 90],
      telecommunications: [44, 43, 79, 81],
      other: [51, 48, 80, 89],
    },
  },
  source: doraReference('DORA Quick Check, 2019 edition', 'quickcheck'),
};
