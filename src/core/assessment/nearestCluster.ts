/**
 * Which cluster of a report (2023 or 2024) a team's answers most resemble: the Euclidean distance,
 * on the 0–10 score scale, between the answers and each cluster's typical answers. A resemblance we
 * compute to help a conversation — not DORA's verdict on the team.
 */
import { doraReference, type SourceReference } from './doraSource.js';
import { scoreOptionAnswer, scorePercentageAnswer } from './metricScore.js';
import { getClusterReport, type PerformanceCluster } from './performanceClusters.js';
import type { Tier } from './performanceTiers.js';
import type { Answers2023 } from './quickCheckEdition.js';

/** The nearest cluster and the distance to every cluster of the report. */
export interface NearestCluster {
  report: '2023' | '2024';
  tier: Tier;
  sharePercent: number;
  /** Distance on the 0–10 score scale (0 = the cluster's typical answers exactly). */
  distance: number;
  /** Every cluster, nearest first. */
  distances: { tier: Tier; distance: number }[];
  typicalAnswers: Answers2023;
  /** "Nearest cluster of the 2023 report" — how to title it. */
  label: string;
  /** Says plainly that this is our comparison, not DORA's classification. */
  disclaimer: string;
  source: SourceReference;
}

const scoresOf = (answers: Answers2023): readonly number[] => [
  scoreOptionAnswer(answers.leadtime),
  scoreOptionAnswer(answers.deployfreq),
  scoreOptionAnswer(answers.failurerecovery),
  scorePercentageAnswer(answers.changefailure),
];

const typicalAnswersOf = (cluster: PerformanceCluster): Answers2023 => ({
  leadtime: cluster.leadtime,
  deployfreq: cluster.deployfreq,
  failurerecovery: cluster.recovery,
  changefailure: cluster.changeFailure,
});

/** The cluster of the `report` year nearest to `answers` (ties go to the better cluster). */
export function nearestCluster(report: '2023' | '2024', answers: Answers2023): NearestCluster {
  const mine = scoresOf(answers);
  const measured = getClusterReport(report).clusters.map((cluster) => {
    const theirs = scoresOf(typicalAnswersOf(cluster));
    const distance = Math.hypot(...mine.map((score, index) => score - theirs[index]!));
    return { cluster, distance };
  });
  const sorted = [...measured].sort((a, b) => a.distance - b.distance);
  const nearest = sorted[0]!;
  return {
    report,
    tier: nearest.cluster.tier,
    sharePercent: nearest.cluster.sharePercent,
    distance: nearest.distance,
    distances: sorted.map(({ cluster, distance }) => ({ tier: cluster.tier, distance })),
    typicalAnswers: typicalAnswersOf(nearest.cluster),
    label: `Nearest cluster of the ${report} report`,
    disclaimer:
      `Our own comparison of your answers with the typical answers of the clusters in DORA's ${report} ` +
      'report (distance between 0–10 scores). It is not a classification made by DORA.',
    source: doraReference(`State of DevOps ${report}: performance clusters`, 'research'),
  };
}
