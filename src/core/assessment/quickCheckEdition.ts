/**
 * The shape of a Quick Check edition (dora.dev): its questions, how it scores and what it compares
 * with. The data of each edition lives in `edition<year>.ts`.
 */
import type { SourceReference } from './doraSource.js';
import type { IndustryKey } from './industries.js';
import type { OrganisationSizeKey } from './organisationSizes.js';

/** The editions, oldest first. */
export const editionIds = ['2019', '2021', '2022', '2023', '2024', '2025'] as const;

/** A Quick Check edition, named after the State of DevOps report year it follows. */
export type EditionId = (typeof editionIds)[number];

/** The current edition, used when none is chosen. */
export const currentEditionId: EditionId = '2025';

/** True when `id` names an edition. */
export function isEditionId(id: string): id is EditionId {
  return (editionIds as readonly string[]).includes(id);
}

/** Every answer key any edition uses. */
export const answerKeys = [
  'leadtime',
  'deployfreq',
  'ttr',
  'chgfail',
  'failurerecovery',
  'changefailure',
  'rework',
] as const;

/** The key of one Quick Check answer, as DORA's Quick Check names it. */
export type AnswerKey = (typeof answerKeys)[number];

/** An answer chosen from six options: 1 worst, 6 best. */
export type BandValue = 1 | 2 | 3 | 4 | 5 | 6;

/** What a question measures, in the words of our metrics engine. */
export type DeliveryMeasure =
  | 'leadTime'
  | 'deploymentFrequency'
  | 'timeToRestore'
  | 'recoveryTime'
  | 'changeFailureRate'
  | 'reworkRate';

/** One option of a six-option question, with DORA's label. */
export interface AnswerOption {
  value: BandValue;
  label: string;
}

interface QuestionCommon {
  key: AnswerKey;
  measure: DeliveryMeasure;
  /** Short name of the measure. */
  title: string;
  /** The question, in our words. */
  stem: string;
  /** What a facilitator says to help a team answer honestly and consistently. */
  tips: readonly string[];
}

/** A question answered by choosing one of six options (1 worst … 6 best). */
export interface OptionQuestion extends QuestionCommon {
  kind: 'option';
  options: readonly AnswerOption[];
}

/** A question answered with a percentage from 0 to 100 (lower is better). */
export interface PercentageQuestion extends QuestionCommon {
  kind: 'percentage';
  min: 0;
  max: 100;
}

/** A question of an edition. */
export type Question = OptionQuestion | PercentageQuestion;

/** Answers of the 2019, 2021 and 2022 editions (each 1–6, 6 best). */
export interface ClassicAnswers {
  leadtime: BandValue;
  deployfreq: BandValue;
  ttr: BandValue;
  chgfail: BandValue;
}

/** Answers of the 2023 and 2024 editions: three of 1–6 and the change failure percentage 0–100. */
export interface Answers2023 {
  leadtime: BandValue;
  deployfreq: BandValue;
  failurerecovery: BandValue;
  changefailure: number;
}

/** Answers of the 2025 edition: those of 2023 and the deployment rework percentage 0–100. */
export interface Answers2025 extends Answers2023 {
  rework: number;
}

/** The answers an edition asks for. */
export type AnswersFor<E extends EditionId> = E extends '2019' | '2021' | '2022'
  ? ClassicAnswers
  : E extends '2025'
    ? Answers2025
    : Answers2023;

/** The normal model behind "better than N% of respondents": mean and sd of the average answer. */
export interface PercentileModel {
  mean: number;
  sd: number;
}

/**
 * Industry baselines of the 2019–2022 Quick Checks: per industry, the typical answer to lead time,
 * deploy frequency, time to restore and change fail. 2019 publishes them on a 0–100 scale, 20·(v − 1);
 * 2021 and 2022 on the answer scale 1–6.
 */
export interface BaselineTable {
  scale: 'percent' | 'answer';
  rows: Readonly<Record<IndustryKey, readonly [number, number, number, number]>>;
}

/** A column of a benchmark table: an answer, or an aggregate of them. */
export type BenchmarkColumn =
  | 'overall'
  | 'throughput'
  | 'stability'
  | 'leadtime'
  | 'deployfreq'
  | 'failurerecovery'
  | 'changefailure'
  | 'rework';

/** A mean and standard deviation on the 0–10 scale. */
export interface MeanSd {
  mean: number;
  sd: number;
}

/** One row of a benchmark table: an industry or an organisation size, as DORA stores it. */
export interface BenchmarkRow<K extends string = string> {
  key: K;
  /** DORA's key for the row in its published table. */
  doraKey: string;
  name: string;
  /** Means and sds exactly as published (see `storedHigherIsWorse`). */
  values: Partial<Record<BenchmarkColumn, MeanSd>>;
}

/** A benchmark table of a 2023+ edition, with the conventions needed to read it. */
export interface BenchmarkTable<K extends string = string> {
  dimension: 'industry' | 'organisationSize';
  title: string;
  /** Columns stored the other way round (higher is worse): shown as 10 − mean, sd unchanged. */
  storedHigherIsWorse: readonly BenchmarkColumn[];
  /** False when the published overall figure is on another basis and must be recomputed. */
  overallComparable: boolean;
  /** Warnings to show wherever a column is shown. */
  cautions: Partial<Record<BenchmarkColumn, string>>;
  rows: readonly BenchmarkRow<K>[];
  source: SourceReference;
}

interface EditionCommon {
  id: EditionId;
  year: number;
  title: string;
  /** True for the current edition. */
  current: boolean;
  questions: readonly Question[];
  source: SourceReference;
}

/** 2019: a performance tier, a percentile, three capabilities per tier. */
export interface TierEdition extends EditionCommon {
  id: '2019';
  method: 'tier';
  percentileModel: PercentileModel;
  industryBaselines: BaselineTable;
}

/** 2021 and 2022: a percentile only, and a fixed trio of capabilities. */
export interface PercentileEdition extends EditionCommon {
  id: '2021' | '2022';
  method: 'percentile';
  percentileModel: PercentileModel;
  industryBaselines: BaselineTable;
}

/** 2023 onwards: 0–10 scores per metric, overall, throughput and stability, against benchmarks. */
export interface ScoreEdition extends EditionCommon {
  id: '2023' | '2024' | '2025';
  method: 'score';
  throughputKeys: readonly AnswerKey[];
  stabilityKeys: readonly AnswerKey[];
  industryBenchmarks: BenchmarkTable<IndustryKey>;
  organisationSizeBenchmarks: BenchmarkTable<OrganisationSizeKey> | null;
  /** The report whose performance clusters the answers may be compared with, if any. */
  clusterReport: '2023' | '2024' | null;
}

/** An edition of the Quick Check, by its scoring method. */
export type QuickCheckEdition = TierEdition | PercentileEdition | ScoreEdition;
