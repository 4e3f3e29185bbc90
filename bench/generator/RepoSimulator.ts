/**
 * One repository's main branch: pull requests merged by squash, rebase or merge commit, direct
 * pushes, reverts and hotfixes, emitted as change events when they are pushed.
 */

import type { ChangeEventInput } from '../../src/contract/events.js';
import type { Instant } from '../../src/core/events.js';
import { atLocalTime, isoUtc, isoWithOffset, type LocalDay } from './localDays.js';
import { Random } from './Random.js';
import { type LoggedChange, RepoHistory } from './RepoHistory.js';
import type { Simulation } from './Simulation.js';
import type { ServiceProfile } from './serviceProfiles.js';

const minute = 60_000;
const hour = 3_600_000;
const day = 86_400_000;
/** Changes a merged pull request brings on average (squash 1, rebase 2–4, merge commit 2–5). */
const changesPerMerge = 1.45;
const labelsByWeight = { none: 70, feature: 14, bug: 9, dependencies: 5, documentation: 2 } as const;
const mergeStyles = { squash: 80, rebase: 10, merge: 10 } as const;
const words = [
  'handler',
  'routes',
  'model',
  'client',
  'config',
  'mapper',
  'query',
  'schema',
  'view',
  'worker',
];

/** How a change gets onto main. */
export interface PushOptions {
  /** The service the work is for (its pull-request habits, its monorepo path). */
  profile: ServiceProfile;
  labels?: string[];
  /** The change this one reverts. */
  reverts?: LoggedChange;
  /** A quick pull request (a fix under pressure) instead of the squad's usual pace. */
  fast?: boolean;
  /** Pushed straight to main without a pull request. */
  direct?: boolean;
}

/** A change being written: what it carries besides its times and parents. */
interface Draft {
  pr?: ChangeEventInput['pr'];
  labels?: string[];
  reverts?: LoggedChange;
  files?: string[];
  touches?: string[];
  merge?: boolean;
}

/** Simulates the main branch of one repository shared by one or more services. */
export class RepoSimulator {
  readonly history = new RepoHistory();
  private readonly random: Random;
  private readonly monorepo: boolean;
  private prNumber: number;
  private offsetMinutes = 0;

  constructor(
    private readonly simulation: Simulation,
    readonly repo: string,
    readonly profiles: readonly ServiceProfile[],
    seed: number,
  ) {
    this.random = Random.from(seed, 'repo', repo);
    this.monorepo = profiles.some((p) => p.path !== undefined);
    this.prNumber = this.random.int(40, 2400);
  }

  /** Emits a few commits from long before the period, so first deployments have history behind them. */
  seedHistory(): void {
    const count = this.random.int(1, 4);
    let committedAt = this.simulation.start - this.random.between(60, 900) * day;
    for (let i = 0; i < count; i++) {
      const profile = this.random.pick(this.profiles);
      const parents = this.history.head ? [this.history.head.sha] : [];
      const pushedAt = committedAt + this.random.between(1, 60) * minute;
      this.write(this.simulation.start, profile, committedAt, {}, parents, pushedAt);
      committedAt += this.random.between(1, 40) * day;
    }
  }

  /** Schedules the day's merges for every service of the repository. */
  planDay(localDay: LocalDay, working: boolean, freeze: boolean): void {
    this.offsetMinutes = localDay.offsetMinutes;
    for (const profile of this.profiles) {
      const factor = !working ? 0.04 : freeze ? 0.3 : 1;
      const merges = this.random.poisson((profile.changesPerDay / changesPerMerge) * factor);
      for (let i = 0; i < merges; i++) {
        const minutes = working
          ? 480 + (this.random.float() + this.random.float()) * 330
          : 600 + this.random.float() * 720;
        const at = Math.round(atLocalTime(localDay, minutes) / 1000) * 1000;
        this.simulation.schedule(at, () => this.merge(at, profile));
      }
    }
  }

  /** Lets go of history before `keepFrom`, keeping a few recent changes for branch bases. */
  trim(keepFrom: number): void {
    this.history.trim(Math.min(keepFrom, this.history.headIndex - 16));
  }

  private merge(at: Instant, profile: ServiceProfile): void {
    if (this.random.chance(0.004)) {
      const recent = this.history.range(this.history.headIndex - 12, this.history.headIndex);
      const target = recent.find((c) => !c.merge && !c.revert && this.random.chance(0.3));
      if (target !== undefined) {
        this.push(at, { profile, reverts: target });
        return;
      }
    }
    const label = this.random.weighted(labelsByWeight);
    const options: PushOptions = { profile, direct: this.random.chance(profile.directPush) };
    if (label !== 'none') options.labels = [label];
    this.push(at, options);
  }

  /** Pushes work to main at `at` and returns the new head. */
  push(at: Instant, options: PushOptions): LoggedChange {
    const { profile } = options;
    const random = this.random;
    const draft = this.draft(options);
    if (options.direct === true) return this.write(at, profile, at - random.between(1, 30) * minute, draft);
    const duration = options.fast
      ? random.between(8, 50) * minute
      : Math.min(45 * day, Math.max(10 * minute, random.logNormal(profile.prHoursMedian, 0.9) * hour));
    const firstCommitAt = Math.round((at - duration) / 1000) * 1000;
    const openedAt = Math.round((firstCommitAt + duration * random.between(0.05, 0.6)) / 1000) * 1000;
    draft.pr = {
      number: this.prNumber++,
      openedAt: isoUtc(openedAt),
      mergedAt: isoUtc(at),
      firstCommitAt: isoUtc(firstCommitAt),
    };
    const style = options.fast || options.reverts ? 'squash' : random.weighted(mergeStyles);
    if (style === 'squash') return this.write(at, profile, at, draft);
    const commits = random.int(style === 'rebase' ? 2 : 1, 4);
    const times: number[] = [];
    for (let i = 0; i < commits; i++)
      times.push(firstCommitAt + random.float() * (at - firstCommitAt - minute));
    times.sort((a, b) => a - b);
    if (style === 'rebase') {
      let head: LoggedChange | undefined;
      for (const time of times) head = this.write(at, profile, time, draft);
      return head!;
    }
    const base = this.history.at(this.history.headIndex - random.int(0, 6)) ?? this.history.head;
    const mainParent = this.history.head?.sha;
    let parent = base?.sha;
    for (const time of times)
      parent = this.write(at, profile, time, draft, parent === undefined ? [] : [parent]).sha;
    const parents = mainParent === undefined || parent === undefined ? [] : [mainParent, parent];
    const merge: Draft = { pr: draft.pr, merge: true };
    if (draft.files !== undefined) merge.files = draft.files;
    if (draft.touches !== undefined) merge.touches = draft.touches;
    return this.write(at, profile, at, merge, parents);
  }

  private draft(options: PushOptions): Draft {
    const draft: Draft = {};
    if (options.labels) draft.labels = options.labels;
    if (options.reverts) draft.reverts = options.reverts;
    const files = options.reverts?.files ?? this.filesFor(options.profile);
    if (files) {
      draft.files = files;
      draft.touches = this.profiles
        .filter((p) => p.path !== undefined && files.some((file) => file.startsWith(`${p.path}/`)))
        .map((p) => p.service);
    }
    return draft;
  }

  private filesFor(profile: ServiceProfile): string[] | undefined {
    if (!this.monorepo) return undefined;
    const random = this.random;
    if (profile.path === undefined || random.chance(0.05)) return [`libs/shared/${random.pick(words)}.ts`];
    const files = new Set<string>();
    const count = random.int(1, 4);
    for (let i = 0; i < count; i++) {
      files.add(`${profile.path}/${random.chance(0.7) ? 'src' : 'test'}/${random.pick(words)}.ts`);
    }
    const other = this.profiles.find((p) => p !== profile && p.path !== undefined);
    if (other?.path !== undefined && random.chance(0.08))
      files.add(`${other.path}/src/${random.pick(words)}.ts`);
    return [...files];
  }

  private write(
    arrival: Instant,
    profile: ServiceProfile,
    committedAt: Instant,
    draft: Draft,
    parents?: string[],
    pushedAt?: Instant,
  ): LoggedChange {
    const sha = this.random.hex(40);
    const head = this.history.head;
    const event: ChangeEventInput = {
      type: 'change',
      repo: this.repo,
      sha,
      committedAt: profile.localCommitTimes
        ? isoWithOffset(committedAt, this.offsetMinutes)
        : isoUtc(committedAt),
      parents: parents ?? (head === undefined ? [] : [head.sha]),
      pushedAt: isoUtc(pushedAt ?? arrival),
      branch: 'main',
    };
    if (draft.pr) event.pr = draft.pr;
    if (draft.labels) event.labels = draft.labels;
    if (draft.reverts) event.reverts = [draft.reverts.sha];
    if (draft.files) event.files = draft.files;
    this.simulation.emit(arrival, event);
    const logged: Omit<LoggedChange, 'index'> = {
      sha,
      merge: draft.merge === true,
      revert: draft.reverts !== undefined,
    };
    if (draft.files) logged.files = draft.files;
    if (draft.touches) logged.touches = draft.touches;
    return this.history.append(logged);
  }
}
