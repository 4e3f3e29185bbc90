/**
 * GitLab Deployment Hook → a deployment, id `gl-<deployment_id>`.
 */
import { z } from 'zod';
import type { DeploymentEventInput } from '../../contract/events.js';
import type { DeploymentStatus } from '../../core/events.js';
import { identifier, instant, parsePayload } from '../parsePayload.js';
import { pickDeploymentService } from '../pickDeploymentService.js';
import { type Extraction, ignoredBecause, type SourceContext, type SourceError, taken } from '../types.js';
import { versionFromRef } from '../versionFromRef.js';

const deploymentSchema = z.looseObject({
  status: z.string(),
  status_changed_at: instant,
  deployment_id: identifier,
  environment: z.string().min(1),
  project: z.looseObject({ path_with_namespace: z.string().min(1) }),
  sha: z.string().nullish(),
  short_sha: z.string().nullish(),
  commit_url: z.string().nullish(),
  ref: z.string().nullish(),
});

/**
 * How GitLab deployment and job statuses map: `success` → success; `failed` → failure; `canceled`
 * → cancelled; `created`, `pending`, `preparing`, `waiting_for_resource`, `scheduled` and `running` →
 * in progress. `skipped`, `manual`, `blocked` and others mean nothing ran and are ignored.
 */
export function statusOfGitlabState(status: string): DeploymentStatus | undefined {
  switch (status) {
    case 'success':
      return 'success';
    case 'failed':
      return 'failure';
    case 'canceled':
    case 'cancelled':
      return 'cancelled';
    case 'created':
    case 'pending':
    case 'preparing':
    case 'waiting_for_resource':
    case 'scheduled':
    case 'running':
      return 'in_progress';
    default:
      return undefined;
  }
}

/**
 * Reads a deployment of a project mapped to a service (picked by `pickDeploymentService`, the
 * environment suffix naming the service in a monorepo project). The hook gives the full sha only in
 * `commit_url`, which is read when `sha` is absent (the short sha is the last resort). A `running`
 * deployment starts at `status_changed_at`; a final one finishes then. `version` from a tag `ref`.
 */
export function parseGitlabDeployment(payload: unknown, context: SourceContext): Extraction | SourceError {
  const parsed = parsePayload(deploymentSchema, payload);
  if ('error' in parsed) return parsed;
  const deployment = parsed.data;
  const status = statusOfGitlabState(deployment.status);
  if (status === undefined) return ignoredBecause(`deployment status ${deployment.status} is not measured`);
  const repo = deployment.project.path_with_namespace;
  const target = pickDeploymentService(context.organisation, repo, deployment.environment, []);
  if ('ignored' in target) return ignoredBecause(target.ignored);
  const sha =
    deployment.sha ||
    deployment.commit_url?.match(/\/commit\/([0-9a-f]{40,64})\b/i)?.[1] ||
    deployment.short_sha;
  const version = versionFromRef(deployment.ref);
  if (!sha && !version)
    return { error: 'payload is missing or has a wrong field: commit_url: names no commit' };
  const changedAt = deployment.status_changed_at;
  const event: DeploymentEventInput = {
    type: 'deployment',
    id: `gl-${deployment.deployment_id}`,
    source: 'gitlab',
    service: target.service,
    environment: target.environment,
    ...(sha ? { sha } : {}),
    ...(version ? { version } : {}),
    status,
    ...(deployment.status === 'running' ? { startedAt: changedAt } : {}),
    ...(status === 'in_progress' ? {} : { finishedAt: changedAt }),
  };
  return taken([event]);
}
