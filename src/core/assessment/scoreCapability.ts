/**
 * The score of a capability from its statements (DORA Quick Check, dora.dev): each answer counts
 * answer − 1 points (5 − answer when reverse-scored), 0–4. The 2019 method gives 25 × the mean
 * points (0–100); from 2021 the mean of (answer − 1)/4·10 (0–10), which is 2.5 × the mean points.
 */
import type { CapabilitySlug } from './capability.js';
import { listStatements } from './capabilityStatements.js';
import { type LikertAnswer, likertPoints } from './likert.js';

/** 0–100 (2019) or 0–10 (2021 on). */
export type CapabilityScale = 'percent' | 'ten';

/** The factor from mean points (0–4) to the scale. */
const factor: Record<CapabilityScale, number> = { percent: 25, ten: 2.5 };

/** The top of a scale. */
export const capabilityScaleMax: Record<CapabilityScale, number> = { percent: 100, ten: 10 };

/**
 * The score of `capability` on `scale` from answers by statement id, or null when one of its
 * statements is unanswered (or it has none).
 */
export function scoreCapability(
  capability: CapabilitySlug,
  answers: Readonly<Record<string, LikertAnswer>>,
  scale: CapabilityScale,
): number | null {
  const statements = listStatements(capability);
  if (statements.length === 0) return null;
  let points = 0;
  for (const statement of statements) {
    const answer = answers[statement.id];
    if (answer === undefined) return null;
    points += likertPoints(answer, statement.reverse);
  }
  return Number(((factor[scale] * points) / statements.length).toPrecision(12));
}
