import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import {
  type CanonicalEvent,
  type Change,
  type Deployment,
  type DeploymentStatus,
  type EventSet,
  type Incident,
  mergeChange,
  mergeDeployment,
  mergeIncident,
} from '../core/events.js';
import type { Database } from './schema.js';

/** Where a batch came from, kept with its raw payload so it can be re-read later. */
export interface DeliveryRecord {
  source: string;
  deliveryId: string;
  eventType: string;
  receivedAt: Date;
  payload: unknown;
}

export type IngestOutcome = { status: 'accepted'; stored: number } | { status: 'duplicate' };

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());
// PostgreSQL's text and jsonb refuse NUL and half a surrogate pair (JSON.stringify escapes both), so the
// raw log keeps U+FFFD in their place rather than refusing a delivery it can otherwise read.
const unstorableEscape = /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/gi;
const json = (value: unknown): string | null =>
  value === undefined ? null : JSON.stringify(value).replace(unstorableEscape, '$1\\ufffd');
const unpairedSurrogates = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const storable = (text: string): string =>
  text.replaceAll('\u0000', '\ufffd').replace(unpairedSurrogates, '\ufffd');
/** A delivery id as stored: one too long for the index is kept as its digest (the same id, the same digest). */
const deliveryKey = (id: string): string => {
  const text = storable(id);
  return Buffer.byteLength(text) <= 500 ? text : `sha256:${createHash('sha256').update(text).digest('hex')}`;
};

/** Merges events of one batch that share an identity, with the same rules the database applies. */
export function mergeBatch(events: readonly CanonicalEvent[]) {
  const changes = new Map<string, Change>();
  const deployments = new Map<string, Deployment>();
  const incidents = new Map<string, Incident>();
  for (const event of events) {
    if (event.type === 'change') {
      const { type: _, ...change } = event;
      const key = `${change.repo}\u0000${change.sha}`;
      const stored = changes.get(key);
      changes.set(key, stored ? mergeChange(stored, change) : change);
    } else if (event.type === 'deployment') {
      const { type: _, ...deployment } = event;
      const key = `${deployment.source}\u0000${deployment.id}`;
      const stored = deployments.get(key);
      deployments.set(key, stored ? mergeDeployment(stored, deployment) : deployment);
    } else {
      const { type: _, ...incident } = event;
      const key = `${incident.source}\u0000${incident.id}`;
      const stored = incidents.get(key);
      incidents.set(key, stored ? mergeIncident(stored, incident) : incident);
    }
  }
  const byArrival = <T extends { arrival: number }>(items: Iterable<T>) =>
    [...items].sort((a, b) => a.arrival - b.arrival);
  return {
    changes: byArrival(changes.values()),
    deployments: byArrival(deployments.values()),
    incidents: [...incidents.values()],
  };
}

const chunk = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

async function upsertChanges(tx: Transaction<Database>, changes: Change[]): Promise<void> {
  for (const part of chunk(changes, 2000)) {
    const rows = part.map((c, ord) => ({
      ord,
      repo: c.repo,
      sha: c.sha,
      committed_at: iso(c.committedAt),
      pushed_at: iso(c.pushedAt),
      branch: c.branch ?? null,
      parents: c.parents ?? null,
      pr_number: c.pr?.number ?? null,
      pr_opened_at: iso(c.pr?.openedAt),
      pr_merged_at: iso(c.pr?.mergedAt),
      pr_first_commit_at: iso(c.pr?.firstCommitAt),
      labels: c.labels,
      reverts: c.reverts,
      files: c.files ?? null,
    }));
    await sql`
      insert into changes (repo, sha, committed_at, pushed_at, branch, parents, pr_number, pr_opened_at, pr_merged_at,
                           pr_first_commit_at, labels, reverts, files, arrival)
      select r.repo, r.sha, r.committed_at, r.pushed_at, r.branch, r.parents, r.pr_number, r.pr_opened_at, r.pr_merged_at,
             r.pr_first_commit_at, r.labels, r.reverts, r.files, nextval('event_arrival')
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        ord int, repo text, sha text, committed_at timestamptz, pushed_at timestamptz, branch text, parents jsonb,
        pr_number int, pr_opened_at timestamptz, pr_merged_at timestamptz, pr_first_commit_at timestamptz,
        labels jsonb, reverts jsonb, files jsonb)
      order by r.ord
      on conflict (repo, sha) do update set
        committed_at = excluded.committed_at,
        pushed_at = case when changes.pushed_at is null then excluded.pushed_at
                         when excluded.pushed_at is null then changes.pushed_at
                         else least(changes.pushed_at, excluded.pushed_at) end,
        branch = coalesce(excluded.branch, changes.branch),
        parents = coalesce(nullif(excluded.parents, '[]'::jsonb), changes.parents),
        pr_number = coalesce(excluded.pr_number, changes.pr_number),
        pr_opened_at = coalesce(excluded.pr_opened_at, changes.pr_opened_at),
        pr_merged_at = coalesce(excluded.pr_merged_at, changes.pr_merged_at),
        pr_first_commit_at = coalesce(excluded.pr_first_commit_at, changes.pr_first_commit_at),
        labels = case when excluded.labels = '[]'::jsonb then changes.labels else excluded.labels end,
        reverts = case when excluded.reverts = '[]'::jsonb then changes.reverts else excluded.reverts end,
        files = coalesce(nullif(excluded.files, '[]'::jsonb), changes.files)
    `.execute(tx);
  }
}

async function upsertDeployments(tx: Transaction<Database>, deployments: Deployment[]): Promise<void> {
  for (const part of chunk(deployments, 2000)) {
    const rows = part.map((d, ord) => ({
      ord,
      source: d.source,
      id: d.id,
      service: d.service,
      environment: d.environment,
      sha: d.sha ?? null,
      version: d.version ?? null,
      status: d.status,
      started_at: iso(d.startedAt),
      finished_at: iso(d.finishedAt),
      commits: d.commits ?? null,
      rollback: d.rollback,
      labels: d.labels,
    }));
    await sql`
      insert into deployments (source, id, service, environment, sha, version, status, started_at, finished_at, commits,
                               rollback, labels, arrival)
      select r.source, r.id, r.service, r.environment, r.sha, r.version, r.status, r.started_at, r.finished_at, r.commits,
             r.rollback, r.labels, nextval('event_arrival')
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        ord int, source text, id text, service text, environment text, sha text, version text, status text,
        started_at timestamptz, finished_at timestamptz, commits jsonb, rollback boolean, labels jsonb)
      order by r.ord
      on conflict (source, id) do update set
        service = excluded.service,
        environment = excluded.environment,
        sha = coalesce(excluded.sha, deployments.sha),
        version = coalesce(excluded.version, deployments.version),
        status = case when excluded.status = 'in_progress' and deployments.status <> 'in_progress'
                      then deployments.status else excluded.status end,
        started_at = coalesce(excluded.started_at, deployments.started_at),
        finished_at = case when excluded.status = 'in_progress' and deployments.status <> 'in_progress'
                           then deployments.finished_at else coalesce(excluded.finished_at, deployments.finished_at) end,
        commits = coalesce(nullif(excluded.commits, '[]'::jsonb), deployments.commits),
        rollback = deployments.rollback or excluded.rollback,
        labels = case when excluded.labels = '[]'::jsonb then deployments.labels else excluded.labels end
    `.execute(tx);
  }
}

async function upsertIncidents(tx: Transaction<Database>, incidents: Incident[]): Promise<void> {
  for (const part of chunk(incidents, 2000)) {
    const rows = part.map((i, ord) => ({
      ord,
      source: i.source,
      id: i.id,
      services: i.services,
      opened_at: iso(i.openedAt),
      acknowledged_at: iso(i.acknowledgedAt),
      resolved_at: iso(i.resolvedAt),
      severity: i.severity ?? null,
      caused_by: i.causedBy ?? null,
      change_related: i.changeRelated,
    }));
    await sql`
      insert into incidents (source, id, services, opened_at, acknowledged_at, resolved_at, severity, caused_by,
                             change_related, arrival)
      select r.source, r.id, r.services, r.opened_at, r.acknowledged_at, r.resolved_at, r.severity, r.caused_by,
             r.change_related, nextval('event_arrival')
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        ord int, source text, id text, services jsonb, opened_at timestamptz, acknowledged_at timestamptz,
        resolved_at timestamptz, severity text, caused_by text, change_related boolean)
      order by r.ord
      on conflict (source, id) do update set
        services = case when excluded.services = '[]'::jsonb then incidents.services else excluded.services end,
        opened_at = least(incidents.opened_at, excluded.opened_at),
        acknowledged_at = coalesce(excluded.acknowledged_at, incidents.acknowledged_at),
        resolved_at = coalesce(excluded.resolved_at, incidents.resolved_at),
        severity = coalesce(excluded.severity, incidents.severity),
        caused_by = coalesce(excluded.caused_by, incidents.caused_by),
        change_related = incidents.change_related and excluded.change_related
    `.execute(tx);
  }
}

/**
 * Stores a delivery and its events in one transaction: every event is upserted by identity (the
 * same event twice changes nothing) and the raw payload is kept. A delivery id already accepted
 * from the same source is a duplicate: it is recorded as such and nothing else changes.
 */
export async function ingestEvents(
  db: Kysely<Database>,
  delivery: DeliveryRecord,
  events: readonly CanonicalEvent[],
): Promise<IngestOutcome> {
  return db.transaction().execute(async (tx) => {
    const inserted = await sql<{ id: string }>`
      insert into deliveries (source, delivery_id, event_type, received_at, outcome, payload, event_count)
      values (${storable(delivery.source)}, ${deliveryKey(delivery.deliveryId)}, ${storable(delivery.eventType)},
              ${delivery.receivedAt}, 'accepted',
              ${json(delivery.payload)}::jsonb, ${events.length})
      on conflict (source, delivery_id) where outcome = 'accepted' do nothing
      returning id
    `.execute(tx);
    if (inserted.rows.length === 0) {
      await recordDelivery(tx, { ...delivery, payload: undefined }, 'duplicate', null);
      return { status: 'duplicate' };
    }
    const batch = mergeBatch(events);
    await upsertChanges(tx, batch.changes);
    await upsertDeployments(tx, batch.deployments);
    await upsertIncidents(tx, batch.incidents);
    return { status: 'accepted', stored: events.length };
  });
}

/** Records a delivery that stored no events (rejected, ignored or duplicate) for source health. */
export async function recordDelivery(
  db: Kysely<Database>,
  delivery: DeliveryRecord,
  outcome: 'rejected' | 'ignored' | 'duplicate',
  detail: string | null,
): Promise<void> {
  await db
    .insertInto('deliveries')
    .values({
      source: storable(delivery.source),
      delivery_id: deliveryKey(delivery.deliveryId),
      event_type: storable(delivery.eventType),
      received_at: delivery.receivedAt,
      outcome,
      detail: detail === null ? null : storable(detail),
      payload: outcome === 'ignored' ? json(delivery.payload) : null,
      event_count: 0,
    })
    .execute();
}

// date_part works in float8 (rounded back to whole ms); extract() computes in numeric, several times slower.
const epoch = (column: string) => sql.raw(`round(date_part('epoch', ${column}) * 1000)`);

interface ChangeRow {
  repo: string;
  sha: string;
  committed_at: number;
  pushed_at: number | null;
  branch: string | null;
  parents: string[] | null;
  pr_number: number | null;
  pr_opened_at: number | null;
  pr_merged_at: number | null;
  pr_first_commit_at: number | null;
  labels: string[];
  reverts: string[];
  files: string[] | null;
  arrival: string | number;
}

function toChange(row: ChangeRow): Change {
  const change: Change = {
    repo: row.repo,
    sha: row.sha,
    committedAt: row.committed_at,
    labels: row.labels,
    reverts: row.reverts,
    arrival: Number(row.arrival),
  };
  if (row.parents !== null) change.parents = row.parents;
  if (row.pushed_at !== null) change.pushedAt = row.pushed_at;
  if (row.branch !== null) change.branch = row.branch;
  if (row.files !== null) change.files = row.files;
  if (
    row.pr_number !== null ||
    row.pr_opened_at !== null ||
    row.pr_merged_at !== null ||
    row.pr_first_commit_at !== null
  ) {
    change.pr = {};
    if (row.pr_number !== null) change.pr.number = row.pr_number;
    if (row.pr_opened_at !== null) change.pr.openedAt = row.pr_opened_at;
    if (row.pr_merged_at !== null) change.pr.mergedAt = row.pr_merged_at;
    if (row.pr_first_commit_at !== null) change.pr.firstCommitAt = row.pr_first_commit_at;
  }
  return change;
}

interface DeploymentRow {
  source: string;
  id: string;
  service: string;
  environment: string;
  sha: string | null;
  version: string | null;
  status: string;
  started_at: number | null;
  finished_at: number | null;
  commits: string[] | null;
  rollback: boolean;
  labels: string[];
  arrival: string | number;
}

function toDeployment(row: DeploymentRow): Deployment {
  const deployment: Deployment = {
    source: row.source,
    id: row.id,
    service: row.service,
    environment: row.environment,
    status: row.status as DeploymentStatus,
    rollback: row.rollback,
    labels: row.labels,
    arrival: Number(row.arrival),
  };
  if (row.sha !== null) deployment.sha = row.sha;
  if (row.version !== null) deployment.version = row.version;
  if (row.started_at !== null) deployment.startedAt = row.started_at;
  if (row.finished_at !== null) deployment.finishedAt = row.finished_at;
  if (row.commits !== null) deployment.commits = row.commits;
  return deployment;
}

interface IncidentRow {
  source: string;
  id: string;
  services: string[];
  opened_at: number;
  acknowledged_at: number | null;
  resolved_at: number | null;
  severity: string | null;
  caused_by: string | null;
  change_related: boolean;
}

function toIncident(row: IncidentRow): Incident {
  const incident: Incident = {
    source: row.source,
    id: row.id,
    services: row.services,
    openedAt: row.opened_at,
    changeRelated: row.change_related,
  };
  if (row.acknowledged_at !== null) incident.acknowledgedAt = row.acknowledged_at;
  if (row.resolved_at !== null) incident.resolvedAt = row.resolved_at;
  if (row.severity !== null) incident.severity = row.severity;
  if (row.caused_by !== null) incident.causedBy = row.caused_by;
  return incident;
}

/** Every stored event, as the measurement engine reads them. */
export async function loadEventSet(db: Kysely<Database>): Promise<EventSet> {
  const [changes, deployments, incidents] = await Promise.all([
    sql<ChangeRow>`
      select repo, sha, ${epoch('committed_at')} as committed_at, ${epoch('pushed_at')} as pushed_at, branch, parents,
             pr_number, ${epoch('pr_opened_at')} as pr_opened_at, ${epoch('pr_merged_at')} as pr_merged_at,
             ${epoch('pr_first_commit_at')} as pr_first_commit_at, labels, reverts, files, arrival
      from changes`.execute(db),
    sql<DeploymentRow>`
      select source, id, service, environment, sha, version, status, ${epoch('started_at')} as started_at,
             ${epoch('finished_at')} as finished_at, commits, rollback, labels, arrival
      from deployments`.execute(db),
    sql<IncidentRow>`
      select source, id, services, ${epoch('opened_at')} as opened_at, ${epoch('acknowledged_at')} as acknowledged_at,
             ${epoch('resolved_at')} as resolved_at, severity, caused_by, change_related
      from incidents`.execute(db),
  ]);
  return {
    changes: changes.rows.map(toChange),
    deployments: deployments.rows.map(toDeployment),
    incidents: incidents.rows.map(toIncident),
  };
}

/** How many events are stored: a cheap figure for health and for deciding whether a cache is stale. */
export async function countEvents(
  db: Kysely<Database>,
): Promise<{ changes: number; deployments: number; incidents: number; lastArrival: number }> {
  const row = await sql<{ changes: string; deployments: string; incidents: string; last: string | null }>`
    select (select count(*) from changes) as changes, (select count(*) from deployments) as deployments,
           (select count(*) from incidents) as incidents,
           (select last_value from event_arrival) as last`.execute(db);
  const r = row.rows[0];
  return {
    changes: Number(r?.changes ?? 0),
    deployments: Number(r?.deployments ?? 0),
    incidents: Number(r?.incidents ?? 0),
    lastArrival: Number(r?.last ?? 0),
  };
}

/**
 * The position of the latest arrival: every ingestion, even one that only updates stored events,
 * moves it, so it tells cheaply whether anything changed since it was last read.
 */
export async function lastArrival(db: Kysely<Database>): Promise<number> {
  const row = await sql<{
    last: string | null;
    called: boolean;
  }>`select last_value as last, is_called as called from event_arrival`.execute(db);
  const r = row.rows[0];
  return r?.called ? Number(r.last) : 0;
}
