/**
 * GitLab Pipeline Hook of a deploying pipeline (or with a deploying job) → a deployment.
 */
import { z } from 'zod';
import type { DeploymentEventInput } from '../../contract/events.js';
import { findDeployingServices } from '../findDeployingServices.js';
import { identifier, instant, parsePayload } from '../parsePayload.js';
import { type Extraction, ignoredBecause, type SourceContext, type SourceError, taken } from '../types.js';
import { versionFromRef } from '../versionFromRef.js';
import { statusOfGitlabState } from './parseGitlabDeployment.js';

const pipelineSchema = z.looseObject({
  object_attributes: z.looseObject({
    id: identifier,
    name: z.string().nullish(),
    ref: z.string().nullish(),
    tag: z.boolean().nullish(),
    sha: z.string().min(1),
    status: z.string(),
    created_at: instant,
    finished_at: instant.nullish(),
  }),
  project: z.looseObject({ path_with_namespace: z.string().min(1) }),
  builds: z
    .array(
      z.looseObject({
        id: identifier,
        name: z.string(),
        status: z.string(),
        created_at: instant.nullish(),
        started_at: instant.nullish(),
        finished_at: instant.nullish(),
      }),
    )
    .nullish(),
});

/** What a matched pipeline or job says about its run. */
interface Run {
  id: string;
  label: string;
  status: string;
  startedAt: string | null | undefined;
  finishedAt: string | null | undefined;
}

/**
 * Reads a pipeline of a project mapped to a service whose `deployWorkflows` pattern matches either
 * the pipeline's `name` (`workflow:name`, GitLab 16.1+) — then the pipeline is the deployment,
 * id `gl-pipeline-<id>`, times `created_at` → `finished_at` — or the name of one of its jobs
 * (`builds`) — then that job is, id `gl-job-<id>`, times `started_at` → `finished_at`. Statuses map as
 * for deployments; skipped and manual ones are ignored. The sha is the pipeline's, `version` its ref
 * when `tag` is true. Ids take a `-<service>` suffix when one run deploys several services.
 */
export function parseGitlabPipeline(payload: unknown, context: SourceContext): Extraction | SourceError {
  const parsed = parsePayload(pipelineSchema, payload);
  if ('error' in parsed) return parsed;
  const { object_attributes: pipeline, project, builds } = parsed.data;
  const repo = project.path_with_namespace;
  let deploying = findDeployingServices(context.organisation, repo, [pipeline.name]);
  let run: Run = {
    id: `gl-pipeline-${pipeline.id}`,
    label: `pipeline ${pipeline.name ?? pipeline.id}`,
    status: pipeline.status,
    startedAt: pipeline.created_at,
    finishedAt: pipeline.finished_at,
  };
  if (deploying.length === 0) {
    for (const job of builds ?? []) {
      deploying = findDeployingServices(context.organisation, repo, [job.name]);
      if (deploying.length === 0) continue;
      run = {
        id: `gl-job-${job.id}`,
        label: `deploy job ${job.name}`,
        status: job.status,
        startedAt: job.started_at ?? job.created_at,
        finishedAt: job.finished_at,
      };
      break;
    }
  }
  if (deploying.length === 0) return ignoredBecause(`pipeline ${pipeline.id} deploys no service of ${repo}`);
  const status = statusOfGitlabState(run.status);
  if (status === undefined) return ignoredBecause(`${run.label} is ${run.status}: nothing deployed`);
  const finishedAt =
    status === 'in_progress' ? undefined : (run.finishedAt ?? new Date(context.receivedAt).toISOString());
  const version = pipeline.tag ? versionFromRef(pipeline.ref) || (pipeline.ref ?? undefined) : undefined;
  const events = deploying.map(
    ({ service, environment }): DeploymentEventInput => ({
      type: 'deployment',
      id: deploying.length === 1 ? run.id : `${run.id}-${service}`,
      source: 'gitlab',
      service,
      environment,
      sha: pipeline.sha,
      ...(version ? { version } : {}),
      status,
      ...(run.startedAt ? { startedAt: run.startedAt } : {}),
      ...(finishedAt ? { finishedAt } : {}),
    }),
  );
  return taken(events);
}
