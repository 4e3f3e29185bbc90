/**
 * Counts what a stream of generated events contains — volumes and the variety of cases the engine
 * must handle — holding only ids and shas, never the events themselves.
 */
import type { CanonicalEventInput } from '../../src/contract/events.js';

const day = 86_400_000;

/** Cases of the metrics contract the generated data exercises, with how often each occurs. */
export interface EventVariety {
  rollbackFlagged: number;
  /** Unflagged production deployments of a sha the service had in production before (not the current one). */
  rollbackToOlderSha: number;
  redeploySameSha: number;
  hotfixDeployment: number;
  hotfixChange: number;
  revert: number;
  mergeCommit: number;
  directPush: number;
  monorepoChangeWithFiles: number;
  /** `production-eu` deployments of the sha that went to `production` within 24 hours. */
  multiProductionEnvironment: number;
  failedDeployment: number;
  cancelledDeployment: number;
  deploymentListingCommits: number;
  deploymentWithoutCommits: number;
  inProgressBeforeFinal: number;
  /** In-progress events arriving after the final event of the same deployment. */
  inProgressAfterFinal: number;
  causedByDeploymentId: number;
  causedBySha: number;
  causedByVersion: number;
  changeRelatedWithoutCause: number;
  notChangeRelated: number;
  openIncident: number;
  acknowledgedIncident: number;
  multiServiceIncident: number;
  /** Incidents whose first arriving event already says they were resolved. */
  resolvedBeforeOpened: number;
}

/** Volumes and variety of an event stream. */
export interface EventSummary {
  events: number;
  changes: number;
  /** Distinct deployments (an in-progress event and its final one count once). */
  deployments: number;
  deploymentEvents: number;
  productionDeployments: number;
  /** Distinct incidents. */
  incidents: number;
  incidentEvents: number;
  variety: EventVariety;
}

interface IncidentState {
  causedBy?: string;
  changeRelated?: boolean;
  resolved: boolean;
  acknowledged: boolean;
  services: number;
}

/** Counts a stream of events in one pass. */
export function summariseEvents(events: Iterable<CanonicalEventInput>): EventSummary {
  const variety: EventVariety = {
    rollbackFlagged: 0,
    rollbackToOlderSha: 0,
    redeploySameSha: 0,
    hotfixDeployment: 0,
    hotfixChange: 0,
    revert: 0,
    mergeCommit: 0,
    directPush: 0,
    monorepoChangeWithFiles: 0,
    multiProductionEnvironment: 0,
    failedDeployment: 0,
    cancelledDeployment: 0,
    deploymentListingCommits: 0,
    deploymentWithoutCommits: 0,
    inProgressBeforeFinal: 0,
    inProgressAfterFinal: 0,
    causedByDeploymentId: 0,
    causedBySha: 0,
    causedByVersion: 0,
    changeRelatedWithoutCause: 0,
    notChangeRelated: 0,
    openIncident: 0,
    acknowledgedIncident: 0,
    multiServiceIncident: 0,
    resolvedBeforeOpened: 0,
  };
  const summary: EventSummary = {
    events: 0,
    changes: 0,
    deployments: 0,
    deploymentEvents: 0,
    productionDeployments: 0,
    incidents: 0,
    incidentEvents: 0,
    variety,
  };
  const finals = new Set<string>();
  const deploymentIds = new Set<string>();
  const shas = new Set<string>();
  const versions = new Set<string>();
  const deployed = new Map<string, { last: string; all: Set<string> }>();
  const productionAt = new Map<string, number>();
  const incidents = new Map<string, IncidentState>();

  for (const event of events) {
    summary.events++;
    if (event.type === 'change') {
      summary.changes++;
      if (event.labels?.includes('hotfix')) variety.hotfixChange++;
      if (event.reverts !== undefined && event.reverts.length > 0) variety.revert++;
      if ((event.parents?.length ?? 0) > 1) variety.mergeCommit++;
      if (event.pr === undefined) variety.directPush++;
      if (event.files !== undefined && event.files.length > 0) variety.monorepoChangeWithFiles++;
    } else if (event.type === 'deployment') {
      summary.deploymentEvents++;
      const key = `${event.source} ${event.id}`;
      if (event.status === 'in_progress') {
        if (finals.has(key)) variety.inProgressAfterFinal++;
        else variety.inProgressBeforeFinal++;
        continue;
      }
      if (!finals.has(key)) summary.deployments++;
      finals.add(key);
      deploymentIds.add(event.id);
      if (event.sha !== undefined) shas.add(event.sha);
      if (event.version !== undefined) versions.add(event.version);
      if (event.commits !== undefined) variety.deploymentListingCommits++;
      else variety.deploymentWithoutCommits++;
      if (event.status === 'failure') variety.failedDeployment++;
      if (event.status === 'cancelled') variety.cancelledDeployment++;
      if (event.status !== 'success' || !event.environment.startsWith('production')) continue;
      summary.productionDeployments++;
      if (event.rollback === true) variety.rollbackFlagged++;
      if (event.labels?.includes('hotfix')) variety.hotfixDeployment++;
      const sha = event.sha ?? event.version ?? '';
      const finishedAt = Date.parse(event.finishedAt ?? '');
      const pair = `${event.service} ${sha}`;
      if (event.environment === 'production') productionAt.set(pair, finishedAt);
      else if (finishedAt - (productionAt.get(pair) ?? Number.NEGATIVE_INFINITY) <= day) {
        variety.multiProductionEnvironment++;
      }
      const place = `${event.service} ${event.environment}`;
      const history = deployed.get(place) ?? { last: '', all: new Set<string>() };
      if (history.last === sha) variety.redeploySameSha++;
      else if (history.all.has(sha) && event.rollback !== true) variety.rollbackToOlderSha++;
      history.last = sha;
      history.all.add(sha);
      deployed.set(place, history);
    } else {
      summary.incidentEvents++;
      const key = `${event.source} ${event.id}`;
      const state = incidents.get(key);
      if (state === undefined && event.resolvedAt !== undefined) variety.resolvedBeforeOpened++;
      const next: IncidentState = {
        resolved: (state?.resolved ?? false) || event.resolvedAt !== undefined,
        acknowledged: (state?.acknowledged ?? false) || event.acknowledgedAt !== undefined,
        services: event.services.length,
      };
      const causedBy = event.causedBy ?? state?.causedBy;
      if (causedBy !== undefined) next.causedBy = causedBy;
      const changeRelated = event.changeRelated ?? state?.changeRelated;
      if (changeRelated !== undefined) next.changeRelated = changeRelated;
      incidents.set(key, next);
    }
  }

  summary.incidents = incidents.size;
  for (const incident of incidents.values()) {
    if (!incident.resolved) variety.openIncident++;
    if (incident.acknowledged) variety.acknowledgedIncident++;
    if (incident.services > 1) variety.multiServiceIncident++;
    if (incident.changeRelated === false) variety.notChangeRelated++;
    else if (incident.causedBy === undefined) variety.changeRelatedWithoutCause++;
    else if (deploymentIds.has(incident.causedBy)) variety.causedByDeploymentId++;
    else if (shas.has(incident.causedBy)) variety.causedBySha++;
    else if (versions.has(incident.causedBy)) variety.causedByVersion++;
  }
  return summary;
}
