import { createHash } from 'node:crypto';
import type { EventSet, Incident } from '../../core/events.js';
import {
  always,
  analyseDelivery,
  assembleHistory,
  type DeliveryModel,
  decodeHistory,
  decodeServiceFacts,
  drillDownScope,
  type EncodedHistory,
  encodeHistory,
  type GroupMetrics,
  incidentKey,
  isProductionEnvironment,
  type MeasureConfig,
  type MeasuredHistory,
  type Member,
  summarise,
  type WholeHistory,
} from '../../core/metrics/index.js';
import { createOwnershipIndex, type OwnershipIndex } from '../../core/org/ownershipIndex.js';
import { lastArrival, loadAllIncidents, loadEventSet } from '../../store/events.js';
import { keepHistory, readKeptHistory } from '../../store/keptHistory.js';
import { type KeptFacts, lastMark, readKeptFacts } from '../../store/serviceFacts.js';
import type { AppContext } from '../context.js';
import { BoundedCache } from './boundedCache.js';
import { FactsKeeper, type FactsSettings, factsFingerprint, loadEventsOf } from './factsKeeper.js';
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
  history: MeasuredHistory;
  groups(grouping: Grouping): Group[];
  /** One group's figures over a window. */
  summarise(group: Group, window: Window): GroupMetrics;
  /** Every record behind a drill-down into `services` (into the whole organisation when undefined). */
  records(services: readonly string[] | undefined): Promise<DeliveryModel>;
}

/** A snapshot with every record behind the figures (changes, reasons), for the drill-downs. */
export interface DetailedSnapshot extends Snapshot {
  model: DeliveryModel;
}

/**
 * What the production-class figures are measured from: the whole history, assembled from every
 * service's kept facts and the incidents, or read as kept by an earlier start on the same store.
 */
interface FactsView {
  key: string;
  history: WholeHistory;
  /** Services with any stored deployment (some may be undeclared). */
  deployed: ReadonlySet<string>;
  /** The incidents (a kept history holds their records only: they are then read once, when first asked for). */
  incidents: () => Promise<readonly Incident[]>;
  ownership: OwnershipIndex;
  /** Whether every service's facts were up to date with the store and the settings in force. */
  current: boolean;
}

const dayMs = 86_400_000;

/** What a server keeps of its assembled histories for later starts. */
interface Keeping {
  log: (error: unknown) => void;
  /** The latest assembled history, kept once the store has been quiet for a moment. */
  waiting: { state: string; view: FactsView; timer: NodeJS.Timeout } | undefined;
  /** Writes of kept histories, one after another. */
  writing: Promise<void>;
}

/** Writes the history waiting to be kept, if any. */
function writeWaiting(keeping: Keeping, context: AppContext): void {
  const waiting = keeping.waiting;
  if (waiting === undefined) return;
  clearTimeout(waiting.timer);
  keeping.waiting = undefined;
  const { state, view } = waiting;
  keeping.writing = keeping.writing
    .then(() =>
      keepHistory(
        context.db.kysely,
        state,
        encodeHistory(view.history, view.deployed),
        new Date(context.clock()),
      ),
    )
    .catch(keeping.log);
}

/** Bumped whenever the shape or meaning of a kept whole history changes: none kept before is read. */
const historyFormat = 1;

/**
 * Analyses kept per state of the store: the production class and a few environments asked for. An
 * analysis of the full-scale benchmark holds about a hundred megabytes, and the environment is request
 * input, so the cache is bounded.
 */
const analysesKept = 4;

/** Drill-downs' analyses kept, of the latest state of the store: each holds one selection's events only. */
const selectionsKept = 8;

/** After an ingestion, how long the store must stay quiet before the facts are brought up to date. */
const quietMs = 1_000;

/**
 * Rebuilds of facts made for a read before it goes on with what it has: a busy ingestion keeps adding
 * marks, and figures as of a moment ago are then the best answer.
 */
const rebuildsPerRead = 3;

/**
 * Measures the stored events for the organisation in force, once per state of the store (any
 * ingestion or organisation change invalidates it), then cuts groups and windows from the result.
 *
 * The production-class figures come from the whole history kept by an earlier start when the store
 * and the settings are unchanged, else from each service's kept facts (brought up to date first, and
 * in the background once ingestion goes quiet) assembled with the incidents, and kept in turn; a
 * drill-down into services analyses the events its records depend on, which that history tells; one
 * environment's figures and a drill-down into the whole organisation analyse every stored event.
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
  private readonly selections = new BoundedCache<string, Promise<DeliveryModel>>(selectionsKept);
  private selectionsOf: string | undefined;
  private view: FactsView | undefined;
  private viewing: { key: string; promise: Promise<FactsView> } | undefined;
  readonly facts: FactsKeeper;
  /** Set while a server keeps facts fresh: assembled histories are then kept for later starts. */
  private keeping: Keeping | undefined;

  constructor(private readonly context: AppContext) {
    this.facts = new FactsKeeper(
      context.db.kysely,
      context.db.kind === 'postgres',
      () => this.factsSettings(),
      context.clock,
    );
  }

  /**
   * Brings the facts up to date whenever ingestion has been quiet for a moment, so a read rarely has
   * to; returns a function that stops it and waits for a rebuild under way.
   */
  keepFresh(log: (error: unknown) => void): () => Promise<void> {
    const keeping: Keeping = { log, waiting: undefined, writing: Promise.resolve() };
    this.keeping = keeping;
    let timer: NodeJS.Timeout | undefined;
    const schedule = () => {
      // the store moved on: a history waiting to be kept is of an earlier state
      clearTimeout(keeping.waiting?.timer);
      keeping.waiting = undefined;
      clearTimeout(timer);
      timer = setTimeout(() => {
        this.facts.refresh().catch(log);
      }, quietMs);
      timer.unref();
    };
    const unsubscribe = this.context.live.subscribe(schedule);
    schedule();
    return async () => {
      unsubscribe();
      clearTimeout(timer);
      writeWaiting(keeping, this.context);
      this.keeping = undefined;
      await Promise.all([this.facts.stop(), keeping.writing]);
    };
  }

  private factsSettings(): FactsSettings {
    return {
      measure: this.measureConfig(),
      productionPatterns: this.context.organisation.organisation.environments.production,
    };
  }

  /**
   * The state of the store (`store`: any write or delete changes it) and of the organisation too
   * (`key`: a reload changes it as well).
   */
  private async storeState(): Promise<{ key: string; store: string }> {
    const db = this.context.db.kysely;
    const [arrival, mark] = await Promise.all([lastArrival(db), lastMark(db)]);
    const store = `${arrival}/${mark}`;
    return { key: `${store}/${this.context.organisation.revision}`, store };
  }

  /**
   * The state a whole history is kept for across starts: the store's, and every setting the history
   * depends on (the organisation's revision counts reloads of this process only).
   */
  private keptState(store: string): string {
    const settings = this.factsSettings();
    const declared = [...settings.measure.services.keys()].sort();
    const depends = JSON.stringify([
      historyFormat,
      settings.measure.attributionWindowHours,
      // an undeclared service's fingerprint: the format, the production patterns, the lead-time start
      factsFingerprint(settings, ''),
      declared.map((service) => [service, factsFingerprint(settings, service)]),
    ]);
    return `${store}/${createHash('sha256').update(depends).digest('hex')}`;
  }

  private async storeKey(): Promise<string> {
    return (await this.storeState()).key;
  }

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

  /**
   * The production-class history: kept by an earlier start when the store and the settings are as
   * they were, else assembled from the kept facts, brought up to date first.
   */
  private async factsView(): Promise<FactsView> {
    const state = await this.storeState();
    const { key } = state;
    if (this.view?.key === key) return this.view;
    if (this.viewing?.key === key) return this.viewing.promise;
    const promise = (async () => {
      const kept = this.keptState(state.store);
      const stored = await readKeptHistory(this.context.db.kysely, kept);
      const view = (stored && this.keptView(key, stored)) ?? (await this.assembledView(key, kept));
      if (view.current) this.view = view;
      return view;
    })();
    this.viewing = { key, promise };
    try {
      return await promise;
    } finally {
      if (this.viewing?.promise === promise) this.viewing = undefined;
    }
  }

  /** The view of a kept history; undefined when it cannot be read (it is then assembled, and replaced). */
  private keptView(key: string, kept: EncodedHistory): FactsView | undefined {
    try {
      const { history, deployed } = decodeHistory(kept);
      const db = this.context.db.kysely;
      let incidents: Promise<readonly Incident[]> | undefined;
      return {
        key,
        history,
        deployed: new Set(deployed),
        incidents: () =>
          (incidents ??= loadAllIncidents(db).catch((error: unknown) => {
            incidents = undefined;
            throw error;
          })),
        ownership: this.ownership(),
        current: true,
      };
    } catch (error) {
      this.keeping?.log(error);
      return undefined;
    }
  }

  private ownership(): OwnershipIndex {
    return createOwnershipIndex(this.context.organisation.organisation, this.context.organisation.ownership);
  }

  /** The history assembled from the kept facts, kept for later starts (when a server keeps facts fresh). */
  private async assembledView(key: string, keptState: string): Promise<FactsView> {
    const settings = this.factsSettings();
    // behind: marks left, or facts another instance derived with other settings (a reload under way)
    const behind = (kept: KeptFacts) =>
      kept.stale > 0 || kept.facts.some((f) => f.fingerprint !== factsFingerprint(settings, f.service));
    let kept = await this.keptFacts();
    for (let rebuilds = 1; behind(kept) && rebuilds < rebuildsPerRead; rebuilds++)
      kept = await this.keptFacts();
    const facts = kept.facts.map((row) => decodeServiceFacts(row.service, row));
    const incidents = kept.incidents;
    const view: FactsView = {
      key,
      history: assembleHistory(
        facts,
        kept.incidents,
        this.context.organisation.organisation.attributionWindowHours,
      ),
      deployed: new Set(facts.map((f) => f.service)),
      incidents: () => Promise.resolve(incidents),
      ownership: this.ownership(),
      current: !behind(kept),
    };
    // facts still behind are the best answer now, but not for later: catching up moves no key
    if (view.current) this.keep(keptState, view);
    return view;
  }

  /**
   * Keeps an assembled history for later starts once the store has been quiet for a moment (or the
   * server stops), so a busy ingestion does not write one per write, nor delay the answer.
   */
  private keep(state: string, view: FactsView): void {
    const keeping = this.keeping;
    if (keeping === undefined) return;
    clearTimeout(keeping.waiting?.timer);
    const timer = setTimeout(() => writeWaiting(keeping, this.context), quietMs);
    timer.unref();
    keeping.waiting = { state, view, timer };
  }

  private async keptFacts() {
    await this.facts.refresh();
    return readKeptFacts(this.context.db.kysely);
  }

  private async state() {
    const key = await this.storeKey();
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
   * Everything one request measures with, read once: the production class from the kept facts, or
   * one environment analysed from every stored event; the groups; whether an incident source feeds
   * the organisation.
   */
  async snapshot(environment?: string): Promise<Snapshot> {
    if (environment !== undefined) return this.detailed(environment);
    const view = await this.factsView();
    return this.snapshotOf(
      view.history,
      view.ownership,
      view.deployed,
      view.history.incidents.length,
      async (services) =>
        services === undefined ? (await this.detailed()).model : this.selectionOf(view, services),
    );
  }

  /**
   * The production class analysed from the events behind some services' records only (a drill-down):
   * the whole history tells which services and incidents those are (`drillDownScope`), so a service's
   * drill-down reads its own events and the deployments its incidents can reach, not every stored one.
   */
  async selection(services: readonly string[]): Promise<DeliveryModel> {
    return this.selectionOf(await this.factsView(), services);
  }

  private async selectionOf(view: FactsView, services: readonly string[]): Promise<DeliveryModel> {
    // facts behind the store could leave out an incident that reaches the selection
    if (!view.current) return (await this.detailed()).model;
    // kept for the latest state only, so the services alone name an analysis
    const cacheKey = [...new Set(services)].sort().join('\u0000');
    if (this.selectionsOf !== view.key) {
      this.selections.clear();
      this.selectionsOf = view.key;
    }
    // the promise is kept, so the lists of one page, asked for together, share one analysis
    let model = this.selections.get(cacheKey);
    if (!model) {
      model = (async () => {
        const scope = drillDownScope(view.history, services);
        const config = this.measureConfig();
        // the other services' deployments only compete for incidents: their changes are not read
        const events = await loadEventsOf(this.context.db.kysely, scope.services, config, services);
        const incidents = (await view.incidents()).filter((incident) =>
          scope.incidents.has(incidentKey(incident)),
        );
        return analyseDelivery({ ...events, incidents }, config);
      })();
      this.selections.set(cacheKey, model);
      const kept = model;
      kept.catch(() => {
        if (this.selections.get(cacheKey) === kept) this.selections.delete(cacheKey);
      });
    }
    return model;
  }

  /** A snapshot with every record behind the figures, analysed from every stored event. */
  async detailed(environment?: string): Promise<DetailedSnapshot> {
    const state = await this.state();
    // keyed by the state too: a request still holding an older state never caches its analysis for a newer one
    const cacheKey = `${state.key}\u0000${environment ?? ''}`;
    let model = this.models.get(cacheKey);
    if (!model) {
      model = analyseDelivery(state.events, state.config, environment);
      this.models.set(cacheKey, model);
    }
    const whole = model;
    const snapshot = this.snapshotOf(
      whole,
      state.ownership,
      state.deployed,
      state.events.incidents.length,
      () => Promise.resolve(whole),
    );
    return { ...snapshot, model };
  }

  private snapshotOf(
    history: MeasuredHistory,
    ownership: OwnershipIndex,
    deployed: ReadonlySet<string>,
    incidents: number,
    records: Snapshot['records'],
  ): Snapshot {
    const { webhookSecrets } = this.context.config;
    const hasIncidentSource =
      webhookSecrets.pagerduty.length + webhookSecrets.opsgenie.length + webhookSecrets.datadog.length > 0 ||
      incidents > 0;
    const options = {
      now: this.context.clock(),
      timezone: this.context.organisation.organisation.timezone,
      hasIncidentSource,
    };
    return {
      history,
      groups: (grouping) => this.groups(grouping, ownership, deployed),
      summarise: (group, window) =>
        summarise(history, window, group.member, { ...options, services: group.services }),
      records,
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
            member: always,
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
              member: always,
              services: [service],
            };
          }),
          ...undeclared.map((service) => ({
            key: service,
            squad: null,
            tribe: null,
            member: always,
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
            services: this.servicesEverOwned(current, declared, (owner) => owner.squad === squad.name),
          })),
        );
      case 'tribe':
        return organisation.tribes.map((tribe) => ({
          key: tribe.name,
          squad: null,
          tribe: tribe.name,
          member: (service: string, at: number) => ownership.ownerAt(service, at)?.tribe === tribe.name,
          services: this.servicesEverOwned(current, declared, (owner) => owner.tribe === tribe.name),
        }));
    }
  }

  private servicesEverOwned(
    current: ReadonlyMap<string, { squad: string; tribe: string }>,
    declared: string[],
    matches: (owner: { squad: string; tribe: string }) => boolean,
  ) {
    const history = this.context.organisation.ownership;
    const owned = new Set(history.filter((o) => matches(o)).map((o) => o.service));
    for (const service of declared) {
      const owner = current.get(service);
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
