/**
 * Which capabilities the Quick Check recommends (DORA, dora.dev). 2019: three per performance tier,
 * with the mean capability score (0–100) of all respondents and of the tier; 2021 onwards: a fixed
 * trio for everyone.
 */
import type { CapabilitySlug } from './capability.js';
import type { Tier } from './performanceTiers.js';
import type { EditionId } from './quickCheckEdition.js';

/** A capability recommended to a 2019 tier, with DORA's reference means on 0–100. */
export interface TierCapability {
  slug: CapabilitySlug;
  /** Mean capability score of all respondents. */
  allRespondentsMean: number;
  /** Mean capability score of the respondents in the tier. */
  tierMean: number;
}

/** The three capabilities of each 2019 tier. */
export const tierCapabilities2019: Readonly<Record<Tier, readonly TierCapability[]>> = {
  low: [
    { slug: 'test-automation', allRespondentsMean: 63, tierMean: 53 },
    { slug: 'flexible-infrastructure', allRespondentsMean: 64, tierMean: 55 },
    { slug: 'code-maintainability', allRespondentsMean: 65, tierMean: 56 },
  ],
  medium: [
    { slug: 'continuous-integration', allRespondentsMean: 66, tierMean: 61 },
    { slug: 'continuous-delivery', allRespondentsMean: 65, tierMean: 61 },
    { slug: 'loosely-coupled-teams', allRespondentsMean: 56, tierMean: 51 },
  ],
  high: [
    { slug: 'learning-culture', allRespondentsMean: 82, tierMean: 85 },
    { slug: 'wip-limits', allRespondentsMean: 54, tierMean: 56 },
    { slug: 'trunk-based-development', allRespondentsMean: 54, tierMean: 60 },
  ],
  elite: [
    { slug: 'generative-organizational-culture', allRespondentsMean: 77, tierMean: 85 },
    { slug: 'monitoring-and-observability', allRespondentsMean: 67, tierMean: 75 },
    { slug: 'working-in-small-batches', allRespondentsMean: 61, tierMean: 83 },
  ],
};

/** The trio every team is offered from 2021 on. */
export const fixedTrio: readonly CapabilitySlug[] = [
  'continuous-integration',
  'loosely-coupled-teams',
  'generative-organizational-culture',
];

/** The capabilities an edition recommends: the tier's three in 2019, else the fixed trio. */
export function recommendedCapabilities(edition: EditionId, tier: Tier | null): CapabilitySlug[] {
  if (edition === '2019' && tier !== null) return tierCapabilities2019[tier].map((entry) => entry.slug);
  return [...fixedTrio];
}
