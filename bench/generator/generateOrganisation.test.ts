import { describe, expect, it } from 'vitest';
import { defaultProductionEnvironments, type Organisation } from '../../src/core/org/organisation.js';
import { generateOrganisation } from './generateOrganisation.js';
import { benchPreset, demoPreset } from './presets.js';

const servicesOf = (organisation: Organisation) =>
  organisation.tribes.flatMap((tribe) => tribe.squads.flatMap((squad) => squad.services));

describe('generateOrganisation', () => {
  it('builds the demo: 4 tribes, 12 squads with the named ones, 40 services, in London', () => {
    const organisation = generateOrganisation(demoPreset);
    expect(organisation.name).toBe('Acme Motors');
    expect(organisation.timezone).toBe('Europe/London');
    expect(organisation.demo).toBe(true);
    expect(organisation.attributionWindowHours).toBe(24);
    expect(organisation.environments.production).toEqual(defaultProductionEnvironments);
    expect(organisation.tribes).toHaveLength(4);
    const squads = organisation.tribes.flatMap((tribe) => tribe.squads.map((squad) => squad.name));
    expect(squads).toHaveLength(12);
    expect(squads).toEqual(expect.arrayContaining(['in-life', 'search', 'product', 'partner-tooling']));
    expect(servicesOf(organisation)).toHaveLength(40);
    const ecommerce = organisation.tribes.find((tribe) => tribe.name === 'ecommerce');
    const search = ecommerce?.squads.find((squad) => squad.name === 'search');
    expect(search?.services.map((service) => service.name)).toContain('vehicle-search');
  });

  it('builds the bench organisation: 5 tribes, 30 squads, 200 services, no demo flag', () => {
    const organisation = generateOrganisation(benchPreset);
    expect(organisation.tribes).toHaveLength(5);
    expect(organisation.tribes.flatMap((tribe) => tribe.squads)).toHaveLength(30);
    expect(servicesOf(organisation)).toHaveLength(200);
    expect(organisation.demo).toBeUndefined();
  });

  it('gives every tribe, squad and service a unique plausible name and its own repository', () => {
    for (const options of [demoPreset, benchPreset]) {
      const organisation = generateOrganisation(options);
      const services = servicesOf(organisation);
      const names = services.map((service) => service.name);
      expect(new Set(names).size).toBe(names.length);
      const squads = organisation.tribes.flatMap((tribe) => tribe.squads.map((squad) => squad.name));
      expect(new Set(squads).size).toBe(squads.length);
      for (const name of [...names, ...squads]) expect(name).toMatch(/^[a-z][a-z0-9-]*[a-z0-9]$/);
      for (const service of services) {
        if (service.path === undefined) expect(service.repo).toBe(`acme/${service.name}`);
      }
    }
  });

  it('puts a couple of services in a shared monorepo, each under its own path', () => {
    const services = servicesOf(generateOrganisation(demoPreset));
    const monorepo = services.filter((service) => service.path !== undefined);
    expect(monorepo.length).toBeGreaterThanOrEqual(2);
    expect(new Set(monorepo.map((service) => service.repo)).size).toBe(1);
    for (const service of monorepo) expect(service.path).toBe(`services/${service.name}`);
  });

  it('onboards some services during the period and maps some to PagerDuty', () => {
    const services = servicesOf(generateOrganisation(demoPreset));
    const onboarded = services.filter((service) => service.onboardedAt !== undefined);
    expect(onboarded.length).toBeGreaterThanOrEqual(3);
    for (const service of onboarded) {
      expect(service.onboardedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const at = Date.parse(`${service.onboardedAt}T12:00:00Z`);
      expect(at).toBeGreaterThan(Date.UTC(2025, 8, 1));
      expect(at).toBeLessThan(demoPreset.end);
    }
    const paged = services.filter((service) => service.pagerduty !== undefined);
    expect(paged.length).toBeGreaterThan(10);
    expect(paged.length).toBeLessThan(services.length);
    for (const service of paged) expect(service.pagerduty?.[0]).toMatch(/^P[A-Z0-9]{6}$/);
  });

  it('is deterministic, and sizes itself when tribes and squads are not given', () => {
    expect(generateOrganisation(demoPreset)).toEqual(generateOrganisation(demoPreset));
    const small = generateOrganisation({ seed: 1, end: demoPreset.end, months: 3, services: 13 });
    expect(servicesOf(small)).toHaveLength(13);
    expect(small.tribes.flatMap((tribe) => tribe.squads).length).toBe(2);
    expect(small.demo).toBeUndefined();
    const wide = generateOrganisation({
      seed: 1,
      end: demoPreset.end,
      months: 3,
      services: 90,
      tribes: 7,
      squads: 50,
    });
    expect(wide.tribes).toHaveLength(7);
    expect(wide.tribes.flatMap((tribe) => tribe.squads)).toHaveLength(50);
    expect(servicesOf(wide)).toHaveLength(90);
  });
});
