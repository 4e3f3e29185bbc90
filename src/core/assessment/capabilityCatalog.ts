/**
 * The capability catalog: every capability of DORA's research (dora.dev) with its current slug,
 * former names, classic category, current grouping and our guidance.
 */
import { aiCapabilities } from './aiCapabilities.js';
import { architectureCapabilities } from './architectureCapabilities.js';
import type { Capability, CapabilityGrouping, CapabilitySlug, ClassicCategory } from './capability.js';
import { culturalCapabilities } from './culturalCapabilities.js';
import { deliveryPipelineCapabilities } from './deliveryPipelineCapabilities.js';
import { laterCapabilities } from './laterCapabilities.js';
import { measurementCapabilities } from './measurementCapabilities.js';
import { processCapabilities } from './processCapabilities.js';

/** All capabilities: the classic 27 (technical, measurement, process, cultural), then the later ones. */
export const capabilityCatalog: readonly Capability[] = [
  ...deliveryPipelineCapabilities,
  ...architectureCapabilities,
  ...measurementCapabilities,
  ...processCapabilities,
  ...culturalCapabilities,
  ...laterCapabilities,
  ...aiCapabilities,
];

const bySlug = new Map<CapabilitySlug, Capability>(
  capabilityCatalog.map((capability) => [capability.slug, capability]),
);

/** The capability with this slug. */
export function getCapability(slug: CapabilitySlug): Capability {
  const capability = bySlug.get(slug);
  if (capability === undefined) throw new Error(`capability ${slug} is missing from the catalog`);
  return capability;
}

/** The capabilities of a classic category (null: those added after the first 27). */
export function listCapabilitiesByCategory(category: ClassicCategory | null): Capability[] {
  return capabilityCatalog.filter((capability) => capability.classicCategory === category);
}

/** The capabilities of one current dora.dev grouping. */
export function listCapabilitiesByGrouping(grouping: CapabilityGrouping): Capability[] {
  return capabilityCatalog.filter(
    (capability) =>
      capability.grouping === grouping || (grouping === 'ai' && capability.inAiCapabilitiesModel),
  );
}
