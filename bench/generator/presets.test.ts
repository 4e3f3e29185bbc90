import { describe, expect, it } from 'vitest';
import { generateEvents } from './generateEvents.js';
import { generateOrganisation } from './generateOrganisation.js';
import { benchPreset, demoPreset } from './presets.js';
import { summariseEvents } from './summariseEvents.js';

const within = (actual: number, target: number, tolerance = 0.15) => ({
  actual,
  inRange: actual >= target * (1 - tolerance) && actual <= target * (1 + tolerance),
});

describe('presets', () => {
  it('describe the demo (six months, 4 tribes, 12 squads, 40 services) and the bench organisation', () => {
    expect(demoPreset).toMatchObject({ months: 6, tribes: 4, squads: 12, services: 40, demo: true });
    expect(benchPreset).toMatchObject({ months: 12, tribes: 5, squads: 30, services: 200 });
    expect(benchPreset.demo).toBeUndefined();
  });

  it('bench preset: about 100,000 deployments, 500,000 changes and 5,000 incidents, counted as they stream', () => {
    const summary = summariseEvents(generateEvents(generateOrganisation(benchPreset), benchPreset));
    expect(within(summary.deployments, 100_000)).toMatchObject({ inRange: true });
    expect(within(summary.changes, 500_000)).toMatchObject({ inRange: true });
    expect(within(summary.incidents, 5_000)).toMatchObject({ inRange: true });
    expect(summary.events).toBeGreaterThan(600_000);
  }, 300_000);
});
