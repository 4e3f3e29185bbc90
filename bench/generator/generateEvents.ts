/**
 * Generates the delivery history of an organisation as canonical wire events, lazily and in
 * arrival order (roughly time-ordered, with the out-of-order arrivals real sources produce).
 */
import type { CanonicalEventInput } from '../../src/contract/events.js';
import type { Organisation } from '../../src/core/org/organisation.js';
import type { GeneratorOptions } from './generateOrganisation.js';
import { type LocalDay, localDayOf, monthsBefore, nextLocalDay } from './localDays.js';
import { Random } from './Random.js';
import { RepoSimulator } from './RepoSimulator.js';
import { ServiceSimulator } from './ServiceSimulator.js';
import { Simulation } from './Simulation.js';
import { type ServiceProfile, serviceProfiles } from './serviceProfiles.js';

const hour = 3_600_000;

/** What `generateEvents` needs: the seed and the period (the organisation gives the rest). */
export type EventOptions = Pick<GeneratorOptions, 'seed' | 'end' | 'months'>;

/** The Christmas change freeze: no regular releases from 22 December to 2 January. */
const inFreeze = (localDay: LocalDay): boolean =>
  (localDay.month === 12 && localDay.date >= 22) || (localDay.month === 1 && localDay.date <= 2);

/**
 * Lazily generates the events of `organisation` over the `months` before `end`.
 * Nothing is computed until iteration; memory stays bounded whatever the volume.
 * Same organisation and options → the same events in the same order.
 */
export function* generateEvents(
  organisation: Organisation,
  options: EventOptions,
): Generator<CanonicalEventInput> {
  if (!Number.isFinite(options.end) || !(options.months > 0)) {
    throw new Error('generateEvents needs a finite end instant and a positive number of months');
  }
  const timezone = organisation.timezone;
  const start = localDayOf(monthsBefore(options.end, options.months), timezone).start;
  const simulation = new Simulation(start, options.end, timezone);
  const profiles = serviceProfiles(organisation, options.seed);
  const byRepo = new Map<string, ServiceProfile[]>();
  for (const profile of profiles) byRepo.set(profile.repo, [...(byRepo.get(profile.repo) ?? []), profile]);

  const repos: { repo: RepoSimulator; services: ServiceSimulator[] }[] = [];
  for (const [name, repoProfiles] of byRepo) {
    const repo = new RepoSimulator(simulation, name, repoProfiles, options.seed);
    const services = repoProfiles.map(
      (profile) => new ServiceSimulator(simulation, profile, repo, options.seed),
    );
    repos.push({ repo, services });
    repo.seedHistory();
  }

  const all = repos.flatMap((r) => r.services);
  const random = Random.from(options.seed, 'open-at-end');
  const stillOpen = Math.max(1, Math.round(all.length * 0.02));
  for (let i = 0; i < stillOpen; i++) {
    const service = all[Math.floor((i * all.length) / stillOpen)]!;
    const at = Math.round((options.end - random.between(1, 10) * hour) / 1000) * 1000;
    if (at > start) simulation.schedule(at, () => service.openAtEnd(at));
  }

  const planDay = (localDay: LocalDay): void => {
    const working = localDay.weekday <= 5;
    const freeze = inFreeze(localDay);
    for (const { repo, services } of repos) {
      repo.trim(Math.min(...services.map((s) => s.oldestNeeded)));
      repo.planDay(localDay, working, freeze);
      for (const service of services) service.planDay(localDay, working, freeze);
    }
    const next = nextLocalDay(localDay, timezone);
    simulation.schedule(next.start, () => planDay(next));
  };
  const first = localDayOf(start, timezone);
  simulation.schedule(first.start, () => planDay(first));
  yield* simulation.run();
}

/** Generates the events in batches of `size` (the last one may be smaller). */
export function* generateEventBatches(
  organisation: Organisation,
  options: EventOptions,
  size = 1_000,
): Generator<CanonicalEventInput[]> {
  let batch: CanonicalEventInput[] = [];
  for (const event of generateEvents(organisation, options)) {
    batch.push(event);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Collects every event into an array: for small organisations such as the demo. */
export function collectEvents(organisation: Organisation, options: EventOptions): CanonicalEventInput[] {
  return [...generateEvents(organisation, options)];
}
