/**
 * The shape of a capability of DORA's research (dora.dev): what drives software delivery and
 * organisational performance. Names, slugs and groupings are DORA's; the guidance is ours.
 */
import { doraReference, type SourceReference } from './doraSource.js';

/** Every capability slug, in catalog order (technical, measurement, process, cultural, later, AI). */
export const capabilitySlugs = [
  'version-control',
  'trunk-based-development',
  'continuous-integration',
  'continuous-delivery',
  'deployment-automation',
  'test-automation',
  'test-data-management',
  'pervasive-security',
  'loosely-coupled-teams',
  'empowering-teams-to-choose-tools',
  'flexible-infrastructure',
  'code-maintainability',
  'database-change-management',
  'monitoring-and-observability',
  'monitoring-systems-to-inform-business-decisions',
  'proactive-failure-notification',
  'visual-management',
  'wip-limits',
  'working-in-small-batches',
  'visibility-of-work-in-the-value-stream',
  'customer-feedback',
  'team-experimentation',
  'streamlining-change-approval',
  'generative-organizational-culture',
  'learning-culture',
  'job-satisfaction',
  'transformational-leadership',
  'documentation-quality',
  'well-being',
  'reliability-engineering',
  'clear-and-communicated-ai-stance',
  'healthy-data-ecosystems',
  'ai-accessible-internal-data',
  'platform-engineering',
  'user-centric-focus',
] as const;

/** A capability's slug, as in its dora.dev address (`https://dora.dev/capabilities/<slug>/`). */
export type CapabilitySlug = (typeof capabilitySlugs)[number];

/** True when `slug` names a capability of the catalog. */
export function isCapabilitySlug(slug: string): slug is CapabilitySlug {
  return (capabilitySlugs as readonly string[]).includes(slug);
}

/** The four categories of the 27 capabilities as DORA first published them. */
export type ClassicCategory = 'technical' | 'process' | 'measurement' | 'cultural';

/** How dora.dev groups the capabilities today. */
export type CapabilityGrouping = 'climate-for-learning' | 'fast-flow' | 'fast-feedback' | 'ai';

/** The four keys of software delivery performance a capability tends to move. */
export type KeyMetric = 'leadTime' | 'deploymentFrequency' | 'changeFailureRate' | 'timeToRestore';

/** Our guidance for a capability: concrete, short, written by us. */
export interface CapabilityGuidance {
  /** What it is, in a few sentences. */
  summary: string;
  /** Steps that work, roughly in the order to take them. */
  implement: readonly string[];
  /** What usually gets in the way. */
  obstacles: readonly string[];
  /** How to tell whether it is improving. */
  measure: readonly string[];
}

/** One capability of the catalog. */
export interface Capability {
  slug: CapabilitySlug;
  name: string;
  /** Names it had earlier in DORA's work (e.g. "Shifting left on security"). */
  formerNames: readonly string[];
  /** The classic category, or null for capabilities added after the first 27. */
  classicCategory: ClassicCategory | null;
  /** Its group on dora.dev today. */
  grouping: CapabilityGrouping;
  /** True when it is part of DORA's 2025 AI capabilities model. */
  inAiCapabilitiesModel: boolean;
  /** When DORA added it: `classic` for the first 27, else the year. */
  introduced: 'classic' | 2023 | 2024 | 2025;
  /** The dora.dev article, or null when there is none yet. */
  articleUrl: string | null;
  /** The keys it tends to move, most directly first. */
  movesKeys: readonly KeyMetric[];
  guidance: CapabilityGuidance;
  /** Where the capability and its place in the model come from (DORA). */
  source: SourceReference;
}

/** The dora.dev address of a capability article. */
export function capabilityArticleUrl(slug: CapabilitySlug): string {
  return `https://dora.dev/capabilities/${slug}/`;
}

/** A capability as written in the data files; the builder fills in the defaults. */
export interface CapabilitySpec
  extends Omit<Capability, 'articleUrl' | 'formerNames' | 'inAiCapabilitiesModel' | 'source'> {
  formerNames?: readonly string[];
  inAiCapabilitiesModel?: boolean;
  /** False when dora.dev has no article for it yet. */
  hasArticle?: boolean;
}

/** Builds a catalog entry: no former names, not in the AI model and a dora.dev article by default. */
export function defineCapability(spec: CapabilitySpec): Capability {
  const { hasArticle = true, formerNames = [], inAiCapabilitiesModel = false, ...rest } = spec;
  return {
    ...rest,
    formerNames,
    inAiCapabilitiesModel,
    articleUrl: hasArticle ? capabilityArticleUrl(spec.slug) : null,
    source: hasArticle
      ? doraReference(`DORA capability: ${spec.name}`, `capabilities/${spec.slug}/`)
      : doraReference(`DORA Core model: ${spec.name}`, 'research/'),
  };
}
