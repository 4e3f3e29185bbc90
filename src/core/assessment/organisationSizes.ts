/**
 * Organisation sizes of the Quick Check benchmarks (published for the 2024 and 2025 editions,
 * dora.dev). Our keys are stable across editions; each edition's table keeps DORA's own key
 * (`doraKey`), which is accepted as an alias. The 2025 table has no 10–19 employees row.
 */

/** Every organisation size key, `all` first, smallest to largest. */
export const organisationSizeKeys = [
  'all',
  'solo',
  'fewer_than_10',
  'fewer_than_20',
  'fewer_than_100',
  'fewer_than_500',
  'fewer_than_1000',
  'fewer_than_5000',
  'fewer_than_10000',
  'more_than_9999',
] as const;

/** A stable organisation size key. */
export type OrganisationSizeKey = (typeof organisationSizeKeys)[number];

/** True when `key` is one of our organisation size keys. */
export function isOrganisationSizeKey(key: string): key is OrganisationSizeKey {
  return (organisationSizeKeys as readonly string[]).includes(key);
}
