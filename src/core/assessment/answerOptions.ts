/**
 * The answer options of the Quick Check, worst (1) to best (6), with DORA's labels (dora.dev).
 */
import type { AnswerOption } from './quickCheckEdition.js';

const durations: readonly AnswerOption[] = [
  { value: 1, label: 'More than six months' },
  { value: 2, label: 'One to six months' },
  { value: 3, label: 'One week to one month' },
  { value: 4, label: 'One day to one week' },
  { value: 5, label: 'Less than one day' },
  { value: 6, label: 'Less than one hour' },
];

const deployFrequencyTail: readonly AnswerOption[] = [
  { value: 2, label: 'Between once per month and once every six months' },
  { value: 3, label: 'Between once per week and once per month' },
  { value: 4, label: 'Between once per day and once per week' },
  { value: 5, label: 'Between once per hour and once per day' },
  { value: 6, label: 'On demand (multiple deploys per day)' },
];

/** The option lists shared by the editions. */
export const answerOptions = {
  /** Lead time, time to restore and failed deployment recovery time. */
  durations,
  /** Deployment frequency, 2019–2022 ("Fewer than once per six months"). */
  deployFrequencyClassic: [
    { value: 1, label: 'Fewer than once per six months' },
    ...deployFrequencyTail,
  ] as readonly AnswerOption[],
  /** Deployment frequency, 2023 onwards ("Less than once per six months"). */
  deployFrequency2023: [
    { value: 1, label: 'Less than once per six months' },
    ...deployFrequencyTail,
  ] as readonly AnswerOption[],
  /** Change fail rate, 2019–2022. */
  changeFailBands: [
    { value: 1, label: '76–100%' },
    { value: 2, label: '61–75%' },
    { value: 3, label: '46–60%' },
    { value: 4, label: '31–45%' },
    { value: 5, label: '16–30%' },
    { value: 6, label: '0–15%' },
  ] as readonly AnswerOption[],
} as const;

/** The upper bound (inclusive) of each change fail band 6 … 2, as a rate 0–1; above 0.75 is band 1. */
const changeFailUpperBounds: readonly (readonly [number, AnswerOption['value']])[] = [
  [0.15, 6],
  [0.3, 5],
  [0.45, 4],
  [0.6, 3],
  [0.75, 2],
];

/** The change fail answer (1–6) of a measured rate 0–1: 6 up to 15 %, 5 up to 30 % … 1 above 75 %. */
export function changeFailBandForRate(rate: number): AnswerOption['value'] {
  for (const [bound, band] of changeFailUpperBounds) if (rate <= bound + 1e-12) return band;
  return 1;
}
