/**
 * Writes one service's deployment events the way its deploying system would: ids in the source's
 * style, an `in_progress` event before some deployments (sometimes arriving after the final one),
 * and the commits listed only by sources that list them.
 */

import type { DeploymentEventInput } from '../../src/contract/events.js';
import type { Instant } from '../../src/core/events.js';
import { isoUtc } from './localDays.js';
import type { Random } from './Random.js';
import type { Simulation } from './Simulation.js';
import type { ServiceProfile } from './serviceProfiles.js';

/** The most commits a deployment event may list (the wire contract's list limit). */
const maxCommits = 10_000;

/** One deployment to write. */
export interface DeploymentSpec {
  environment: string;
  sha: string;
  version?: string;
  status: 'success' | 'failure' | 'cancelled';
  startedAt: Instant;
  finishedAt: Instant;
  /** Shas the deployment carries; written only when the source lists commits. */
  commits?: string[];
  rollback?: boolean;
  labels?: string[];
}

/** Emits deployment events of one service. */
export class DeploymentWriter {
  constructor(
    private readonly simulation: Simulation,
    private readonly profile: ServiceProfile,
    private readonly random: Random,
  ) {}

  /** Whether this service's deploying system lists the commits of a deployment. */
  get listsCommits(): boolean {
    return this.profile.source !== 'github';
  }

  /** Writes the deployment (and possibly its in-progress event) and returns its id. */
  write(spec: DeploymentSpec): string {
    const { profile, random, simulation } = this;
    const id = this.nextId(spec.environment);
    const version = spec.version !== undefined && profile.versioned ? spec.version : undefined;
    const startedAt = isoUtc(spec.startedAt);
    if (profile.source !== 'jenkins' && random.chance(0.45)) {
      const progress: DeploymentEventInput = {
        type: 'deployment',
        id,
        source: profile.source,
        service: profile.service,
        environment: spec.environment,
        sha: spec.sha,
        status: 'in_progress',
        startedAt,
      };
      if (version !== undefined) progress.version = version;
      const late = random.chance(0.2);
      simulation.emit(late ? spec.finishedAt + random.int(1, 120) * 1000 : spec.startedAt, progress);
    }
    const final: DeploymentEventInput = {
      type: 'deployment',
      id,
      source: profile.source,
      service: profile.service,
      environment: spec.environment,
      sha: spec.sha,
      status: spec.status,
      startedAt,
      finishedAt: isoUtc(spec.finishedAt),
    };
    if (version !== undefined) final.version = version;
    const commits = spec.commits;
    if (this.listsCommits && commits !== undefined) {
      final.commits = commits.length > maxCommits ? commits.slice(-maxCommits) : commits;
    }
    if (spec.rollback === true) final.rollback = true;
    else if (profile.source === 'gitlab') final.rollback = false;
    if (spec.labels !== undefined && spec.labels.length > 0) final.labels = spec.labels;
    simulation.emit(spec.finishedAt, final);
    return id;
  }

  private nextId(environment: string): string {
    const { profile, simulation } = this;
    switch (profile.source) {
      case 'github':
        return `gh-${simulation.next('github', 1_000)}`;
      case 'gitlab':
        return `gl-${simulation.next('gitlab', 50_000)}`;
      case 'jenkins':
        return `${profile.service}-${environment}#${simulation.next(`jenkins:${profile.service}:${environment}`)}`;
    }
  }
}
