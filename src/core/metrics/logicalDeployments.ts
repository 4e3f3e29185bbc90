import type { Deployment } from '../events.js';
import type { LogicalDeployment } from './deliveryModel.js';
import type { MeasureConfig } from './measureConfig.js';

const mergeWindowMs = 24 * 3_600_000;

/** Shared by every deployment without reasons, so a long history allocates no empty arrays. */
const none: readonly never[] = Object.freeze([]);

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Physical order: finish, then arrival, then identity. */
function comparePhysical(a: Deployment, b: Deployment): number {
  return (
    (a.finishedAt ?? 0) - (b.finishedAt ?? 0) ||
    a.arrival - b.arrival ||
    compareText(a.source, b.source) ||
    compareText(a.id, b.id)
  );
}

/** Logical order within a service: last finish, first finish, arrival, identity of the first member. */
export function compareLogical(a: LogicalDeployment, b: LogicalDeployment): number {
  return (
    a.finishedAt - b.finishedAt ||
    a.firstFinishedAt - b.firstFinishedAt ||
    a.arrival - b.arrival ||
    compareText(a.source, b.source) ||
    compareText(a.id, b.id)
  );
}

/** The sha itself; a version or identity behind a NUL, which no sha holds. */
function deployedKey(deployment: Deployment): string {
  if (deployment.sha !== undefined) return deployment.sha;
  if (deployment.version !== undefined) return `\u0000version:${deployment.version}`;
  return `\u0000deployment:${deployment.source}/${deployment.id}`;
}

function open(deployment: Deployment, key: string, finishedAt: number): LogicalDeployment {
  return {
    source: deployment.source,
    id: deployment.id,
    service: deployment.service,
    members: [deployment],
    sha: deployment.sha ?? null,
    version: deployment.version ?? null,
    key,
    firstFinishedAt: finishedAt,
    finishedAt,
    arrival: deployment.arrival,
    history: false,
    commits: deployment.commits ?? null,
    rollbackFlag: deployment.rollback,
    labels: deployment.labels,
    carryRule: 'unknown',
    changesFrom: 0,
    changesTo: 0,
    previous: null,
    next: null,
    nextFailure: none,
    failed: false,
    failureReasons: none,
    recoveredAt: null,
    reworkReasons: none,
  };
}

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];

function join(logical: LogicalDeployment, deployment: Deployment, finishedAt: number): void {
  logical.members = [...logical.members, deployment];
  logical.finishedAt = finishedAt;
  logical.arrival = Math.min(logical.arrival, deployment.arrival);
  if (logical.version === null && deployment.version !== undefined) logical.version = deployment.version;
  if (deployment.commits !== undefined) logical.commits = union(logical.commits ?? [], deployment.commits);
  logical.rollbackFlag ||= deployment.rollback;
  logical.labels = union(logical.labels, deployment.labels);
}

/**
 * The logical successful production deployments (metrics contract §3, last paragraph), service by
 * service (services in name order), each service's in logical order; not yet carrying nor assessed.
 *
 * Only successful, finished deployments to production-class environments count; when `environment` is
 * given, only deployments to exactly that environment count (production class or not) and none merge.
 *
 * Decisions where the contract is silent: deployments merge by sha (by version when they have no sha);
 * "within 24 hours of the first" is inclusive and measured between finish times; a logical deployment
 * takes at most one deployment per environment, so deploying the same sha again to an environment it
 * already reached starts a new logical deployment (a redeploy, or a rollback when another sha came
 * between) instead of disappearing into the first.
 */
export function groupLogicalDeployments(
  deployments: readonly Deployment[],
  config: Pick<MeasureConfig, 'isProduction'>,
  environment?: string,
): LogicalDeployment[] {
  const production = new Map<string, boolean>();
  const isProduction = (name: string): boolean => {
    let known = production.get(name);
    if (known === undefined) {
      known = config.isProduction(name);
      production.set(name, known);
    }
    return known;
  };
  const byService = new Map<string, Deployment[]>();
  for (const d of deployments) {
    if (d.status !== 'success' || d.finishedAt === undefined) continue;
    if (environment === undefined ? !isProduction(d.environment) : d.environment !== environment) continue;
    const list = byService.get(d.service);
    if (list === undefined) byService.set(d.service, [d]);
    else list.push(d);
  }
  const logical: LogicalDeployment[] = [];
  for (const service of [...byService.keys()].sort(compareText)) {
    const counted = (byService.get(service) ?? []).sort(comparePhysical);
    const start = logical.length;
    const latest = new Map<string, LogicalDeployment>();
    for (const deployment of counted) {
      const finishedAt = deployment.finishedAt ?? 0;
      const key = deployedKey(deployment);
      const group = latest.get(key);
      if (
        environment === undefined &&
        group !== undefined &&
        finishedAt - group.firstFinishedAt <= mergeWindowMs &&
        group.members.every((m) => m.environment !== deployment.environment)
      ) {
        join(group, deployment, finishedAt);
      } else {
        const created = open(deployment, key, finishedAt);
        logical.push(created);
        latest.set(key, created);
      }
    }
    // a merged deployment finishes at its last member, which can move it after later ones
    const ordered = logical.slice(start).sort(compareLogical);
    ordered.forEach((d, i) => {
      logical[start + i] = d;
    });
  }
  return logical;
}
