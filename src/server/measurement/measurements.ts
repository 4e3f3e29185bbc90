import type { EventSet } from '../../core/events.js';
import {
  analyseDelivery,
  type DeliveryModel,
  type GroupMetrics,
  isProductionEnvironment,
  type MeasureConfig,
  type Member,
  summarise,
} from '../../core/metrics/index.js';
import { createOwnershipIndex, type OwnershipIndex } from '../../core/org/ownershipIndex.js';
import { lastArrival, loadEventSet } from '../../store/events.js';
import type { AppContext } from '../context.js';
import { BoundedCache } from './boundedCache.js';
import { parseLocalInstant } from './parseLocalInstant.js';

export type Grouping = 'service' | 'squad' | 'tribe' | 'organisation';

/** One group of a grouping: its key, owner names, and who belongs to it when. */
export interface Group {
  key: string;
  squad: string | null;
  tribe: string | null;
  member: Member;
  services: string[];
}

export interface Window {
  from: number;
  to: number;
}

/** The measurements of one state of the store. */
export interface Snapshot {
  model: DeliveryModel;
  groups(grouping: Grouping): Group[];
  /** One group's figures over a window. */
  summarise(group: Group, window: Window): GroupMetrics;
}

const dayMs = 86_400_000;

/**
 * Analyses kept per state of the store: the production class and a few environments asked for. An
 * analysis of the full-scale benchmark holds about a hundred megabytes, and the environment is request
 * input, so the cache is bounded.
 */
const analysesKept = 4;

/**
 * Measures the stored events for the organisation in force: loads and analyses them once per state
 * of the store (any ingestion or organisation change invalidates the analysis), then cuts groups
 * and windows from the analysis.
 */
export class Measurements {
  private loaded:
    | {
        key: string;
        events: EventSet;
        /** Services with any stored deployment (some may be undeclared). */
        deployed: ReadonlySet<string>;
        ownership: OwnershipIndex;
        config: MeasureConfig;
      }
    | undefined;
  private loading: Promise<NonNullable<Measurements['loaded']>> | undefined;
  private loadingKey: string | undefined;
  private readonly models = new BoundedCache<string, DeliveryModel>(analysesKept);

  constructor(private readonly context: AppContext) {}

  /** The measurement configuration of the organisation in force. */
  measureConfig(): MeasureConfig {
    const { organisation } = this.context.organisation;
    const services = new Map<string, { repo: string; path?: string; onboardedAt?: number }>();
    for (const tribe of organisation.tribes) {
      for (const squad of tribe.squads) {
        for (const service of squad.services) {
          services.set(service.name, {
            repo: service.repo,
            ...(service.path === undefined ? {} : { path: service.path }),
            ...(service.onboardedAt === undefined
              ? {}
              : { onboardedAt: parseLocalInstant(service.onboardedAt, organisation.timezone) }),
          });
        }
      }
    }
    return {
      isProduction: (environment) =>
        isProductionEnvironment(environment, organisation.environments.production),
      attributionWindowHours: organisation.attributionWindowHours,
      leadTimeStart: this.context.config.leadTimeStart,
      services,
    };
  }

  private async state() {
    const key = `${await lastArrival(this.context.db.kysely)}/${this.context.organisation.revision}`;
    if (this.loaded?.key === key) return this.loaded;
    if (this.loading && this.loadingKey === key) return this.loading;
    this.loadingKey = key;
    this.loading = (async () => {
      const events = await loadEventSet(this.context.db.kysely);
      const state = {
        key,
        events,
        deployed: new Set(events.deployments.map((d) => d.service)),
        ownership: createOwnershipIndex(
          this.context.organisation.organisation,
          this.context.organisation.ownership,
        ),
        config: this.measureConfig(),
      };
      this.models.clear();
      this.loaded = state;
      return state;
    })();
    try {
      return await this.loading;
    } finally {
      if (this.loadingKey === key) this.loading = undefined;
    }
  }

  /**
   * Everything one request measures with, read once: the analysis for the production class (or one
   * environment), the groups, and whether an incident source feeds the organisation.
   */
  async snapshot(environment?: string): Promise<Snapshot> {
    const state = await this.state();
    // keyed by the state too: a request still holding an older state never caches its analysis for a newer one
    const cacheKey = `${state.key}\u0000${environment ?? ''}`;
    let model = this.models.get(cacheKey);
    if (!model) {
      model = analyseDelivery(state.events, state.config, environment);
      this.models.set(cacheKey, model);
    }
    const { webhookSecrets } = this.context.config;
    const hasIncidentSource =
      webhookSecrets.pagerduty.length + webhookSecrets.opsgenie.length + webhookSecrets.datadog.length > 0 ||
      state.events.incidents.length > 0;
    const analysed = model;
    const options = {
      now: this.context.clock(),
      timezone: this.context.organisation.organisation.timezone,
      hasIncidentSource,
    };
    return {
      model: analysed,
      groups: (grouping) => this.groups(grouping, state.ownership, state.deployed),
      summarise: (group, window) =>
        summarise(analysed, window, group.member, { ...options, services: group.services }),
    };
  }

  private groups(grouping: Grouping, ownership: OwnershipIndex, deployed: ReadonlySet<string>): Group[] {
    const current = ownership.current();
    const declared = [...current.keys()];
    const undeclared = [...deployed].filter((s) => !current.has(s)).sort();
    const { organisation } = this.context.organisation;
    switch (grouping) {
      case 'organisation':
        return [
          {
            key: organisation.name,
            squad: null,
            tribe: null,
            member: () => true,
            services: [...declared, ...undeclared],
          },
        ];
      case 'service':
        return [
          ...declared.map((service) => {
            const owner = current.get(service);
            return {
              key: service,
              squad: owner?.squad ?? null,
              tribe: owner?.tribe ?? null,
              member: (s: string) => s === service,
              services: [service],
            };
          }),
          ...undeclared.map((service) => ({
            key: service,
            squad: null,
            tribe: null,
            member: (s: string) => s === service,
            services: [service],
          })),
        ];
      case 'squad':
        return organisation.tribes.flatMap((tribe) =>
          tribe.squads.map((squad) => ({
            key: squad.name,
            squad: squad.name,
            tribe: tribe.name,
            member: (service: string, at: number) => ownership.ownerAt(service, at)?.squad === squad.name,
            services: this.servicesEverOwned(ownership, declared, (owner) => owner.squad === squad.name),
          })),
        );
      case 'tribe':
        return organisation.tribes.map((tribe) => ({
          key: tribe.name,
          squad: null,
          tribe: tribe.name,
          member: (service: string, at: number) => ownership.ownerAt(service, at)?.tribe === tribe.name,
          services: this.servicesEverOwned(ownership, declared, (owner) => owner.tribe === tribe.name),
        }));
    }
  }

  private servicesEverOwned(
    ownership: OwnershipIndex,
    declared: string[],
    matches: (owner: { squad: string; tribe: string }) => boolean,
  ) {
    const history = this.context.organisation.ownership;
    const owned = new Set(history.filter((o) => matches(o)).map((o) => o.service));
    for (const service of declared) {
      const owner = ownership.current().get(service);
      if (owner && matches(owner)) owned.add(service);
    }
    return [...owned];
  }

  /** The requested window, defaulting to the 90 days before now; dates are local midnights. */
  window(from: string | undefined, to: string | undefined): Window | { error: string } {
    const zone = this.context.organisation.organisation.timezone;
    const end = to === undefined ? this.context.clock() : parseLocalInstant(to, zone);
    const start = from === undefined ? end - 90 * dayMs : parseLocalInstant(from, zone);
    if (!(start < end)) return { error: 'from: must be before to' };
    if (end - start > 3 * 366 * dayMs) return { error: 'from: the window may span at most three years' };
    return { from: start, to: end };
  }
}
