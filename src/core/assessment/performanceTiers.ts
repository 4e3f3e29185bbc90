/**
 * The performance tiers of the 2019 Quick Check (DORA, dora.dev): by the average of the four answers
 * (1–6), up to 3.5 low, up to 4.4 medium, up to 5.2 high, above that elite; with DORA's tier colours.
 */

/** The tiers, lowest first. */
export const tierIds = ['low', 'medium', 'high', 'elite'] as const;

/** A 2019 performance tier. */
export type Tier = (typeof tierIds)[number];

/** A tier with the highest average it covers (inclusive; elite has none) and DORA's colour. */
export interface PerformanceTier {
  id: Tier;
  label: string;
  maxAverage: number | null;
  colour: string;
}

/** The four tiers, lowest first. */
export const performanceTiers: readonly PerformanceTier[] = [
  { id: 'low', label: 'Low', maxAverage: 3.5, colour: '#D93025' },
  { id: 'medium', label: 'Medium', maxAverage: 4.4, colour: '#FBBC04' },
  { id: 'high', label: 'High', maxAverage: 5.2, colour: '#34A853' },
  { id: 'elite', label: 'Elite', maxAverage: null, colour: '#0D652D' },
];

/** True when `id` names a tier. */
export function isTier(id: string): id is Tier {
  return (tierIds as readonly string[]).includes(id);
}

/**
 * The tier of an average answer (1–6). The average is first cleaned of binary noise, so an average
 * that is 4.4 in decimal (for instance 22/5, or 4.4000000000000004 from a sum) stays medium.
 */
export function tierForAverage(average: number): Tier {
  const cleaned = Number(average.toPrecision(12));
  for (const tier of performanceTiers) {
    if (tier.maxAverage !== null && cleaned <= tier.maxAverage) return tier.id;
  }
  return 'elite';
}

/** The full definition of a tier (label, colour). */
export function getPerformanceTier(id: Tier): PerformanceTier {
  return performanceTiers.find((tier) => tier.id === id)!;
}
