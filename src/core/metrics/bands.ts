/**
 * Bands: each measured figure as an answer of the Quick Check (value 1–6, 6 best), with the answer's
 * label as DORA words it (dora.dev, Quick Check answer options).
 */

/** A Quick Check answer value, 1 (worst) to 6 (best). */
export type BandValue = 1 | 2 | 3 | 4 | 5 | 6;

/** A band: the Quick Check answer a figure falls in. */
export interface Band {
  value: BandValue;
  label: string;
}

/** Deployment frequency answers (metrics contract §4). */
export const deploymentFrequencyLabels: Readonly<Record<BandValue, string>> = {
  6: 'On demand (multiple deploys per day)',
  5: 'Between once per hour and once per day',
  4: 'Between once per day and once per week',
  3: 'Between once per week and once per month',
  2: 'Between once per month and once every six months',
  1: 'Fewer than once per six months',
};

/** Lead time, time to restore and failed deployment recovery time answers. */
export const durationLabels: Readonly<Record<BandValue, string>> = {
  6: 'Less than one hour',
  5: 'Less than one day',
  4: 'One day to one week',
  3: 'One week to one month',
  2: 'One to six months',
  1: 'More than six months',
};

/** Change failure rate answers (Quick Check 2019–2022). */
export const changeFailureLabels: Readonly<Record<BandValue, string>> = {
  6: '0–15%',
  5: '16–30%',
  4: '31–45%',
  3: '46–60%',
  2: '61–75%',
  1: '76–100%',
};

const hour = 3_600;
const day = 24 * hour;
/** Upper bounds (exclusive, seconds) of duration bands 6, 5, 4, 3, 2. */
const durationBounds: readonly [BandValue, number][] = [
  [6, hour],
  [5, day],
  [4, 7 * day],
  [3, 30 * day],
  [2, 180 * day],
];

/** The deployment frequency band of a value 1–6 (the value is decided by `deploymentFrequency`). */
export function deploymentFrequencyBand(value: BandValue): Band {
  return { value, label: deploymentFrequencyLabels[value] };
}

/**
 * Band of a duration in seconds (lead time, recovery time, time to restore), by the median:
 * 6 < 1 hour, 5 < 1 day, 4 < 7 days, 3 < 30 days, 2 < 180 days, 1 otherwise.
 */
export function durationBand(seconds: number): Band {
  for (const [value, bound] of durationBounds) {
    if (seconds < bound) return { value, label: durationLabels[value] };
  }
  return { value: 1, label: durationLabels[1] };
}

/**
 * Band of a change failure rate given as failed of total deployments (total > 0), compared exactly in
 * integers: 6 ≤ 15 %, 5 ≤ 30 %, 4 ≤ 45 %, 3 ≤ 60 %, 2 ≤ 75 %, 1 otherwise.
 */
export function changeFailureBand(failed: number, total: number): Band {
  const percentBounds: readonly [BandValue, number][] = [
    [6, 15],
    [5, 30],
    [4, 45],
    [3, 60],
    [2, 75],
  ];
  for (const [value, bound] of percentBounds) {
    if (failed * 100 <= bound * total) return { value, label: changeFailureLabels[value] };
  }
  return { value: 1, label: changeFailureLabels[1] };
}
