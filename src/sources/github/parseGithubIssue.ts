/**
 * GitHub `issues` labelled as incidents → an incident, id `<owner/repo>#<number>`.
 */
import { z } from 'zod';
import type { IncidentEventInput } from '../../contract/events.js';
import { serviceNames, servicesOfRepo } from '../listServices.js';
import { instant, labelList, parsePayload } from '../parsePayload.js';
import { readIssueHints } from '../readIssueHints.js';
import { type Extraction, ignoredBecause, type SourceContext, type SourceError, taken } from '../types.js';

const issueSchema = z.looseObject({
  action: z.string(),
  issue: z.looseObject({
    number: z.number().int().nonnegative(),
    body: z.string().nullish(),
    state: z.string().nullish(),
    created_at: instant,
    closed_at: instant.nullish(),
    labels: labelList,
  }),
  repository: z.looseObject({ full_name: z.string().min(1) }),
});

/**
 * Reads any action on an issue that carries the incident label (`incidentLabel`, case-insensitive)
 * into the incident as it now stands: opened at `created_at`, resolved at `closed_at` while the issue
 * is closed. `causedBy` comes from a `caused-by: <deployment id | sha | version>` line of the body,
 * `severity` from a `severity:<x>` or `sevN` label. Services are those named by `service:<name>`
 * labels, else the services of the repository. Deleted and transferred issues are ignored.
 */
export function parseGithubIssue(
  payload: unknown,
  context: SourceContext,
  incidentLabel: string,
): Extraction | SourceError {
  const parsed = parsePayload(issueSchema, payload);
  if ('error' in parsed) return parsed;
  const { action, issue, repository } = parsed.data;
  const repo = repository.full_name;
  if (action === 'deleted' || action === 'transferred') return ignoredBecause(`issue ${action}`);
  const wanted = incidentLabel.toLowerCase();
  if (!issue.labels.some((label) => label.toLowerCase() === wanted)) {
    return ignoredBecause(`issue is not labelled ${incidentLabel}`);
  }
  const hints = readIssueHints(context.organisation, issue.body, issue.labels);
  const services =
    hints.services.length > 0 ? hints.services : serviceNames(servicesOfRepo(context.organisation, repo));
  if (services.length === 0) {
    return ignoredBecause(
      `repository ${repo} is not mapped to a service and no service:<name> label names one`,
    );
  }
  const resolvedAt = issue.state === 'closed' ? issue.closed_at : undefined;
  const incident: IncidentEventInput = {
    type: 'incident',
    id: `${repo}#${issue.number}`,
    source: 'github',
    services,
    openedAt: issue.created_at,
    ...(resolvedAt ? { resolvedAt } : {}),
    ...(hints.severity ? { severity: hints.severity } : {}),
    ...(hints.causedBy ? { causedBy: hints.causedBy } : {}),
  };
  return taken([incident]);
}
