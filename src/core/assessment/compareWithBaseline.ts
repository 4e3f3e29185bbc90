/**
 * Compares classic answers (2019–2022) with DORA's industry baselines (dora.dev). The 2019 baselines
 * are on a 0–100 scale, 20·(answer − 1); 2021 and 2022 on the answer scale 1–6.
 */
import type { SourceReference } from './doraSource.js';
import { getIndustryName, type IndustryKey } from './industries.js';
import type { AnswerKey, BaselineTable, ClassicAnswers } from './quickCheckEdition.js';

/** The order of the four baseline columns. */
export const baselineKeys = [
  'leadtime',
  'deployfreq',
  'ttr',
  'chgfail',
] as const satisfies readonly AnswerKey[];

/** One answer beside its industry baseline, both on the table's scale. */
export interface BaselineLine {
  key: (typeof baselineKeys)[number];
  answer: number;
  /** The answer on the table's scale (2019: 20·(answer − 1); else the answer itself). */
  yours: number;
  baseline: number;
  /** yours − baseline: positive means better than the industry's typical answer. */
  difference: number;
}

/** The answers compared with one industry's baseline. */
export interface BaselineComparison {
  industry: { key: IndustryKey; name: string };
  /** `percent`: 0–100; `answer`: 1–6. */
  scale: BaselineTable['scale'];
  lines: BaselineLine[];
  source: SourceReference;
}

/** The answers beside the baseline of `industry` in `table`. */
export function compareWithBaseline(
  table: BaselineTable,
  industry: IndustryKey,
  answers: ClassicAnswers,
  source: SourceReference,
): BaselineComparison {
  const row = table.rows[industry];
  const lines = baselineKeys.map((key, index): BaselineLine => {
    const answer = answers[key];
    const yours = table.scale === 'percent' ? 20 * (answer - 1) : answer;
    const baseline = row[index]!;
    return { key, answer, yours, baseline, difference: Number((yours - baseline).toPrecision(12)) };
  });
  return { industry: { key: industry, name: getIndustryName(industry) }, scale: table.scale, lines, source };
}
