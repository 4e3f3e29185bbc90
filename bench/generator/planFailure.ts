/**
 * What happens after a production release that goes wrong: someone notices (often through an
 * incident naming the deployment by id, sha or version, or naming nothing), and the squad recovers
 * by a flagged rollback, a plain redeploy of the previous sha, a hotfix, a revert or a fix forward.
 */
import type { Instant } from '../../src/core/events.js';
import type { OpenIncident } from './IncidentWriter.js';
import type { LoggedChange } from './RepoHistory.js';
import type { Build, Release, ServiceSimulator } from './ServiceSimulator.js';

const minute = 60_000;
const acknowledgeMinutes = { elite: 3, high: 6, medium: 15, low: 30 } as const;

/** How a squad recovers from a bad release. */
export type RemedyKind = 'rollbackFlag' | 'rollbackSha' | 'hotfix' | 'revert' | 'fixForward';

/** A recovery in progress: regular releases wait for it. */
export interface Remedy {
  kind: RemedyKind;
  bad: Release;
  /** The build the remedy deploys (set when its change is pushed). */
  build?: Build;
  /** Whether the remedy's deployment is labelled `hotfix`. */
  deployLabel?: boolean;
  incidents: { incident: OpenIncident; causedBy?: string }[];
}

const causes = { id: 30, sha: 20, version: 15, none: 35 } as const;
const causesWithoutVersion = { id: 30, sha: 20, version: 0, none: 35 } as const;
const remedies = { rollbackFlag: 24, rollbackSha: 14, hotfix: 26, revert: 18, fixForward: 18 } as const;
/** Without an incident nobody fixes forward: the next release would hide the failure. */
const silentRemedies = { rollbackFlag: 24, rollbackSha: 14, hotfix: 26, revert: 18, fixForward: 0 } as const;

const seconds = (instant: number): Instant => Math.round(instant / 1000) * 1000;

function causeOf(service: ServiceSimulator, release: Release): string | undefined {
  const by = service.random.weighted(service.profile.versioned ? causes : causesWithoutVersion);
  return by === 'id'
    ? release.id
    : by === 'sha'
      ? release.sha
      : by === 'version'
        ? release.version
        : undefined;
}

function revertTarget(service: ServiceSimulator, release: Release): LoggedChange | undefined {
  const name = service.profile.service;
  const candidates = service.repo.history
    .range(release.previousIndex, release.index)
    .filter(
      (c) =>
        !c.merge &&
        !c.revert &&
        (c.touches === undefined || (c.touches.length === 1 && c.touches[0] === name)),
    );
  return candidates.length > 0 ? service.random.pick(candidates) : undefined;
}

/** Decides whether a release failed and, if so, schedules its incidents and its remedy. */
export function planFailure(service: ServiceSimulator, release: Release): void {
  const { profile, random, simulation } = service;
  const progress = simulation.progress(release.finishedAt);
  const rate = Math.min(0.7, Math.max(0.005, profile.changeFailure * (1 - 0.4 * profile.trend * progress)));
  if (release.previousIndex < 0 || !random.chance(rate)) return;
  const noticedAt = seconds(release.finishedAt + random.between(...profile.detectMinutes) * minute);
  const withIncident = random.chance(0.8);
  let kind = random.weighted<RemedyKind>(withIncident ? remedies : silentRemedies);
  const previous = service.releases[service.releases.length - 2];
  if ((kind === 'rollbackFlag' || kind === 'rollbackSha') && previous === undefined) kind = 'hotfix';
  const target = kind === 'revert' ? revertTarget(service, release) : undefined;
  if (kind === 'revert' && target === undefined) kind = 'hotfix';
  const recovery = Math.min(20 * 1440, Math.max(10, random.logNormal(profile.recoveryMinutes, 0.6)));
  const deployAt = seconds(noticedAt + recovery * minute);
  const prepAt = seconds(noticedAt + recovery * random.between(0.3, 0.8) * minute);

  const remedy: Remedy = { kind, bad: release, incidents: [] };
  if (withIncident) {
    const acknowledgeAfter = Math.min(recovery / 2, random.logNormal(acknowledgeMinutes[profile.tier], 0.7));
    const incident = service.incidents.open({
      openedAt: noticedAt,
      ...(random.chance(0.92) ? { acknowledgeAfter } : {}),
      ...(random.chance(0.3) ? { changeRelated: true } : {}),
    });
    const causedBy = causeOf(service, release);
    remedy.incidents.push(causedBy === undefined ? { incident } : { incident, causedBy });
    if (random.chance(0.12)) {
      const second = service.incidents.open({
        openedAt: seconds(noticedAt + random.between(1, 20) * minute),
      });
      remedy.incidents.push({ incident: second });
    }
  }
  service.remedy = remedy;
  if (kind === 'hotfix' || kind === 'revert' || kind === 'fixForward') {
    simulation.schedule(prepAt, () => prepare(service, remedy, prepAt, target));
  }
  simulation.schedule(deployAt, () => recover(service, remedy, deployAt));
}

function prepare(
  service: ServiceSimulator,
  remedy: Remedy,
  at: Instant,
  target: LoggedChange | undefined,
): void {
  const { profile, random } = service;
  let head: LoggedChange;
  if (remedy.kind === 'hotfix') {
    const labelled = random.chance(0.75);
    head = service.repo.push(at, {
      profile,
      direct: random.chance(0.3),
      fast: true,
      ...(labelled ? { labels: ['hotfix'] } : {}),
    });
    remedy.build = { sha: head.sha, index: head.index, version: service.nextVersion() };
    remedy.deployLabel = !labelled || random.chance(0.5);
    if (random.chance(0.4)) service.stage(at + 3 * minute, remedy.build);
    return;
  }
  head =
    remedy.kind === 'revert' && target !== undefined
      ? service.repo.push(at, { profile, reverts: target, fast: true })
      : service.repo.push(at, { profile, fast: true, labels: ['bug'] });
  remedy.build = { sha: head.sha, index: head.index, version: service.nextVersion() };
  const build = remedy.build;
  const stageAt = at + Math.round(random.between(2, 8)) * minute;
  service.simulation.schedule(stageAt, () => service.stage(stageAt, build));
}

function recover(service: ServiceSimulator, remedy: Remedy, at: Instant): void {
  const { random } = service;
  let finishedAt: Instant;
  if (remedy.kind === 'rollbackFlag' || remedy.kind === 'rollbackSha') {
    const previous = service.releases[service.releases.indexOf(remedy.bad) - 1] ?? service.releases[0]!;
    const flagged = remedy.kind === 'rollbackFlag';
    const labels = flagged && random.chance(0.4) ? { labels: ['rollback'] } : {};
    finishedAt = service.deployProduction(at, previous, {
      rollback: flagged,
      listCommits: false,
      ...labels,
    }).finishedAt;
  } else {
    const build = remedy.build;
    if (build === undefined) return;
    const options = remedy.deployLabel === true ? { labels: ['hotfix'] } : {};
    finishedAt = service.deployProduction(at, build, options).finishedAt;
  }
  service.remedy = undefined;
  for (const { incident, causedBy } of remedy.incidents) {
    service.incidents.resolve(incident, seconds(finishedAt + random.between(2, 40) * minute), causedBy);
  }
}
