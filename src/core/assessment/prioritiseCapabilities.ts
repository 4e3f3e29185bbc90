/**
 * "Help me prioritise" (DORA Quick Check, dora.dev). 2019: the tier's three capabilities scored
 * 0–100, sorted ascending, ties broken by (score − tier mean) ascending; the lowest is the key focus
 * area. 2021 on: the fixed trio scored 0–10, lowest first. Any other capability with statements that
 * the team answered is scored the same way and ranked with them.
 */
import type { AssessmentProblem, Outcome } from './assessmentProblem.js';
import type { CapabilitySlug } from './capability.js';
import { capabilityCatalog, getCapability } from './capabilityCatalog.js';
import { getStatement, listStatements } from './capabilityStatements.js';
import { doraReference, type SourceReference } from './doraSource.js';
import { isLikertAnswer, type LikertAnswer, likertAllowed } from './likert.js';
import { metricScore, type Score } from './metricScore.js';
import { isTier, type Tier, tierIds } from './performanceTiers.js';
import { currentEditionId, type EditionId, editionIds, isEditionId } from './quickCheckEdition.js';
import { fixedTrio, tierCapabilities2019 } from './recommendedCapabilities.js';
import { type CapabilityScale, capabilityScaleMax, scoreCapability } from './scoreCapability.js';

/** What to prioritise for: an edition, and for 2019 the tier (a tier alone implies 2019). */
export interface PrioritiseRequest {
  edition?: string;
  tier?: string;
}

/** One capability in the ranking. */
export interface RankedCapability {
  slug: CapabilitySlug;
  name: string;
  /** 1 = work on it first. */
  rank: number;
  score: Score;
  /** True for the key focus area (rank 1). */
  keyFocus: boolean;
  /** True when the edition recommends it; false when the team chose to assess it too. */
  recommended: boolean;
  /** 2019 only: DORA's mean for the tier and for all respondents (0–100), when published. */
  tierMean: number | null;
  allRespondentsMean: number | null;
  statementCount: number;
}

/** The ranked capabilities, lowest score first. */
export interface Prioritisation {
  method: 'tier-2019' | 'fixed-trio';
  edition: EditionId;
  tier: Tier | null;
  scale: { min: 0; max: number };
  ranking: RankedCapability[];
  keyFocus: CapabilitySlug | null;
  source: SourceReference;
}

interface Plan {
  edition: EditionId;
  tier: Tier | null;
}

function planFor(request: PrioritiseRequest, problems: AssessmentProblem[]): Plan | null {
  const { edition, tier } = request;
  if (edition !== undefined && !isEditionId(edition)) {
    const allowed = editionIds.join(', ');
    problems.push({
      code: 'unknown-edition',
      field: 'edition',
      message: `must be one of ${allowed}`,
      allowed,
    });
  }
  if (tier !== undefined && !isTier(tier)) {
    const allowed = tierIds.join(', ');
    problems.push({ code: 'unknown-tier', field: 'tier', message: `must be one of ${allowed}`, allowed });
  }
  if (problems.length > 0) return null;
  const chosen: EditionId =
    (edition as EditionId | undefined) ?? (tier !== undefined ? '2019' : currentEditionId);
  if (chosen === '2019' && tier === undefined) {
    const allowed = tierIds.join(', ');
    problems.push({
      code: 'missing-tier',
      field: 'tier',
      message: `is required for the 2019 edition: must be one of ${allowed}`,
      allowed,
    });
    return null;
  }
  if (chosen !== '2019' && tier !== undefined) {
    problems.push({
      code: 'tier-not-in-edition',
      field: 'tier',
      message: `applies only to the 2019 edition; leave it out for ${chosen}`,
      allowed: 'no tier',
    });
    return null;
  }
  return { edition: chosen, tier: (tier as Tier | undefined) ?? null };
}

function readAnswers(
  answers: unknown,
  problems: AssessmentProblem[],
): { valid: Record<string, LikertAnswer>; given: Set<string> } {
  const valid: Record<string, LikertAnswer> = {};
  const given = new Set<string>();
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    problems.push({
      code: 'invalid-statement-answer',
      field: 'answers',
      message: 'must be an object of answers by statement id',
      allowed: 'statement ids',
    });
    return { valid, given };
  }
  for (const [id, value] of Object.entries(answers)) {
    const field = `answers.${id}`;
    given.add(id);
    if (getStatement(id) === undefined) {
      problems.push({
        code: 'unknown-statement',
        field,
        message: 'is not a capability statement id (expected <capability slug>.<number>)',
        allowed: 'statement ids',
      });
    } else if (!isLikertAnswer(value)) {
      problems.push({
        code: 'invalid-statement-answer',
        field,
        message: `must be ${likertAllowed}`,
        allowed: likertAllowed,
      });
    } else {
      valid[id] = value;
    }
  }
  return { valid, given };
}

const catalogOrder = (slug: CapabilitySlug): number =>
  capabilityCatalog.findIndex((entry) => entry.slug === slug);

/**
 * Scores and ranks the capabilities for an edition (and tier, for 2019) from Likert answers (1–5) by
 * statement id. Every statement of every capability assessed must be answered.
 */
export function prioritiseCapabilities(
  request: PrioritiseRequest,
  answers: unknown,
): Outcome<Prioritisation> {
  const problems: AssessmentProblem[] = [];
  const plan = planFor(request, problems);
  const { valid, given } = readAnswers(answers, problems);
  if (plan === null) return { ok: false, problems };

  const references = plan.tier === null ? [] : tierCapabilities2019[plan.tier];
  const recommended = plan.tier === null ? [...fixedTrio] : references.map((entry) => entry.slug);
  const assessed = [...recommended];
  for (const id of given) {
    const capability = getStatement(id)?.capability;
    if (capability === undefined) continue;
    if (!assessed.includes(capability)) assessed.push(capability);
  }
  for (const capability of assessed) {
    for (const statement of listStatements(capability)) {
      if (given.has(statement.id)) continue;
      problems.push({
        code: 'missing-statement-answer',
        field: `answers.${statement.id}`,
        message: `is required to score ${capability}: must be ${likertAllowed}`,
        allowed: likertAllowed,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const scale: CapabilityScale = plan.edition === '2019' ? 'percent' : 'ten';
  const scored = assessed.map((slug) => {
    const reference = references.find((entry) => entry.slug === slug);
    return {
      slug,
      value: scoreCapability(slug, valid, scale)!,
      tierMean: reference?.tierMean ?? null,
      allRespondentsMean: reference?.allRespondentsMean ?? null,
      order: recommended.includes(slug) ? recommended.indexOf(slug) : recommended.length + catalogOrder(slug),
    };
  });
  scored.sort((a, b) => {
    if (a.value !== b.value) return a.value - b.value;
    if (a.tierMean !== null && b.tierMean !== null && a.tierMean !== b.tierMean) {
      return a.value - a.tierMean - (b.value - b.tierMean);
    }
    if ((a.tierMean === null) !== (b.tierMean === null)) return a.tierMean === null ? 1 : -1;
    return a.order - b.order;
  });
  const ranking = scored.map(
    (entry, index): RankedCapability => ({
      slug: entry.slug,
      name: getCapability(entry.slug).name,
      rank: index + 1,
      score: metricScore(entry.value),
      keyFocus: index === 0,
      recommended: recommended.includes(entry.slug),
      tierMean: entry.tierMean,
      allRespondentsMean: entry.allRespondentsMean,
      statementCount: listStatements(entry.slug).length,
    }),
  );
  return {
    ok: true,
    value: {
      method: plan.edition === '2019' ? 'tier-2019' : 'fixed-trio',
      edition: plan.edition,
      tier: plan.tier,
      scale: { min: 0, max: capabilityScaleMax[scale] },
      ranking,
      keyFocus: ranking[0]?.slug ?? null,
      source: doraReference('DORA Quick Check: capability statements and prioritisation', 'quickcheck'),
    },
  };
}
