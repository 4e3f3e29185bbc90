/**
 * A squad's measured figures read as Quick Check answers (metrics §6) and scored in an edition, the
 * same way a self-assessment is, so the two can be set side by side. Missing data is named, never
 * guessed.
 */
import {
  answersFromMeasuredBands,
  type MeasuredAnswers,
  type MeasuredBands,
} from '../../../src/core/assessment/answersFromMeasuredBands.js';
import { scoreOptionAnswer } from '../../../src/core/assessment/metricScore.js';
import { type ClusterReport, getClusterReport } from '../../../src/core/assessment/performanceClusters.js';
import type { Tier } from '../../../src/core/assessment/performanceTiers.js';
import type { ClassicAnswers, EditionId } from '../../../src/core/assessment/quickCheckEdition.js';
import { type QuickCheckResult, scoreQuickCheck } from '../../../src/core/assessment/scoreQuickCheck.js';
import type { Figures } from './apiTypes.js';

/** The bands and rates of a group's figures, as the assessment reads them. */
export function measuredBands(figures: Figures): MeasuredBands {
  return {
    deploymentFrequencyBand: figures.deploymentFrequency.band?.value ?? null,
    leadTimeBand: figures.leadTime.band?.value ?? null,
    timeToRestoreBand: figures.timeToRestore.band?.value ?? null,
    recoveryTimeBand: figures.failedDeploymentRecoveryTime.band?.value ?? null,
    changeFailureRate: figures.changeFailureRate.rate,
    changeFailureBand: figures.changeFailureRate.band?.value ?? null,
    reworkRate: figures.reworkRate.rate,
  };
}

export interface MeasuredResult {
  measured: MeasuredAnswers;
  /** The Quick Check result of the measured answers; null when an answer is missing. */
  result: QuickCheckResult | null;
}

/** Scores a group's measured answers in `edition`. */
export function scoreMeasured(edition: EditionId, figures: Figures): MeasuredResult {
  const measured = answersFromMeasuredBands(edition, measuredBands(figures));
  if (!measured.complete) return { measured, result: null };
  const outcome = scoreQuickCheck(edition, measured.answers);
  return { measured, result: outcome.ok ? outcome.value : null };
}

/** Report years with published performance clusters, by edition. */
export const clusterYearOf: Partial<Record<EditionId, ClusterReport['year']>> = {
  '2019': '2019',
  '2021': '2021',
  '2022': '2022',
  '2023': '2023',
  '2024': '2024',
};

/**
 * The cluster of a 2019–2022 report nearest to classic answers: the distance between 0–10 scores of
 * the four answers, as the core does for 2023 and 2024. Our comparison, not DORA's classification.
 */
export function nearestClassicCluster(year: ClusterReport['year'], answers: ClassicAnswers): Tier {
  const mine = [answers.deployfreq, answers.leadtime, answers.ttr, answers.chgfail].map(scoreOptionAnswer);
  let best: { tier: Tier; distance: number } | null = null;
  for (const cluster of getClusterReport(year).clusters) {
    const theirs = [cluster.deployfreq, cluster.leadtime, cluster.recovery, cluster.changeFailure].map(
      scoreOptionAnswer,
    );
    const distance = Math.hypot(...mine.map((score, index) => score - (theirs[index] ?? 0)));
    if (best === null || distance < best.distance) best = { tier: cluster.tier, distance };
  }
  return best?.tier ?? 'low';
}

/** How a group is placed for the tier distribution of an edition. */
export type Placement =
  | { kind: 'tier'; tier: Tier; basis: 'tier' | 'nearest-cluster' }
  | { kind: 'score'; overall: number }
  | { kind: 'missing'; missing: string[] };

/**
 * 2019: DORA's tier of the average answer. 2021–2024: the nearest cluster of that report (ours, not
 * DORA's verdict). 2025: no tiers any more; the overall 0–10 score.
 */
export function placeGroup(edition: EditionId, figures: Figures): Placement {
  const { measured, result } = scoreMeasured(edition, figures);
  if (result === null) return { kind: 'missing', missing: measured.missing.map((m) => m.key) };
  if (result.method === 'tier') return { kind: 'tier', tier: result.tier, basis: 'tier' };
  if (result.method === 'percentile') {
    const year = clusterYearOf[edition] ?? '2021';
    return { kind: 'tier', tier: nearestClassicCluster(year, result.answers), basis: 'nearest-cluster' };
  }
  if (result.nearestCluster !== null) {
    return { kind: 'tier', tier: result.nearestCluster.tier, basis: 'nearest-cluster' };
  }
  return { kind: 'score', overall: result.scores.overall.value };
}
