/**
 * The synthetic-organisation generator: a car-marketplace organisation and its delivery history as
 * canonical events, deterministic from a seed and an end instant.
 */
export { type CatalogueSquad, type CatalogueTribe, catalogue, type Tier } from './catalogue.js';
export { collectEvents, type EventOptions, generateEventBatches, generateEvents } from './generateEvents.js';
export { type GeneratorOptions, generateOrganisation } from './generateOrganisation.js';
export { benchPreset, demoPreset, presetEnd } from './presets.js';
export { Random } from './Random.js';
export {
  type Cadence,
  type DeploySource,
  type ServiceProfile,
  serviceProfiles,
  type TierParameters,
  tierParameters,
} from './serviceProfiles.js';
export { type EventSummary, type EventVariety, summariseEvents } from './summariseEvents.js';
