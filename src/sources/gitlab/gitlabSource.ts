/**
 * The GitLab webhook source: project or group webhooks.
 *
 * Verified by the secret token GitLab sends as `X-Gitlab-Token` (compared timing-safely with each
 * configured token). Measured hooks: Push, Merge Request (merges), Deployment, Pipeline (deploying
 * pipelines) and Issue (incidents, including work items of type Incident); the rest are ignored.
 * The event is told by the payload's `object_kind`.
 */
import { headerValue } from '../headerValue.js';
import { bodyDigest, readJsonBody } from '../readJsonBody.js';
import {
  type Extraction,
  ignoredBecause,
  type RawRequest,
  type Source,
  type SourceContext,
  type SourceError,
} from '../types.js';
import { matchesAnySecret } from '../verifyToken.js';
import { parseGitlabDeployment } from './parseGitlabDeployment.js';
import { parseGitlabIssue } from './parseGitlabIssue.js';
import { parseGitlabMergeRequest } from './parseGitlabMergeRequest.js';
import { parseGitlabPipeline } from './parseGitlabPipeline.js';
import { parseGitlabPush } from './parseGitlabPush.js';

/** Settings of the GitLab source. */
export interface GitlabSourceOptions {
  /** The label that makes an issue an incident besides GitLab's Incident type (default `incident`). */
  incidentLabel?: string;
}

type Handler = (payload: unknown, context: SourceContext) => Extraction | SourceError;

/** True when `X-Gitlab-Token` equals any of `secrets`. */
export function verifyGitlabToken(request: RawRequest, secrets: readonly string[]): boolean {
  const token = headerValue(request.headers, 'x-gitlab-token');
  return token !== undefined && matchesAnySecret(token, secrets);
}

/** Creates the GitLab source; `incidentLabel` picks the label that marks incident issues. */
export function createGitlabSource(options: GitlabSourceOptions = {}): Source {
  const incidentLabel = options.incidentLabel ?? 'incident';
  const issue: Handler = (payload, context) => parseGitlabIssue(payload, context, incidentLabel);
  const handlers: Record<string, Handler> = {
    push: parseGitlabPush,
    merge_request: parseGitlabMergeRequest,
    deployment: parseGitlabDeployment,
    pipeline: parseGitlabPipeline,
    issue,
    work_item: issue,
  };
  return {
    name: 'gitlab',
    secretEnv: 'GITLAB_WEBHOOK_TOKEN',
    verify: verifyGitlabToken,
    parse(request, context) {
      const body = readJsonBody(request.body);
      if ('error' in body) return body;
      const deliveryId =
        headerValue(request.headers, 'idempotency-key') ??
        headerValue(request.headers, 'x-gitlab-event-uuid') ??
        bodyDigest(request.body);
      const payload = body.value as Record<string, unknown>;
      const kind = typeof payload.object_kind === 'string' ? payload.object_kind : undefined;
      const eventType = kind ?? headerValue(request.headers, 'x-gitlab-event') ?? 'unknown';
      const handler = kind !== undefined && Object.hasOwn(handlers, kind) ? handlers[kind] : undefined;
      const result = handler
        ? handler(payload, context)
        : ignoredBecause(`GitLab event ${eventType} is not measured`);
      if ('error' in result) return result;
      return { deliveryId, eventType, ...result };
    },
  };
}

/** The GitLab source with default settings. */
export const gitlabSource: Source = createGitlabSource();
