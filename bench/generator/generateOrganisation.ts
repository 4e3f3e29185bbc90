/**
 * Builds the synthetic organisation: tribes → squads → services of a car marketplace, with their
 * repositories (a few monorepos), onboarding dates and incident-tool ids. Pure and deterministic.
 */
import type { Instant } from '../../src/core/events.js';
import {
  defaultProductionEnvironments,
  type Organisation,
  type ServiceDeclaration,
  type SquadDeclaration,
  type TribeDeclaration,
} from '../../src/core/org/organisation.js';
import { type CatalogueSquad, catalogue, serviceSuffixes } from './catalogue.js';
import { isoLocalDate, monthsBefore } from './localDays.js';
import { hashUnit, Random } from './Random.js';

/** What to generate: everything derives from `seed` and the explicit `end` instant. */
export interface GeneratorOptions {
  seed: number;
  /** Last instant of generated history (ms since epoch); nothing is emitted after it. */
  end: Instant;
  /** Length of the generated history in calendar months before `end`. */
  months: number;
  services: number;
  tribes?: number;
  squads?: number;
  /** Organisation name (default `Acme Motors`). */
  name?: string;
  /** IANA time zone of the organisation (default `Europe/London`). */
  timezone?: string;
  /** Marks the organisation as the demo one. */
  demo?: boolean;
}

const extraTribeNames = ['mobility', 'insurance', 'commercial', 'international', 'content', 'growth'];

function tribeName(index: number): string {
  return catalogue[index]?.name ?? extraTribeNames[index - catalogue.length] ?? `tribe-${index + 1}`;
}

function catalogueSquad(tribe: string, tribeIndex: number, squadIndex: number): CatalogueSquad {
  const known = catalogue[tribeIndex]?.squads[squadIndex];
  if (known !== undefined) return known;
  return {
    name: `${tribe}-squad-${squadIndex + 1}`,
    tier: 'medium',
    stem: `${tribe}-${squadIndex + 1}`,
    services: [],
  };
}

/** Splits `total` into `parts` near-equal counts, the larger ones first. */
function split(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, index) => base + (index < total % parts ? 1 : 0));
}

function serviceNames(squads: CatalogueSquad[], total: number): string[][] {
  // Squads with more named services take the remainder, so small organisations keep real names.
  const order = squads
    .map((_, index) => index)
    .sort((a, b) => squads[b]!.services.length - squads[a]!.services.length || a - b);
  const counts = split(total, squads.length);
  const perSquad = new Array<number>(squads.length).fill(0);
  order.forEach((squadIndex, rank) => {
    perSquad[squadIndex] = counts[rank] ?? 0;
  });
  const used = new Set<string>();
  return squads.map((entry, squadIndex) => {
    const names: string[] = [];
    const wanted = perSquad[squadIndex] ?? 0;
    for (const name of entry.services) {
      if (names.length >= wanted) break;
      if (!used.has(name)) names.push(name);
      used.add(name);
    }
    for (let n = 0; names.length < wanted; n++) {
      const suffix = serviceSuffixes[n % serviceSuffixes.length]!;
      const round = Math.floor(n / serviceSuffixes.length);
      const name = round === 0 ? `${entry.stem}-${suffix}` : `${entry.stem}-${suffix}-${round + 1}`;
      if (!used.has(name)) names.push(name);
      used.add(name);
    }
    return names;
  });
}

/** Chooses services that share a monorepo: the last service of the first two squads of some tribes. */
function monorepoMembers(tribes: TribeDeclaration[], services: number): Map<string, string> {
  const members = new Map<string, string>();
  const count = services < 4 ? 0 : Math.max(1, Math.round(services / 80));
  for (let m = 0; m < Math.min(count, tribes.length); m++) {
    const tribe = tribes[m]!;
    const candidates = tribe.squads.filter((s) => s.services.length >= 2).slice(0, 2);
    const chosen =
      candidates.length >= 2
        ? candidates.map((s) => s.services[s.services.length - 1]!.name)
        : (candidates[0]?.services.slice(-2).map((s) => s.name) ?? []);
    if (chosen.length < 2) continue;
    for (const service of chosen) members.set(service, `acme/${tribe.name}-monorepo`);
  }
  return members;
}

/**
 * Generates the organisation for the given options (the demo when `demo` is set).
 * Same options → the same organisation.
 */
export function generateOrganisation(options: GeneratorOptions): Organisation {
  const services = Math.max(1, Math.floor(options.services));
  const squadCount = Math.min(services, Math.max(1, options.squads ?? Math.round(services / 6.67)));
  const tribeCount = Math.min(squadCount, Math.max(1, options.tribes ?? Math.round(squadCount / 6)));
  const squadsPerTribe = split(squadCount, tribeCount);
  const entries: { tribe: number; squad: CatalogueSquad }[] = [];
  squadsPerTribe.forEach((count, tribeIndex) => {
    for (let s = 0; s < count; s++) {
      entries.push({ tribe: tribeIndex, squad: catalogueSquad(tribeName(tribeIndex), tribeIndex, s) });
    }
  });
  const names = serviceNames(
    entries.map((e) => e.squad),
    services,
  );
  const tribes: TribeDeclaration[] = squadsPerTribe.map((_, index) => ({
    name: tribeName(index),
    squads: [],
  }));
  entries.forEach((entry, index) => {
    const squadDeclaration: SquadDeclaration = {
      name: entry.squad.name,
      services: (names[index] ?? []).map((name) => ({ name, repo: `acme/${name}` })),
    };
    tribes[entry.tribe]!.squads.push(squadDeclaration);
  });

  const start = monthsBefore(options.end, options.months);
  const timezone = options.timezone ?? 'Europe/London';
  const monorepos = monorepoMembers(tribes, services);
  const random = Random.from(options.seed, 'organisation');
  let serviceIndex = 0;
  for (const tribe of tribes) {
    for (const squadDeclaration of tribe.squads) {
      squadDeclaration.services = squadDeclaration.services.map((service) =>
        decorate(service, serviceIndex++, squadDeclaration.name),
      );
    }
  }

  function decorate(service: ServiceDeclaration, index: number, squadName: string): ServiceDeclaration {
    const out: ServiceDeclaration = { name: service.name, repo: service.repo };
    const monorepo = monorepos.get(service.name);
    if (monorepo !== undefined) {
      out.repo = monorepo;
      out.path = `services/${service.name}`;
    }
    if (index % 7 === 3) {
      const at = start + (options.end - start) * random.between(0.1, 0.5);
      out.onboardedAt = isoLocalDate(at, timezone);
    }
    if (hashUnit(options.seed, 'pagerduty', service.name) < 0.6) out.pagerduty = [`P${random.code(6)}`];
    else if (hashUnit(options.seed, 'opsgenie', service.name) < 0.5) out.opsgenie = [`${squadName}-team`];
    return out;
  }

  const organisation: Organisation = {
    name: options.name ?? 'Acme Motors',
    timezone,
    environments: { production: [...defaultProductionEnvironments] },
    attributionWindowHours: 24,
    tribes,
  };
  if (options.demo === true) organisation.demo = true;
  return organisation;
}
