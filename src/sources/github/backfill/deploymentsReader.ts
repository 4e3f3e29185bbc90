/**
 * Backfilled deployments: `GET /repos/{owner}/{repo}/deployments`, newest first, and each one's
 * statuses → a deployment `gh-<id>` read by the webhook adapter's own rules
 * (`parseGithubDeployment`, `parseGithubDeploymentStatus`): same identity, service and environment
 * mapping, version and rollback.
 */
import { z } from 'zod';
import type { CanonicalEventInput } from '../../../contract/events.js';
import { identifier, instant } from '../../parsePayload.js';
import {
  parseGithubDeployment,
  parseGithubDeploymentStatus,
  statusOfDeploymentState,
} from '../parseGithubDeployment.js';
import {
  type BackfillKindReader,
  type ReaderContext,
  readApiObject,
  repoPath,
} from './backfillKindReader.js';
import { GithubRequestError } from './createGithubFetcher.js';

const deploymentSchema = z.looseObject({ id: identifier, created_at: instant });
const statusSchema = z.looseObject({ id: z.number(), state: z.string(), created_at: instant });

/** A deployment status as listed (the fields read here). */
export type ListedStatus = z.output<typeof statusSchema>;

/**
 * The status that decides a deployment's outcome: the latest final one (success, failure, error), so
 * the result is what the webhooks leave in the store, where a final status is never taken back to
 * in progress and `inactive` is ignored. Undefined when none is final: the deployment is in progress.
 */
export function decidingStatus(statuses: readonly ListedStatus[]): ListedStatus | undefined {
  const latestFirst = [...statuses].sort(
    (a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id,
  );
  return latestFirst.find((status) => {
    const mapped = statusOfDeploymentState(status.state);
    return mapped !== undefined && mapped !== 'in_progress';
  });
}

/**
 * Reads the deployments created inside the window. GitHub lists them newest first, so the first one
 * created before the window ends the list. Costs one request per deployment (its statuses).
 */
export function deploymentsReader(context: ReaderContext): BackfillKindReader {
  const repository = { full_name: context.repo };
  return {
    kind: 'deployments',
    firstPath: `${repoPath(context.repo)}/deployments?per_page=${context.perPage}`,
    readsToEnd: false,
    async readPage(items, path) {
      const events: CanonicalEventInput[] = [];
      const skipped: string[] = [];
      let reachedSince = false;
      for (const item of items) {
        const deployment = readApiObject(deploymentSchema, item, 'deployment', path);
        if (Date.parse(deployment.created_at) < context.since) {
          reachedSince = true;
          continue;
        }
        const statusesPath = `${repoPath(context.repo)}/deployments/${deployment.id}/statuses?per_page=100`;
        const statuses = (await context.fetcher.getAll(statusesPath)).map((status) =>
          readApiObject(statusSchema, status, 'deployment status', statusesPath),
        );
        const deciding = decidingStatus(statuses);
        const sourceContext = { organisation: context.organisation, receivedAt: context.now() };
        const read = deciding
          ? parseGithubDeploymentStatus(
              { deployment_status: deciding, deployment: item, repository },
              sourceContext,
            )
          : parseGithubDeployment({ deployment: item, repository }, sourceContext);
        if ('error' in read) {
          throw new GithubRequestError(
            `GitHub answered GET ${path} with an unexpected deployment: ${read.error}`,
            200,
            path,
          );
        }
        if (read.ignored) skipped.push(`deployment ${deployment.id}: ${read.ignored}`);
        events.push(...read.events);
      }
      return { events, skipped, reachedSince };
    },
  };
}
