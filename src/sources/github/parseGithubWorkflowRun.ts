/**
 * GitHub `workflow_run` of a deploying workflow → a deployment, id `gh-run-<run id>`.
 */
import { z } from 'zod';
import type { DeploymentEventInput } from '../../contract/events.js';
import type { DeploymentStatus } from '../../core/events.js';
import { findDeployingServices } from '../findDeployingServices.js';
import { identifier, instant, parsePayload } from '../parsePayload.js';
import { type Extraction, ignoredBecause, type SourceContext, type SourceError, taken } from '../types.js';
import { versionFromRef } from '../versionFromRef.js';

const workflowRunSchema = z.looseObject({
  action: z.string(),
  workflow_run: z.looseObject({
    id: identifier,
    name: z.string().nullish(),
    path: z.string().nullish(),
    head_sha: z.string().min(1),
    head_branch: z.string().nullish(),
    conclusion: z.string().nullish(),
    created_at: instant,
    run_started_at: instant.nullish(),
    updated_at: instant,
  }),
  workflow: z.looseObject({ name: z.string().nullish(), path: z.string().nullish() }).nullish(),
  repository: z.looseObject({ full_name: z.string().min(1) }),
});

/**
 * How a completed run's conclusion maps: `success` → success; `failure`, `timed_out` and
 * `startup_failure` → failure; `cancelled` → cancelled. Other conclusions (`skipped`, `neutral`,
 * `action_required`, `stale`, none) mean nothing was deployed and are ignored.
 */
export function statusOfConclusion(conclusion: string | null | undefined): DeploymentStatus | undefined {
  switch (conclusion) {
    case 'success':
      return 'success';
    case 'failure':
    case 'timed_out':
    case 'startup_failure':
      return 'failure';
    case 'cancelled':
      return 'cancelled';
    default:
      return undefined;
  }
}

/**
 * Reads a run of a workflow the organisation marks as deploying: a service's `deployWorkflows`
 * pattern matches the run's name, the workflow's name or the workflow file's path. `requested` and
 * `in_progress` give an in-progress deployment; `completed` the mapped conclusion, finished at the
 * run's `updated_at`. Started at `run_started_at` (else `created_at`); sha `head_sha`; version from
 * `head_branch` when it is a tag. Re-runs keep the run id, so a later attempt updates the record.
 * The id is `gh-run-<id>`, or `gh-run-<id>-<service>` when one workflow deploys several services.
 */
export function parseGithubWorkflowRun(payload: unknown, context: SourceContext): Extraction | SourceError {
  const parsed = parsePayload(workflowRunSchema, payload);
  if ('error' in parsed) return parsed;
  const { action, workflow_run: run, workflow, repository } = parsed.data;
  const repo = repository.full_name;
  const label = run.name || workflow?.name || run.path || String(run.id);
  const deploying = findDeployingServices(context.organisation, repo, [
    run.name,
    workflow?.name,
    run.path,
    workflow?.path,
  ]);
  if (deploying.length === 0) return ignoredBecause(`workflow ${label} does not deploy a service of ${repo}`);

  let status: DeploymentStatus | undefined;
  if (action === 'completed') status = statusOfConclusion(run.conclusion);
  else if (action === 'requested' || action === 'in_progress') status = 'in_progress';
  else return ignoredBecause(`workflow_run ${action} is not measured`);
  if (status === undefined) {
    return ignoredBecause(
      `workflow run concluded ${run.conclusion ?? 'without a conclusion'}: nothing deployed`,
    );
  }
  const version = versionFromRef(run.head_branch);
  const events = deploying.map(
    ({ service, environment }): DeploymentEventInput => ({
      type: 'deployment',
      id: deploying.length === 1 ? `gh-run-${run.id}` : `gh-run-${run.id}-${service}`,
      source: 'github',
      service,
      environment,
      sha: run.head_sha,
      ...(version ? { version } : {}),
      status: status ?? 'in_progress',
      startedAt: run.run_started_at ?? run.created_at,
      ...(status === 'in_progress' ? {} : { finishedAt: run.updated_at }),
    }),
  );
  return taken(events);
}
