/**
 * The assessment: DORA's Quick Check editions and scoring, benchmarks, the capability catalog and the
 * prioritising of capabilities (model and figures: DORA, dora.dev; wording and guidance: ours).
 */

export { answerOptions, changeFailBandForRate } from './answerOptions.js';
export type { MeasuredAnswers, MeasuredBands, MissingAnswer } from './answersFromMeasuredBands.js';
export { answersFromMeasuredBands } from './answersFromMeasuredBands.js';
export type { AssessmentProblem, Outcome, ProblemCode } from './assessmentProblem.js';
export { describeProblem } from './assessmentProblem.js';
export type {
  Capability,
  CapabilityGrouping,
  CapabilityGuidance,
  CapabilitySlug,
  ClassicCategory,
  KeyMetric,
} from './capability.js';
export { capabilityArticleUrl, capabilitySlugs, isCapabilitySlug } from './capability.js';
export {
  capabilityCatalog,
  getCapability,
  listCapabilitiesByCategory,
  listCapabilitiesByGrouping,
} from './capabilityCatalog.js';
export type { CapabilityStatement } from './capabilityStatement.js';
export { capabilityStatements, getStatement, hasStatements, listStatements } from './capabilityStatements.js';
export type { BaselineComparison, BaselineLine } from './compareWithBaseline.js';
export type { BenchmarkComparison, BenchmarkLine, ShownBenchmark } from './compareWithBenchmark.js';
export type { SourceReference } from './doraSource.js';
export { doraSource } from './doraSource.js';
export type { Industry, IndustryKey } from './industries.js';
export { getIndustryName, industries, industryKeys, isIndustryKey } from './industries.js';
export type { LikertAnswer } from './likert.js';
export { isLikertAnswer, likertAllowed, likertOptions } from './likert.js';
export type { Score } from './metricScore.js';
export { metricScore, scoreOptionAnswer, scorePercentageAnswer } from './metricScore.js';
export type { NearestCluster } from './nearestCluster.js';
export { nearestCluster } from './nearestCluster.js';
export { erf, erfc, normalCdf } from './normalCdf.js';
export type { OrganisationSizeKey } from './organisationSizes.js';
export { isOrganisationSizeKey, organisationSizeKeys } from './organisationSizes.js';
export { percentileForAverage } from './percentileForAverage.js';
export type { ClusterReport, PerformanceCluster } from './performanceClusters.js';
export { getClusterReport, performanceClusters } from './performanceClusters.js';
export type { PerformanceTier, Tier } from './performanceTiers.js';
export { getPerformanceTier, isTier, performanceTiers, tierForAverage, tierIds } from './performanceTiers.js';
export type { Prioritisation, PrioritiseRequest, RankedCapability } from './prioritiseCapabilities.js';
export { prioritiseCapabilities } from './prioritiseCapabilities.js';
export type {
  AnswerKey,
  AnswerOption,
  Answers2023,
  Answers2025,
  AnswersFor,
  BandValue,
  BenchmarkColumn,
  BenchmarkTable,
  ClassicAnswers,
  EditionId,
  MeanSd,
  Question,
  QuickCheckEdition,
} from './quickCheckEdition.js';
export { answerKeys, currentEditionId, editionIds, isEditionId } from './quickCheckEdition.js';
export { getEdition, listEditions, quickCheckEditions } from './quickCheckEditions.js';
export type { TierCapability } from './recommendedCapabilities.js';
export { fixedTrio, recommendedCapabilities, tierCapabilities2019 } from './recommendedCapabilities.js';
export { reflectiveQuestions } from './reflectiveQuestions.js';
export type { CapabilityScale } from './scoreCapability.js';
export { scoreCapability } from './scoreCapability.js';
export type {
  MetricScore,
  PercentileResult,
  QuickCheckOptions,
  QuickCheckResult,
  QuickCheckScores,
  ScoreResult,
  TierResult,
} from './scoreQuickCheck.js';
export { checkQuickCheckOptions, scoreQuickCheck } from './scoreQuickCheck.js';
export { describeAllowedAnswer, validateAnswers } from './validateAnswers.js';
