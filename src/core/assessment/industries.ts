/**
 * The industries the Quick Check asks about (dora.dev), with the stable keys of DORA's benchmark
 * tables. `all` stands for every respondent and is the default comparison.
 */

/** Every industry key, `all` first. */
export const industryKeys = [
  'all',
  'education',
  'energy',
  'financial_services',
  'government',
  'healthcare_pharmaceuticals',
  'industrials_manufacturing',
  'insurance',
  'media_entertainment',
  'non_profit',
  'consumer',
  'technology',
  'telecommunications',
  'other',
] as const;

/** A stable industry key, as in DORA's benchmark tables. */
export type IndustryKey = (typeof industryKeys)[number];

/** An industry as offered in the Quick Check. */
export interface Industry {
  key: IndustryKey;
  name: string;
}

/** Every industry with DORA's name for it, `all` first. */
export const industries: readonly Industry[] = [
  { key: 'all', name: 'All industries' },
  { key: 'education', name: 'Education' },
  { key: 'energy', name: 'Energy' },
  { key: 'financial_services', name: 'Financial Services' },
  { key: 'government', name: 'Government' },
  { key: 'healthcare_pharmaceuticals', name: 'Healthcare & Pharmaceuticals' },
  { key: 'industrials_manufacturing', name: 'Industrials & Manufacturing' },
  { key: 'insurance', name: 'Insurance' },
  { key: 'media_entertainment', name: 'Media/Entertainment' },
  { key: 'non_profit', name: 'Non-profit' },
  { key: 'consumer', name: 'Retail/Consumer/e-Commerce' },
  { key: 'technology', name: 'Technology' },
  { key: 'telecommunications', name: 'Telecommunications' },
  { key: 'other', name: 'Other' },
];

/** True when `key` is one of the industry keys. */
export function isIndustryKey(key: string): key is IndustryKey {
  return (industryKeys as readonly string[]).includes(key);
}

/** DORA's name of an industry. */
export function getIndustryName(key: IndustryKey): string {
  return industries.find((industry) => industry.key === key)?.name ?? key;
}
