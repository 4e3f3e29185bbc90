import { setTimeout } from 'node:timers/promises';
import { type Kysely, sql } from 'kysely';
import type { EventSet } from '../../core/events.js';
import {
  analyseDeployments,
  changeScopeOf,
  emptyServiceFacts,
  encodeServiceFacts,
  type MeasureConfig,
  serviceFactsOf,
} from '../../core/metrics/index.js';
import { loadServiceEvents } from '../../store/events.js';
import type { Database } from '../../store/schema.js';
import { type BuiltFacts, clearStale, readFactsState, saveFacts } from '../../store/serviceFacts.js';

/** Bumped whenever the shape or meaning of `ServiceFacts` changes: every kept fact is then rebuilt. */
const factsFormat = 2;

/** The advisory lock that keeps rebuilds of facts one at a time over every instance. */
const rebuildLock = 7_242_001;

/** How long to wait before asking again for the lock another instance's rebuild holds. */
const lockRetryMs = 200;

async function tryLock(db: Kysely<Database>): Promise<boolean> {
  const result = await sql<{
    locked: boolean;
  }>`select pg_try_advisory_lock(${rebuildLock}) as locked`.execute(db);
  return result.rows[0]?.locked === true;
}

/** The rebuilds of each database in this process, one after another. */
const lanes = new WeakMap<object, { tail: Promise<unknown> }>();
function laneOf(db: object): { tail: Promise<unknown> } {
  let lane = lanes.get(db);
  if (lane === undefined) {
    lane = { tail: Promise.resolve() };
    lanes.set(db, lane);
  }
  return lane;
}

/** Services whose facts are derived together: their deployments and repositories are read at once. */
const servicesPerRead = 16;

/** The settings facts are derived with, and their fingerprint per service. */
export interface FactsSettings {
  measure: MeasureConfig;
  productionPatterns: readonly string[];
}

export function factsFingerprint(settings: FactsSettings, service: string): string {
  const declared = settings.measure.services.get(service);
  return JSON.stringify([
    factsFormat,
    settings.productionPatterns,
    settings.measure.leadTimeStart,
    declared === undefined ? null : [declared.repo, declared.path ?? null, declared.onboardedAt ?? null],
  ]);
}

/**
 * The deployments and changes some services are measured from: their deployments, their declared
 * repositories' changes, and for a service without one the changes its deployments list. `carrying`
 * narrows the services whose changes are read: the others' deployments carry only what those
 * changes give them.
 */
export function loadEventsOf(
  db: Kysely<Database>,
  services: readonly string[],
  measure: Pick<MeasureConfig, 'services'>,
  carrying: readonly string[] = services,
): Promise<Pick<EventSet, 'changes' | 'deployments'>> {
  const repos = new Set<string>();
  const listing: string[] = [];
  for (const service of carrying) {
    const scope = changeScopeOf(service, measure);
    if ('repo' in scope) repos.add(scope.repo);
    else listing.push(service);
  }
  return loadServiceEvents(db, { services, repos: [...repos], listing });
}

/**
 * Keeps every service's measured facts up to date with the stored events and the settings in force.
 * The database marks what each write touches (a service's deployments, a repository's changes); a
 * rebuild derives the facts of exactly the services those marks reach, and of those kept with other
 * settings, then clears the marks it saw. Rebuilds of one database run one at a time (`rebuild`); asking
 * while one is queued joins it.
 */
export class FactsKeeper {
  private queued: Promise<readonly string[]> | undefined;
  private last: Promise<unknown> = Promise.resolve();
  private stopped = false;

  /**
   * @param shared whether other processes may use the database (PostgreSQL): rebuilds then take a lock.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly shared: boolean,
    private readonly settings: () => FactsSettings,
    private readonly clock: () => number,
  ) {}

  /**
   * Resolves once the facts reflect every event stored before the call, with the services derived;
   * once stopped, at once with none.
   */
  refresh(): Promise<readonly string[]> {
    if (this.stopped) return Promise.resolve([]);
    if (this.queued) return this.queued;
    const lane = laneOf(this.db);
    const run = lane.tail.then(() => {
      this.queued = undefined;
      return this.stopped ? [] : this.rebuild();
    });
    this.queued = run;
    lane.tail = run.catch(() => {});
    this.last = lane.tail;
    return run;
  }

  /**
   * Lets the rebuild under way end after the services it is deriving (what is kept stays consistent,
   * and the marks it did not clear make the next rebuild finish it), refuses new ones; resolves when
   * this keeper's last rebuild has ended.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.last;
  }

  /**
   * One rebuild at a time per database: in this process through one queue per database, whichever
   * keeper asks; across the instances sharing a PostgreSQL database through a session lock on one
   * connection. Otherwise a rebuild that read the events earlier could overwrite facts another derived
   * from later events after that one cleared the marks. PGlite has one process (the data directory is
   * locked) and one connection, which the rebuild must not hold between its statements.
   */
  private rebuild(): Promise<readonly string[]> {
    if (!this.shared) return this.rebuildOn(this.db);
    return this.db.connection().execute(async (db) => {
      // tried, not waited for in one statement: another instance's rebuild may outlast the statement timeout
      while (!(await tryLock(db))) await setTimeout(lockRetryMs);
      try {
        return await this.rebuildOn(db);
      } finally {
        await sql`select pg_advisory_unlock(${rebuildLock})`.execute(db);
      }
    });
  }

  private async rebuildOn(db: Kysely<Database>): Promise<readonly string[]> {
    const settings = this.settings();
    const { stale, kept } = await readFactsState(db);
    const services = new Set(stale.filter((m) => m.kind === 'service').map((m) => m.name));
    const repos = new Set(stale.filter((m) => m.kind === 'repo').map((m) => m.name));
    for (const [service, fingerprint] of kept) {
      const scope = changeScopeOf(service, settings.measure);
      const touched = 'repo' in scope ? repos.has(scope.repo) : repos.size > 0;
      if (touched || fingerprint !== factsFingerprint(settings, service)) services.add(service);
    }
    // services of one repository side by side, so a repository is read once
    const scopeKey = new Map(
      [...services].map((service) => {
        const scope = changeScopeOf(service, settings.measure);
        return [service, 'repo' in scope ? `r:${scope.repo}` : '~'];
      }),
    );
    const keyOf = (service: string) => scopeKey.get(service) ?? '~';
    const ordered = [...services].sort((a, b) => keyOf(a).localeCompare(keyOf(b)) || a.localeCompare(b));
    for (let i = 0; i < ordered.length; i += servicesPerRead) {
      if (this.stopped) return ordered.slice(0, i);
      await this.derive(db, ordered.slice(i, i + servicesPerRead), settings);
    }
    await clearStale(db, stale);
    return ordered;
  }

  private async derive(db: Kysely<Database>, services: string[], settings: FactsSettings): Promise<void> {
    const events = await loadEventsOf(db, services, settings.measure);
    const derived = new Map(
      serviceFactsOf(analyseDeployments(events, settings.measure)).map((f) => [f.service, f]),
    );
    const present = new Set(events.deployments.map((d) => d.service));
    const built: BuiltFacts[] = services.map((service) => {
      const facts = derived.get(service) ?? (present.has(service) ? emptyServiceFacts(service) : null);
      return {
        service,
        fingerprint: factsFingerprint(settings, service),
        facts: facts === null ? null : encodeServiceFacts(facts),
      };
    });
    await saveFacts(db, built, new Date(this.clock()));
  }
}
