/**
 * What an incident tracked as an issue (GitHub issues, GitLab issues and incidents) says about
 * itself in its labels and its text.
 */
import type { Organisation } from '../core/org/organisation.js';
import { findServiceByName } from './listServices.js';

/** Hints read from an incident issue. */
export interface IssueHints {
  /** The deployment it names on a `caused-by: <deployment id | sha | version>` line. */
  causedBy?: string;
  /** Services named by `service:<name>` (or GitLab's scoped `service::<name>`) labels that exist. */
  services: string[];
  /** From a `severity:<x>` / `severity::<x>` label, or a `sev1`, `sev-2`, `SEV 3` label as `sevN`. */
  severity?: string;
}

const causedByLine = /^[\s>*_-]*caused[-_ ]by[*_]*\s*:[\s*_`]*([^\s*_`]+)/im;

/** Reads the hints of an issue from its body and its label names. */
export function readIssueHints(
  organisation: Organisation,
  text: string | null | undefined,
  labels: readonly string[],
): IssueHints {
  const hints: IssueHints = { services: [] };
  const causedBy = text?.match(causedByLine)?.[1]?.replace(/[.,;]+$/, '');
  if (causedBy) hints.causedBy = causedBy;
  for (const label of labels) {
    const service = label.match(/^service::?\s*(.+)$/i)?.[1];
    const known = service === undefined ? undefined : findServiceByName(organisation, service);
    if (known && !hints.services.includes(known.name)) hints.services.push(known.name);
    const severity = label.match(/^severity::?\s*(.+)$/i)?.[1]?.trim();
    const sev = label.match(/^sev[-_ ]?(\d)$/i)?.[1];
    if (hints.severity === undefined && severity) hints.severity = severity;
    else if (hints.severity === undefined && sev) hints.severity = `sev${sev}`;
  }
  return hints;
}
