/**
 * GitHub `deployment` and `deployment_status` → a deployment (metrics contract §1), id `gh-<deployment.id>`.
 */
import { z } from 'zod';
import type { DeploymentEventInput } from '../../contract/events.js';
import type { DeploymentStatus } from '../../core/events.js';
import { identifier, instant, parsePayload } from '../parsePayload.js';
import { pickDeploymentService, serviceOfTask } from '../pickDeploymentService.js';
import { readJsonText } from '../readJsonBody.js';
import { type Extraction, ignoredBecause, type SourceContext, type SourceError, taken } from '../types.js';
import { versionFromRef } from '../versionFromRef.js';

const deploymentSchema = z.looseObject({
  id: identifier,
  sha: z.string().min(1),
  ref: z.string().nullish(),
  task: z.string().nullish(),
  environment: z.string().min(1),
  payload: z.unknown(),
  created_at: instant,
});

const repositorySchema = z.looseObject({ full_name: z.string().min(1) });

const deploymentEventSchema = z.looseObject({ deployment: deploymentSchema, repository: repositorySchema });

const deploymentStatusEventSchema = z.looseObject({
  deployment_status: z.looseObject({ state: z.string(), created_at: instant }),
  deployment: deploymentSchema,
  repository: repositorySchema,
});

type Deployment = z.output<typeof deploymentSchema>;

/** The deployment's free-form `payload` as an object (GitHub allows a JSON string too). */
function payloadObject(payload: unknown): Record<string, unknown> {
  if (typeof payload === 'string') {
    const read = readJsonText(payload);
    return 'value' in read ? payloadObject(read.value) : {};
  }
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
    ? (payload as Record<string, unknown>)
    : {};
}

/**
 * The deployment event for `deployment` in `status`. The service is picked by
 * `pickDeploymentService` with the hints `payload.service` and the task `deploy:<service>`;
 * `version` comes from `ref` when it is a tag; `payload.rollback: true` marks a rollback.
 */
function toDeployment(
  repo: string,
  deployment: Deployment,
  status: DeploymentStatus,
  finishedAt: string | undefined,
  context: SourceContext,
): Extraction {
  const payload = payloadObject(deployment.payload);
  const named = typeof payload.service === 'string' ? payload.service : undefined;
  const target = pickDeploymentService(context.organisation, repo, deployment.environment, [
    named,
    serviceOfTask(deployment.task),
  ]);
  if ('ignored' in target) return ignoredBecause(target.ignored);
  const version = versionFromRef(deployment.ref);
  const event: DeploymentEventInput = {
    type: 'deployment',
    id: `gh-${deployment.id}`,
    source: 'github',
    service: target.service,
    environment: target.environment,
    sha: deployment.sha,
    ...(version ? { version } : {}),
    status,
    startedAt: deployment.created_at,
    ...(finishedAt ? { finishedAt } : {}),
    ...(payload.rollback === true ? { rollback: true } : {}),
  };
  return taken([event]);
}

/** Reads a `deployment` (created) event: the deployment, in progress, started at `created_at`. */
export function parseGithubDeployment(payload: unknown, context: SourceContext): Extraction | SourceError {
  const parsed = parsePayload(deploymentEventSchema, payload);
  if ('error' in parsed) return parsed;
  const { deployment, repository } = parsed.data;
  return toDeployment(repository.full_name, deployment, 'in_progress', undefined, context);
}

/**
 * How deployment status states map: `success` → success; `failure` and `error` → failure;
 * `pending`, `queued`, `in_progress` and `waiting` → in progress. `inactive` is ignored: GitHub sets
 * it on an earlier deployment once a newer one to the same environment succeeds, which says nothing
 * about the earlier one's outcome (already recorded) and must not overwrite it.
 */
export function statusOfDeploymentState(state: string): DeploymentStatus | undefined {
  switch (state) {
    case 'success':
      return 'success';
    case 'failure':
    case 'error':
      return 'failure';
    case 'pending':
    case 'queued':
    case 'in_progress':
    case 'waiting':
      return 'in_progress';
    default:
      return undefined;
  }
}

/**
 * Reads a `deployment_status` event: the deployment in the mapped status, started at the
 * deployment's `created_at` and, once final, finished at the status's `created_at`. The environment
 * is the deployment's, so every status of one deployment lands on the same record.
 */
export function parseGithubDeploymentStatus(
  payload: unknown,
  context: SourceContext,
): Extraction | SourceError {
  const parsed = parsePayload(deploymentStatusEventSchema, payload);
  if ('error' in parsed) return parsed;
  const { deployment_status: deploymentStatus, deployment, repository } = parsed.data;
  if (deploymentStatus.state === 'inactive') {
    return ignoredBecause(
      'deployment status inactive: superseded by a newer deployment, its outcome is kept',
    );
  }
  const status = statusOfDeploymentState(deploymentStatus.state);
  if (status === undefined)
    return ignoredBecause(`deployment status ${deploymentStatus.state} is not measured`);
  const finishedAt = status === 'in_progress' ? undefined : deploymentStatus.created_at;
  return toDeployment(repository.full_name, deployment, status, finishedAt, context);
}
