/**
 * The capabilities the squad assesses and their ranking. The edition recommends three (in 2019 those
 * of the agreed tier), the facilitator may add others that have statements. The squad's answer to a
 * statement is the median of the individual answers once its spread is revealed (for an even count,
 * the mean of the middle two rounded half up); the assessment core scores and ranks from those.
 */
import {
  type CapabilitySlug,
  type LikertAnswer,
  listStatements,
  type Prioritisation,
  prioritiseCapabilities,
  recommendedCapabilities,
} from '../assessment/index.js';
import { getOwn } from './checkInput.js';
import type { CheckpointState } from './checkpointState.js';
import { getQuickCheckResult } from './getQuickCheckResult.js';

/** A capability assessed in the checkpoint. */
export interface AssessedCapability {
  slug: CapabilitySlug;
  /** True when the edition recommends it; false when the facilitator added it. */
  recommended: boolean;
}

/** The ranking, or why there is none yet. */
export interface SquadPrioritisation {
  prioritisation: Prioritisation | null;
  /** Statements of the assessed capabilities whose spread is not revealed yet. */
  unrevealedStatements: string[];
  /** True in 2019 while the tier is unknown (the four keys are not all agreed). */
  needsTier: boolean;
}

/** The recommended capabilities (none yet in 2019 without a tier), then the added ones. */
export function listAssessedCapabilities(state: CheckpointState): AssessedCapability[] {
  let recommended: CapabilitySlug[] = [];
  if (state.edition !== '2019') recommended = recommendedCapabilities(state.edition, null);
  else {
    const result = getQuickCheckResult(state);
    if (result?.method === 'tier') recommended = recommendedCapabilities('2019', result.tier);
  }
  const added = state.addedCapabilities.filter((slug) => !recommended.includes(slug));
  return [
    ...recommended.map((slug) => ({ slug, recommended: true })),
    ...added.map((slug) => ({ slug, recommended: false })),
  ];
}

/** The squad's answer from individual answers 1–5: their median, halves rounded up. */
export function getSquadAnswer(values: readonly number[]): LikertAnswer | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(median) as LikertAnswer;
}

/** The ranking of the assessed capabilities, once every one of their statements is revealed. */
export function getPrioritisation(state: CheckpointState): SquadPrioritisation {
  const result = getQuickCheckResult(state);
  const needsTier = state.edition === '2019' && result?.method !== 'tier';
  const answers: Record<string, LikertAnswer> = {};
  const unrevealedStatements: string[] = [];
  for (const capability of listAssessedCapabilities(state)) {
    for (const statement of listStatements(capability.slug)) {
      const item = getOwn(state.statements, statement.id);
      const squad = item?.revealed === true ? getSquadAnswer(Object.values(item.answers)) : null;
      if (squad === null) unrevealedStatements.push(statement.id);
      else answers[statement.id] = squad;
    }
  }
  if (needsTier || unrevealedStatements.length > 0) {
    return { prioritisation: null, unrevealedStatements, needsTier };
  }
  const request =
    result?.method === 'tier' ? { edition: '2019', tier: result.tier } : { edition: state.edition };
  const outcome = prioritiseCapabilities(request, answers);
  return { prioritisation: outcome.ok ? outcome.value : null, unrevealedStatements, needsTier };
}
