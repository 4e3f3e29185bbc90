/** Why a deployment failed or was rework, in words, with links to the events that decided it. */
import { Link } from 'react-router';
import type { FailureReason, ReworkReason } from '../../lib/apiTypes.js';
import { incidentAnchor } from '../../lib/links.js';
import { DeploymentLink } from './DrillTable.js';

interface ReasonProps {
  reason: FailureReason;
  incidentsPath: string;
  deploymentsPath: string;
}

export function FailureReasonText({ reason, incidentsPath, deploymentsPath }: ReasonProps) {
  const next = (ref: { source: string; id: string }) => (
    <DeploymentLink deploymentsPath={deploymentsPath} deployment={ref} />
  );
  switch (reason.rule) {
    case 'caused-by':
      return (
        <>
          incident{' '}
          <Link to={`${incidentsPath}#${incidentAnchor(reason.incident.source, reason.incident.id)}`}>
            {reason.incident.id}
          </Link>{' '}
          names it as its cause
        </>
      );
    case 'incident-window':
      return (
        <>
          incident{' '}
          <Link to={`${incidentsPath}#${incidentAnchor(reason.incident.source, reason.incident.id)}`}>
            {reason.incident.id}
          </Link>{' '}
          opened soon after it, before the next deployment
        </>
      );
    case 'rollback':
      return (
        <>
          rolled back by {next(reason.next)}
          {reason.by === 'flag' ? ' (flagged rollback)' : ' (redeployed an earlier version)'}
        </>
      );
    case 'hotfix':
      return (
        <>
          followed by hotfix {next(reason.next)}
          {reason.by === 'label'
            ? ' (labelled hotfix)'
            : reason.by === 'revert'
              ? ` (reverts ${reason.change?.slice(0, 8) ?? 'one of its changes'})`
              : ' (carries a change labelled hotfix)'}
        </>
      );
  }
}

const reworkText: Record<ReworkReason, string> = {
  'rollback-flag': 'a flagged rollback',
  'rollback-earlier-sha': 'redeploys an earlier version',
  'hotfix-label': 'labelled hotfix',
  'hotfix-change': 'carries a change labelled hotfix',
  'revert-change': 'carries a revert',
};

export function reworkReasonText(reason: ReworkReason): string {
  return reworkText[reason];
}
