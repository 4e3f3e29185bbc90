/**
 * Scores a Quick Check (DORA, dora.dev) in a chosen edition: 2019 a tier and a percentile, 2021 and
 * 2022 a percentile, 2023 on 0–10 scores against benchmarks; always the recommended capabilities.
 * Bad input comes back as problems naming the field and what it allows; nothing is thrown.
 */
import type { AssessmentProblem, Outcome } from './assessmentProblem.js';
import type { CapabilitySlug } from './capability.js';
import { type BaselineComparison, compareWithBaseline } from './compareWithBaseline.js';
import {
  type BenchmarkComparison,
  compareWithBenchmark,
  type ScoreToCompare,
} from './compareWithBenchmark.js';
import type { SourceReference } from './doraSource.js';
import { type IndustryKey, industryKeys, isIndustryKey } from './industries.js';
import { mean, metricScore, type Score, scoreOptionAnswer, scorePercentageAnswer } from './metricScore.js';
import { type NearestCluster, nearestCluster } from './nearestCluster.js';
import { percentileForAverage } from './percentileForAverage.js';
import { getPerformanceTier, type Tier, tierForAverage } from './performanceTiers.js';
import type {
  AnswerKey,
  Answers2023,
  Answers2025,
  BenchmarkTable,
  ClassicAnswers,
  EditionId,
  PercentileEdition,
  QuickCheckEdition,
  ScoreEdition,
} from './quickCheckEdition.js';
import { editionIds, isEditionId } from './quickCheckEdition.js';
import { getEdition } from './quickCheckEditions.js';
import { recommendedCapabilities } from './recommendedCapabilities.js';
import { validateAnswers } from './validateAnswers.js';

/** What to compare with: an industry (default `all`) and, where published, an organisation size. */
export interface QuickCheckOptions {
  industry?: string | undefined;
  organisationSize?: string | undefined;
}

interface ResultCommon {
  editionTitle: string;
  /** Capability slugs to work on, as the edition recommends them. */
  recommendedCapabilities: CapabilitySlug[];
  source: SourceReference;
}

/** 2019: the tier, its colour, the percentile and the industry baseline comparison (0–100). */
export interface TierResult extends ResultCommon {
  method: 'tier';
  edition: '2019';
  answers: ClassicAnswers;
  /** Mean of the four answers, 1–6. */
  average: number;
  tier: Tier;
  tierColour: string;
  /** Better than this percentage of respondents. */
  percentile: number;
  industryComparison: BaselineComparison;
}

/** 2021 and 2022: the percentile and the industry baseline comparison (1–6). */
export interface PercentileResult extends ResultCommon {
  method: 'percentile';
  edition: '2021' | '2022';
  answers: ClassicAnswers;
  average: number;
  percentile: number;
  industryComparison: BaselineComparison;
}

/** A metric's 0–10 score. */
export interface MetricScore {
  key: AnswerKey;
  title: string;
  score: Score;
}

/** The 0–10 scores of a 2023+ Quick Check. */
export interface QuickCheckScores {
  metrics: MetricScore[];
  overall: Score;
  throughput: Score;
  stability: Score;
}

/** 2023 on: the scores, the benchmark comparisons and (2023, 2024) the nearest report cluster. */
export interface ScoreResult extends ResultCommon {
  method: 'score';
  edition: '2023' | '2024' | '2025';
  answers: Answers2023 | Answers2025;
  scores: QuickCheckScores;
  benchmark: { industry: BenchmarkComparison; organisationSize: BenchmarkComparison | null };
  nearestCluster: NearestCluster | null;
}

/** The result of any edition, told apart by `method`. */
export type QuickCheckResult = TierResult | PercentileResult | ScoreResult;

const classicAverage = (answers: ClassicAnswers): number =>
  (answers.leadtime + answers.deployfreq + answers.ttr + answers.chgfail) / 4;

function findSizeRow(table: BenchmarkTable, key: string) {
  return table.rows.find((row) => row.key === key || row.doraKey === key);
}

/**
 * Checks the comparison options against an edition: the industry key, and an organisation size only
 * where the edition publishes them (and then one of its rows). Returns every problem found.
 */
export function checkQuickCheckOptions(
  edition: QuickCheckEdition,
  options: QuickCheckOptions,
): AssessmentProblem[] {
  const problems: AssessmentProblem[] = [];
  const industry = options.industry ?? 'all';
  if (!isIndustryKey(industry)) {
    const allowed = industryKeys.join(', ');
    problems.push({
      code: 'unknown-industry',
      field: 'industry',
      message: `must be one of ${allowed}`,
      allowed,
    });
  }
  const size = options.organisationSize;
  if (size === undefined) return problems;
  const table = edition.method === 'score' ? edition.organisationSizeBenchmarks : null;
  if (table === null) {
    problems.push({
      code: 'organisation-size-not-published',
      field: 'organisationSize',
      message: `has no published benchmarks in the ${edition.id} edition (only 2024 and 2025); leave it out`,
      allowed: 'no organisation size',
    });
  } else if (findSizeRow(table, size) === undefined) {
    const allowed = table.rows.map((row) => row.key).join(', ');
    problems.push({
      code: 'unknown-organisation-size',
      field: 'organisationSize',
      message: `must be one of ${allowed}`,
      allowed,
    });
  }
  return problems;
}

function scoreEdition(
  edition: ScoreEdition,
  answers: Answers2023 | Answers2025,
  industry: IndustryKey,
  organisationSize: string | undefined,
): ScoreResult {
  const values = answers as unknown as Readonly<Record<AnswerKey, number>>;
  const metrics = edition.questions.map((question): MetricScore => {
    const value = values[question.key];
    const score = question.kind === 'option' ? scoreOptionAnswer(value) : scorePercentageAnswer(value);
    return { key: question.key, title: question.title, score: metricScore(score) };
  });
  const scoreOf = (key: AnswerKey): number => metrics.find((metric) => metric.key === key)!.score.value;
  const keys = metrics.map((metric) => metric.key);
  const overall = mean(keys.map(scoreOf));
  const throughput = mean(edition.throughputKeys.map(scoreOf));
  const stability = mean(edition.stabilityKeys.map(scoreOf));
  const toCompare: ScoreToCompare[] = [
    { key: 'overall', score: overall, components: keys },
    { key: 'throughput', score: throughput, components: edition.throughputKeys },
    { key: 'stability', score: stability, components: edition.stabilityKeys },
    ...metrics.map((metric) => ({ key: metric.key, score: metric.score.value, components: [] })),
  ] as ScoreToCompare[];
  const sizeTable = edition.organisationSizeBenchmarks;
  const sizeRow =
    sizeTable !== null && organisationSize !== undefined
      ? findSizeRow(sizeTable, organisationSize)
      : undefined;
  return {
    method: 'score',
    edition: edition.id,
    editionTitle: edition.title,
    answers,
    scores: {
      metrics,
      overall: metricScore(overall),
      throughput: metricScore(throughput),
      stability: metricScore(stability),
    },
    benchmark: {
      industry: compareWithBenchmark(edition.industryBenchmarks, industry, toCompare)!,
      organisationSize:
        sizeTable !== null && sizeRow !== undefined
          ? compareWithBenchmark(sizeTable, sizeRow.key, toCompare)
          : null,
    },
    nearestCluster: edition.clusterReport === null ? null : nearestCluster(edition.clusterReport, answers),
    recommendedCapabilities: recommendedCapabilities(edition.id, null),
    source: edition.source,
  };
}

function percentileEdition(
  edition: PercentileEdition,
  answers: ClassicAnswers,
  industry: IndustryKey,
): PercentileResult {
  const average = classicAverage(answers);
  return {
    method: 'percentile',
    edition: edition.id,
    editionTitle: edition.title,
    answers,
    average,
    percentile: percentileForAverage(average, edition.percentileModel),
    industryComparison: compareWithBaseline(edition.industryBaselines, industry, answers, edition.source),
    recommendedCapabilities: recommendedCapabilities(edition.id, null),
    source: edition.source,
  };
}

/**
 * Scores `answers` (by DORA's answer keys) in `edition`, compared with `options.industry` (default
 * `all`) and, for 2024 and 2025, `options.organisationSize`.
 */
export function scoreQuickCheck(
  edition: '2019',
  answers: unknown,
  options?: QuickCheckOptions,
): Outcome<TierResult>;
export function scoreQuickCheck(
  edition: '2021' | '2022',
  answers: unknown,
  options?: QuickCheckOptions,
): Outcome<PercentileResult>;
export function scoreQuickCheck(
  edition: '2023' | '2024' | '2025',
  answers: unknown,
  options?: QuickCheckOptions,
): Outcome<ScoreResult>;
export function scoreQuickCheck(
  edition: string,
  answers: unknown,
  options?: QuickCheckOptions,
): Outcome<QuickCheckResult>;
export function scoreQuickCheck(
  editionId: string,
  answers: unknown,
  options: QuickCheckOptions = {},
): Outcome<QuickCheckResult> {
  if (!isEditionId(editionId)) {
    const allowed = editionIds.join(', ');
    return {
      ok: false,
      problems: [
        { code: 'unknown-edition', field: 'edition', message: `must be one of ${allowed}`, allowed },
      ],
    };
  }
  const edition: QuickCheckEdition = getEdition(editionId as EditionId);
  const validated = validateAnswers(edition, answers);
  const problems = validated.ok ? [] : [...validated.problems];
  problems.push(...checkQuickCheckOptions(edition, options));
  if (!validated.ok || problems.length > 0) return { ok: false, problems };
  const industry = (options.industry ?? 'all') as IndustryKey;

  if (edition.method === 'tier') {
    const classic = validated.value as ClassicAnswers;
    const average = classicAverage(classic);
    const tier = tierForAverage(average);
    return {
      ok: true,
      value: {
        method: 'tier',
        edition: edition.id,
        editionTitle: edition.title,
        answers: classic,
        average,
        tier,
        tierColour: getPerformanceTier(tier).colour,
        percentile: percentileForAverage(average, edition.percentileModel),
        industryComparison: compareWithBaseline(edition.industryBaselines, industry, classic, edition.source),
        recommendedCapabilities: recommendedCapabilities(edition.id, tier),
        source: edition.source,
      },
    };
  }
  if (edition.method === 'percentile') {
    return { ok: true, value: percentileEdition(edition, validated.value as ClassicAnswers, industry) };
  }
  const scored = scoreEdition(edition, validated.value as Answers2023, industry, options.organisationSize);
  return { ok: true, value: scored };
}
