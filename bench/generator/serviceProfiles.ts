/**
 * Performance profiles: how each service of the organisation behaves in the generated data — commit
 * rate, pull-request durations, deploy cadence, change failure and recovery — from its squad's tier
 * with per-service jitter and a per-squad trend over the period.
 */
import type { Organisation } from '../../src/core/org/organisation.js';
import { catalogueTier, type Tier } from './catalogue.js';
import { hashUnit, Random } from './Random.js';

/** How often a squad releases to production. */
export type Cadence = 'on-demand' | 'daily' | 'weekly' | 'monthly';

/** Where a service's deployments come from; `gitlab` and `jenkins` list the commits they carry. */
export type DeploySource = 'github' | 'gitlab' | 'jenkins';

/** The behaviour of one tier before jitter. */
export interface TierParameters {
  /** Changes reaching the main branch per working day (branch commits of merge commits included). */
  changesPerDay: number;
  /** Median hours from a pull request's first commit to its merge. */
  prHoursMedian: number;
  /** Production releases per working day (on-demand, daily), per week (weekly) or per month (monthly). */
  releaseRate: number;
  cadence: Cadence;
  /** Share of production releases that go wrong. */
  changeFailure: number;
  /** Minutes from a bad release finishing to someone noticing, as a range. */
  detectMinutes: readonly [number, number];
  /** Median minutes from noticing to the remedy being deployed. */
  recoveryMinutes: number;
  /** Share of release attempts that fail or are cancelled before a retry succeeds. */
  failedAttempt: number;
  /** Whether staging is deployed every working day, not only before releases. */
  dailyStaging: boolean;
  /** Share of changes pushed straight to main without a pull request. */
  directPush: number;
  /** Incidents unrelated to any release, per service and calendar day. */
  backgroundIncidents: number;
  /** Median minutes to restore service after an incident unrelated to a release. */
  restoreMinutes: number;
}

/** Base parameters of each tier. */
export const tierParameters: Readonly<Record<Tier, TierParameters>> = {
  elite: {
    changesPerDay: 12.5,
    prHoursMedian: 2,
    releaseRate: 2.6,
    cadence: 'on-demand',
    changeFailure: 0.05,
    detectMinutes: [5, 45],
    recoveryMinutes: 40,
    failedAttempt: 0.03,
    dailyStaging: false,
    directPush: 0.02,
    backgroundIncidents: 0.019,
    restoreMinutes: 40,
  },
  high: {
    changesPerDay: 10.5,
    prHoursMedian: 18,
    releaseRate: 0.95,
    cadence: 'daily',
    changeFailure: 0.11,
    detectMinutes: [10, 240],
    recoveryMinutes: 150,
    failedAttempt: 0.05,
    dailyStaging: false,
    directPush: 0.04,
    backgroundIncidents: 0.022,
    restoreMinutes: 80,
  },
  medium: {
    changesPerDay: 8,
    prHoursMedian: 60,
    releaseRate: 1.2,
    cadence: 'weekly',
    changeFailure: 0.21,
    detectMinutes: [30, 900],
    recoveryMinutes: 1000,
    failedAttempt: 0.08,
    dailyStaging: true,
    directPush: 0.06,
    backgroundIncidents: 0.026,
    restoreMinutes: 200,
  },
  low: {
    changesPerDay: 6,
    prHoursMedian: 160,
    releaseRate: 1,
    cadence: 'monthly',
    changeFailure: 0.36,
    detectMinutes: [60, 1200],
    recoveryMinutes: 3600,
    failedAttempt: 0.15,
    dailyStaging: true,
    directPush: 0.1,
    backgroundIncidents: 0.03,
    restoreMinutes: 480,
  },
};

/** One service's behaviour in the generated data. */
export interface ServiceProfile extends TierParameters {
  service: string;
  squad: string;
  tribe: string;
  repo: string;
  /** Directory inside a monorepo. */
  path?: string;
  tier: Tier;
  /** Improvement over the period: rates scale by `1 + trend × progress` (negative: getting worse). */
  trend: number;
  /** ISO weekday (1–5) of a weekly squad's release. */
  releaseWeekday: number;
  source: DeploySource;
  /** Production-class environments, `production` first (some add `production-eu`). */
  productionEnvironments: string[];
  /** Whether deployments carry a version. */
  versioned: boolean;
  incidentSource: 'pagerduty' | 'opsgenie' | 'datadog';
  /** Whether commit times are written with the local offset instead of `Z`. */
  localCommitTimes: boolean;
  /** The other services of the same tribe, for incidents that span several services. */
  neighbours: string[];
}

const tierBySquadHash = (seed: number, squad: string): Tier => {
  const u = hashUnit(seed, 'tier', squad);
  return u < 0.2 ? 'elite' : u < 0.55 ? 'high' : u < 0.85 ? 'medium' : 'low';
};

/** The profile of every service of the organisation, in declaration order. */
export function serviceProfiles(organisation: Organisation, seed: number): ServiceProfile[] {
  const profiles: ServiceProfile[] = [];
  let squadIndex = 0;
  let serviceIndex = 0;
  for (const tribe of organisation.tribes) {
    const tribeServices = tribe.squads.flatMap((s) => s.services.map((service) => service.name));
    for (const squad of tribe.squads) {
      const tier = catalogueTier(squad.name) ?? tierBySquadHash(seed, squad.name);
      const base = tierParameters[tier];
      const source: DeploySource = squadIndex % 4 === 2 ? 'gitlab' : tier === 'low' ? 'jenkins' : 'github';
      const trend = -0.25 + hashUnit(seed, 'trend', squad.name);
      const releaseWeekday = 2 + Math.floor(hashUnit(seed, 'weekday', squad.name) * 3);
      for (const service of squad.services) {
        const random = Random.from(seed, 'profile', service.name);
        const jitter = (sigma: number): number => Math.exp(sigma * random.normal());
        const europe = serviceIndex === 0 || hashUnit(seed, 'eu', service.name) < 0.12;
        const profile: ServiceProfile = {
          ...base,
          changesPerDay: base.changesPerDay * jitter(0.3),
          prHoursMedian: base.prHoursMedian * jitter(0.25),
          releaseRate: base.releaseRate * jitter(0.2),
          changeFailure: Math.min(0.6, base.changeFailure * jitter(0.25)),
          recoveryMinutes: base.recoveryMinutes * jitter(0.3),
          backgroundIncidents: base.backgroundIncidents * jitter(0.3),
          service: service.name,
          squad: squad.name,
          tribe: tribe.name,
          repo: service.repo,
          tier,
          trend,
          releaseWeekday,
          source,
          productionEnvironments: europe ? ['production', 'production-eu'] : ['production'],
          versioned: source === 'jenkins' || random.chance(0.8),
          incidentSource: service.pagerduty ? 'pagerduty' : service.opsgenie ? 'opsgenie' : 'datadog',
          localCommitTimes: random.chance(0.3),
          neighbours: tribeServices.filter((name) => name !== service.name),
        };
        if (service.path !== undefined) profile.path = service.path;
        profiles.push(profile);
        serviceIndex++;
      }
      squadIndex++;
    }
  }
  return profiles;
}
