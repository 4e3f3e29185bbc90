/**
 * One service's path to production: staging builds, releases on the squad's cadence (to each of its
 * production environments in turn), failed and cancelled attempts, redeploys, and incidents that
 * have nothing to do with a release.
 */
import type { Instant } from '../../src/core/events.js';
import { type DeploymentSpec, DeploymentWriter } from './DeploymentWriter.js';
import { IncidentWriter } from './IncidentWriter.js';
import { atLocalTime, type LocalDay } from './localDays.js';
import { planFailure, type Remedy } from './planFailure.js';
import { Random } from './Random.js';
import type { LoggedChange } from './RepoHistory.js';
import type { RepoSimulator } from './RepoSimulator.js';
import type { Simulation } from './Simulation.js';
import type { ServiceProfile } from './serviceProfiles.js';

const minute = 60_000;
const day = 86_400_000;

/** A built sha, ready to deploy. */
export interface Build {
  sha: string;
  index: number;
  version: string;
}

/** A production release: the deployment to the first production environment and when the last finished. */
export interface Release extends Build {
  id: string;
  finishedAt: Instant;
  /** Index deployed to production before this release (−1 for the first). */
  previousIndex: number;
}

/** How to deploy to production. */
export interface ProductionOptions {
  rollback?: boolean;
  labels?: string[];
  /** Whether an attempt may fail or be cancelled before the one that succeeds. */
  retryable?: boolean;
  /** Whether the deployment lists the commits it carries (sources that list them). */
  listCommits?: boolean;
}

/** Simulates one service's deployments and the incidents on it. */
export class ServiceSimulator {
  readonly random: Random;
  readonly deployments: DeploymentWriter;
  readonly incidents: IncidentWriter;
  staged: Build | undefined;
  prodIndex = -1;
  maxIndex = -1;
  readonly releases: Release[] = [];
  remedy: Remedy | undefined;
  private busyUntil = 0;
  private nextMonthly: Instant;
  private readonly version: [number, number, number];

  constructor(
    readonly simulation: Simulation,
    readonly profile: ServiceProfile,
    readonly repo: RepoSimulator,
    seed: number,
  ) {
    this.random = Random.from(seed, 'service', profile.service);
    this.deployments = new DeploymentWriter(simulation, profile, this.random);
    this.incidents = new IncidentWriter(simulation, profile, this.random);
    this.nextMonthly = simulation.start + this.random.between(0, 25) * day;
    this.version = [this.random.int(1, 4), this.random.int(0, 20), 0];
  }

  /** The lowest history index this service may still refer to. */
  get oldestNeeded(): number {
    if (this.prodIndex < 0) return 0;
    return Math.min(this.prodIndex, this.staged?.index ?? this.prodIndex);
  }

  /** Schedules the day's staging deployments, releases and unrelated incidents. */
  planDay(localDay: LocalDay, working: boolean, freeze: boolean): void {
    const { profile, random, simulation } = this;
    const incidents = random.poisson(profile.backgroundIncidents);
    for (let i = 0; i < incidents; i++) {
      const minutes = random.chance(0.7) ? random.between(480, 1140) : random.between(0, 1440);
      const at = Math.round(atLocalTime(localDay, minutes) / 1000) * 1000;
      simulation.schedule(at, () => this.unrelatedIncident(at));
    }
    if (!working || freeze) return;
    if (profile.dailyStaging && random.chance(0.8)) {
      const at = Math.round(atLocalTime(localDay, random.between(600, 960)) / 1000) * 1000;
      simulation.schedule(at, () => this.stage(at));
    }
    for (const minutes of this.releaseSlots(localDay)) {
      const at = Math.round(atLocalTime(localDay, minutes) / 1000) * 1000;
      const stageAt = at - Math.round(random.between(8, 30)) * minute;
      simulation.schedule(stageAt, () => this.stage(stageAt));
      simulation.schedule(at, () => this.release(at));
    }
  }

  private releaseSlots(localDay: LocalDay): number[] {
    const { profile, random } = this;
    const rate =
      profile.releaseRate * Math.max(0.2, 1 + profile.trend * this.simulation.progress(localDay.start));
    let count = 0;
    switch (profile.cadence) {
      case 'on-demand':
        count = random.poisson(rate);
        break;
      case 'daily':
        count = Math.floor(rate) + (random.chance(rate - Math.floor(rate)) ? 1 : 0);
        break;
      case 'weekly': {
        const main = Math.min(0.95, rate * 0.75);
        count = random.chance(
          localDay.weekday === profile.releaseWeekday ? main : Math.max(0, rate - main) / 4,
        )
          ? 1
          : 0;
        break;
      }
      case 'monthly':
        if (localDay.start >= this.nextMonthly) {
          count = 1;
          this.nextMonthly = localDay.start + (30 / rate) * random.between(0.7, 1.3) * day;
        }
        break;
    }
    const slots: number[] = [];
    for (let i = 0; i < count; i++) slots.push(random.between(570, 1020));
    slots.sort((a, b) => a - b);
    return slots.filter((slot, i) => i === 0 || slot - (slots[i - 1] ?? 0) >= 30);
  }

  /** The next version string (a patch, now and then a minor release). */
  nextVersion(): string {
    const v = this.version;
    if (this.random.chance(0.1)) {
      v[1]++;
      v[2] = 0;
    } else v[2]++;
    return `${v[0]}.${v[1]}.${v[2]}`;
  }

  /** Deploys the head of main to staging if it moved since the last staging build. */
  stage(at: Instant, build?: Build): void {
    const head = this.repo.history.head;
    if (
      head === undefined ||
      (build === undefined && this.staged !== undefined && head.index <= this.staged.index)
    )
      return;
    const random = this.random;
    const target = build ?? { sha: head.sha, index: head.index, version: this.nextVersion() };
    const commits = this.commitsBetween(this.staged?.index ?? -1, target);
    const finishedAt = at + Math.round(random.between(2, 10) * 60) * 1000;
    const failed = build === undefined && random.chance(0.06);
    const status = !failed ? 'success' : random.chance(0.7) ? 'failure' : 'cancelled';
    const spec: DeploymentSpec = {
      environment: 'staging',
      sha: target.sha,
      version: target.version,
      status,
      startedAt: at,
      finishedAt,
    };
    if (commits !== undefined) spec.commits = commits;
    this.deployments.write(spec);
    if (failed) return;
    if (this.staged === undefined || target.index > this.staged.index) this.staged = target;
  }

  /** A regular release of what staging has, unless a remedy is pending or nothing is new. */
  release(at: Instant): void {
    if (this.remedy !== undefined) return;
    if (at < this.busyUntil) {
      const later = this.busyUntil + 5 * minute;
      this.simulation.schedule(later, () => this.release(later));
      return;
    }
    const staged = this.staged;
    if (staged === undefined || staged.index <= this.maxIndex) {
      const current = this.releases[this.releases.length - 1];
      if (current !== undefined && current.index === this.maxIndex && this.random.chance(0.06)) {
        this.deployProduction(at, current, { listCommits: false });
      }
      return;
    }
    if (!this.touchesService(this.prodIndex, staged.index)) return;
    const release = this.deployProduction(at, staged, { retryable: true });
    planFailure(this, release);
  }

  /** Whether changes after `after` up to `to` concern this service (always, outside a monorepo). */
  private touchesService(after: number, to: number): boolean {
    if (this.profile.path === undefined || after < 0) return true;
    const service = this.profile.service;
    return this.repo.history
      .range(after, to)
      .some((c) => c.touches === undefined || c.touches.includes(service));
  }

  private commitsBetween(after: number, target: Build): string[] | undefined {
    if (!this.deployments.listsCommits) return undefined;
    if (after < 0) return [target.sha];
    return this.repo.history.range(after, target.index).map((c: LoggedChange) => c.sha);
  }

  /** Deploys a build to every production environment in turn and records the release. */
  deployProduction(at: Instant, build: Build, options: ProductionOptions): Release {
    const { profile, random } = this;
    const slow = profile.tier === 'low' ? 3 : profile.tier === 'medium' ? 1.6 : 1;
    const duration = (): number => Math.round(random.between(2, 12) * slow * 60) * 1000;
    const commits = options.listCommits === false ? undefined : this.commitsBetween(this.prodIndex, build);
    const base = { sha: build.sha, version: build.version };
    const extra = {
      ...(commits ? { commits } : {}),
      ...(options.rollback ? { rollback: true } : {}),
      ...(options.labels ? { labels: options.labels } : {}),
    };
    let t = at;
    if (options.retryable === true && random.chance(profile.failedAttempt)) {
      const finishedAt = t + duration();
      const status = random.chance(0.8) ? 'failure' : 'cancelled';
      this.deployments.write({
        environment: 'production',
        ...base,
        status,
        startedAt: t,
        finishedAt,
        ...extra,
      });
      t = finishedAt + Math.round(random.between(5, 30)) * minute;
    }
    let id = '';
    let finishedAt = t;
    profile.productionEnvironments.forEach((environment, i) => {
      if (i > 0)
        t =
          finishedAt +
          Math.round(profile.tier === 'elite' ? random.between(3, 20) : random.between(10, 150)) * minute;
      finishedAt = t + duration();
      const written = this.deployments.write({
        environment,
        ...base,
        status: 'success',
        startedAt: t,
        finishedAt,
        ...extra,
      });
      if (i === 0) id = written;
    });
    const release: Release = { ...build, id, finishedAt, previousIndex: this.prodIndex };
    this.prodIndex = build.index;
    this.maxIndex = Math.max(this.maxIndex, build.index);
    this.releases.push(release);
    if (this.releases.length > 4) this.releases.shift();
    this.busyUntil = finishedAt;
    return release;
  }

  private unrelatedIncident(at: Instant): void {
    const random = this.random;
    const duration = Math.min(5 * day, random.logNormal(this.profile.restoreMinutes, 0.9) * minute);
    const acknowledgeAfter = Math.min(duration / minute / 2, random.logNormal(6, 0.8));
    const spec = { openedAt: at, spread: 0.05, ...(random.chance(0.9) ? { acknowledgeAfter } : {}) };
    const incident = this.incidents.open(random.chance(0.8) ? { ...spec, changeRelated: false } : spec);
    this.incidents.resolve(incident, Math.round((at + duration) / 1000) * 1000);
  }

  /** Opens an incident shortly before the end that is still open when history ends. */
  openAtEnd(at: Instant): void {
    this.incidents.open({
      openedAt: at,
      mayArriveLate: false,
      ...(this.random.chance(0.5) ? { acknowledgeAfter: 4 } : {}),
    });
  }
}
