/**
 * The GitHub webhook source: repository webhooks or a GitHub App, content type JSON or form.
 *
 * Verified by `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, raw body)>`; the SHA-1
 * `X-Hub-Signature` alone is not accepted. Measured events: `push`, `pull_request`, `deployment`,
 * `deployment_status`, `workflow_run` and `issues`; everything else is acknowledged and ignored.
 */
import { headerValue } from '../headerValue.js';
import { bodyDigest, readJsonBody, readJsonText } from '../readJsonBody.js';
import {
  type Extraction,
  ignoredBecause,
  type RawRequest,
  type Source,
  type SourceContext,
  type SourceError,
} from '../types.js';
import { hasValidHmac } from '../verifyToken.js';
import { parseGithubDeployment, parseGithubDeploymentStatus } from './parseGithubDeployment.js';
import { parseGithubIssue } from './parseGithubIssue.js';
import { parseGithubPullRequest } from './parseGithubPullRequest.js';
import { parseGithubPush } from './parseGithubPush.js';
import { parseGithubWorkflowRun } from './parseGithubWorkflowRun.js';

/** Settings of the GitHub source. */
export interface GithubSourceOptions {
  /** The label that makes an issue an incident (default `incident`, case-insensitive). */
  incidentLabel?: string;
}

type Handler = (payload: unknown, context: SourceContext) => Extraction | SourceError;

/** True when `X-Hub-Signature-256` is the HMAC-SHA256 of the raw body under any of `secrets`. */
export function verifyGithubSignature(request: RawRequest, secrets: readonly string[]): boolean {
  const signature = headerValue(request.headers, 'x-hub-signature-256');
  const match = signature?.match(/^sha256=([0-9a-f]+)$/i);
  return match?.[1] !== undefined && hasValidHmac(request.body, secrets, [match[1]]);
}

/** The JSON payload of a delivery sent as `application/json` or as a form with a `payload` field. */
function readGithubBody(request: RawRequest): { value: unknown } | SourceError {
  const contentType = headerValue(request.headers, 'content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return readJsonBody(request.body);
  }
  const payload = new URLSearchParams(request.body.toString('utf8')).get('payload');
  if (payload === null) return { error: 'form body has no payload field' };
  return readJsonText(payload);
}

/** Creates the GitHub source; `incidentLabel` picks the label that marks incident issues. */
export function createGithubSource(options: GithubSourceOptions = {}): Source {
  const incidentLabel = options.incidentLabel ?? 'incident';
  const handlers: Record<string, Handler> = {
    push: parseGithubPush,
    pull_request: parseGithubPullRequest,
    deployment: parseGithubDeployment,
    deployment_status: parseGithubDeploymentStatus,
    workflow_run: parseGithubWorkflowRun,
    issues: (payload, context) => parseGithubIssue(payload, context, incidentLabel),
  };
  return {
    name: 'github',
    secretEnv: 'GITHUB_WEBHOOK_SECRET',
    verify: verifyGithubSignature,
    parse(request, context) {
      const eventType = headerValue(request.headers, 'x-github-event');
      if (eventType === undefined) return { error: 'missing X-GitHub-Event header' };
      const body = readGithubBody(request);
      if ('error' in body) return body;
      const deliveryId = headerValue(request.headers, 'x-github-delivery') ?? bodyDigest(request.body);
      const handler = Object.hasOwn(handlers, eventType) ? handlers[eventType] : undefined;
      const result = handler
        ? handler(body.value, context)
        : ignoredBecause(`GitHub event ${eventType} is not measured`);
      if ('error' in result) return result;
      return { deliveryId, eventType, ...result };
    },
  };
}

/** The GitHub source with default settings. */
export const githubSource: Source = createGithubSource();
