/**
 * GitLab Issue Hook (issues and work items) for incidents → an incident, id `<group/project>#<iid>`.
 */
import { z } from 'zod';
import type { IncidentEventInput } from '../../contract/events.js';
import { serviceNames, servicesOfRepo } from '../listServices.js';
import { instant, labelList, parsePayload } from '../parsePayload.js';
import { readIssueHints } from '../readIssueHints.js';
import { type Extraction, ignoredBecause, type SourceContext, type SourceError, taken } from '../types.js';

const issueSchema = z.looseObject({
  object_attributes: z.looseObject({
    iid: z.number().int().nonnegative(),
    type: z.string().nullish(),
    issue_type: z.string().nullish(),
    description: z.string().nullish(),
    state: z.string().nullish(),
    created_at: instant,
    updated_at: instant.nullish(),
    closed_at: instant.nullish(),
    severity: z.string().nullish(),
    labels: labelList,
  }),
  labels: labelList,
  project: z.looseObject({ path_with_namespace: z.string().min(1) }),
});

/**
 * Reads an issue or work item that is an incident: of GitLab's type Incident (`type` or
 * `issue_type`), or carrying the incident label (`incidentLabel`, case-insensitive). Opened at
 * `created_at`, resolved at `closed_at` (else `updated_at`) while closed. Services from
 * `service::<name>` / `service:<name>` labels, else the project's services; severity from a label,
 * else GitLab's incident `severity` (not `unknown`); `causedBy` from a `caused-by: …` line.
 */
export function parseGitlabIssue(
  payload: unknown,
  context: SourceContext,
  incidentLabel: string,
): Extraction | SourceError {
  const parsed = parsePayload(issueSchema, payload);
  if ('error' in parsed) return parsed;
  const { object_attributes: issue, project } = parsed.data;
  const repo = project.path_with_namespace;
  const labels = parsed.data.labels.length > 0 ? parsed.data.labels : issue.labels;
  const isIncidentType = [issue.type, issue.issue_type].some((type) => type?.toLowerCase() === 'incident');
  const isLabelled = labels.some((label) => label.toLowerCase() === incidentLabel.toLowerCase());
  if (!isIncidentType && !isLabelled) {
    return ignoredBecause(`${issue.type ?? 'issue'} is neither an incident nor labelled ${incidentLabel}`);
  }
  const hints = readIssueHints(context.organisation, issue.description, labels);
  const services =
    hints.services.length > 0 ? hints.services : serviceNames(servicesOfRepo(context.organisation, repo));
  if (services.length === 0) {
    return ignoredBecause(
      `project ${repo} is not mapped to a service and no service::<name> label names one`,
    );
  }
  const resolvedAt = issue.state === 'closed' ? (issue.closed_at ?? issue.updated_at) : undefined;
  const severity =
    hints.severity ?? (issue.severity && issue.severity !== 'unknown' ? issue.severity : undefined);
  const incident: IncidentEventInput = {
    type: 'incident',
    id: `${repo}#${issue.iid}`,
    source: 'gitlab',
    services,
    openedAt: issue.created_at,
    ...(resolvedAt ? { resolvedAt } : {}),
    ...(severity ? { severity } : {}),
    ...(hints.causedBy ? { causedBy: hints.causedBy } : {}),
  };
  return taken([incident]);
}
