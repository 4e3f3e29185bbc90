/**
 * Ready-made generator options. Both end at a fixed instant so their output is reproducible;
 * spread one and override `end` (or `seed`) to move it: `{ ...demoPreset, end: someInstant }`.
 */
import type { GeneratorOptions } from './generateOrganisation.js';

/** Monday 2 March 2026, 17:00 UTC: the default end of generated history. */
export const presetEnd = Date.UTC(2026, 2, 2, 17, 0, 0);

/**
 * The demo organisation: 4 tribes, 12 squads (among them `search`, `product`, `in-life` and
 * `partner-tooling`), 40 services and six months of history, in `Europe/London`.
 */
export const demoPreset: GeneratorOptions = {
  seed: 20_260_302,
  end: presetEnd,
  months: 6,
  services: 40,
  tribes: 4,
  squads: 12,
  name: 'Acme Motors',
  timezone: 'Europe/London',
  demo: true,
};

/**
 * The benchmark organisation: 5 tribes, 30 squads, 200 services and twelve months of history —
 * about 100,000 deployments, 500,000 changes and 5,000 incidents.
 */
export const benchPreset: GeneratorOptions = {
  seed: 7_001,
  end: presetEnd,
  months: 12,
  services: 200,
  tribes: 5,
  squads: 30,
  name: 'Acme Motors (bench)',
  timezone: 'Europe/London',
};
