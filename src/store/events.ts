import { createHash } from 'node:crypto';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
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
  type PullRequest,
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

/**
 * Runs `read` in one repeatable-read transaction, so everything it reads is of one state of the store;
 * inside a transaction already, in that one.
 */
export async function inSnapshot<T>(
  db: Kysely<Database>,
  read: (tx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return read(db);
  return db.transaction().setIsolationLevel('repeatable read').execute(read);
}

/** How one column is read: as an expression whose text is JSON already, or escaped by PostgreSQL. */
type ColumnRead = { json: string } | { escaped: string };

/**
 * A column whose text output is JSON already (numbers, jsonb): joined as text, which costs PostgreSQL
 * about half of building JSON value by value (the difference is seconds on PGlite at full scale).
 */
const jsonText = (expression: string): ColumnRead => ({ json: expression });
/** A text or boolean column: PostgreSQL escapes it into JSON. */
const escaped = (column: string): ColumnRead => ({ escaped: column });
// date_part works in float8 (rounded back to whole ms); extract() computes in numeric, several times slower.
const epoch = (column: string) => jsonText(`round(date_part('epoch', ${column}) * 1000)`);

const aggregate = (read: ColumnRead): string =>
  'json' in read
    ? `'[' || string_agg(coalesce((${read.json})::text, 'null'), ',') || ']'`
    : `json_agg(${read.escaped})`;

/**
 * Table pages (8 kB each by default) per statement when the events are read: a statement's result stays
 * a few megabytes, so neither PGlite's memory (which never shrinks) nor the process grows with the store.
 */
const defaultPagesPerRead = 500;

type Columns<R> = { [K in keyof R]: R[K][] };

/**
 * Reads whole columns of a table, each as one JSON array per range of table pages: the driver then
 * decodes a few large values natively instead of one value per row and field, which at hundreds of
 * thousands of rows costs many times the reading itself. The ranges are read sequentially (a TID range
 * scan) in one repeatable-read transaction, so every row is read once even while events arrive.
 * Every column of a range lists its rows in the same order.
 */
async function readColumns<R extends object>(
  db: Kysely<Database>,
  table: 'changes' | 'deployments' | 'incidents',
  select: { [K in keyof R]: ColumnRead },
  pagesPerRead: number,
  filter?: RawBuilder<unknown>,
): Promise<{ length: number; columns: Columns<R> }> {
  const names = Object.keys(select) as (keyof R & string)[];
  const aggregates = names.map((name) => `${aggregate(select[name])} as "${name}"`).join(', ');
  const blocks = Object.fromEntries(names.map((name) => [name, [] as unknown[][]])) as Record<
    string,
    unknown[][]
  >;
  const decode = (row: Record<string, unknown[] | string | null> | undefined) => {
    for (const name of names) {
      const value = row?.[name] ?? [];
      blocks[name]?.push(typeof value === 'string' ? (JSON.parse(value) as unknown[]) : value);
    }
  };
  if (filter !== undefined) {
    // a selection (one service's deployments, one repository's changes) is read in one statement
    const result = await sql<Record<string, unknown[] | string | null>>`
      select ${sql.raw(aggregates)} from ${sql.table(table)} where ${filter}`.execute(db);
    decode(result.rows[0]);
  } else
    await inSnapshot(db, async (tx) => {
      const size = await sql<{ pages: string }>`
        select pg_relation_size(${table}::regclass) / current_setting('block_size')::int as pages`.execute(
        tx,
      );
      const pages = Number(size.rows[0]?.pages ?? 0);
      const read = (from: number) => {
        // the last range is open-ended: it reads whatever the transaction sees beyond the size read above
        const to = from + pagesPerRead >= pages ? '' : ` and ctid < '(${from + pagesPerRead},0)'::tid`;
        const query = sql
          .raw<Record<string, unknown[] | string | null>>(
            `select ${aggregates} from ${table} where ctid >= '(${from},0)'::tid${to}`,
          )
          .execute(tx);
        // awaited below; a failure while the previous range is decoded must not go unhandled meanwhile
        query.catch(() => {});
        return query;
      };
      // the next range is asked for before this one is decoded, so PostgreSQL reads while the process parses
      let pending = read(0);
      for (let from = 0; ; from += pagesPerRead) {
        const result = await pending;
        const more = from + pagesPerRead < pages;
        if (more) pending = read(from + pagesPerRead);
        decode(result.rows[0]);
        if (!more) break;
      }
    });
  const columns = Object.fromEntries(
    names.map((name) => {
      const parts = blocks[name] ?? [];
      return [name, parts.length === 1 ? parts[0] : ([] as unknown[]).concat(...parts)];
    }),
  ) as Columns<R>;
  const first = names[0];
  return { length: first === undefined ? 0 : columns[first].length, columns };
}

/**
 * One string for each distinct value of a column that repeats (repositories, branches, services): the
 * events of a large store then hold a few hundred strings instead of one per row.
 */
function interner(): (value: string) => string {
  const seen = new Map<string, string>();
  return (value) => {
    const known = seen.get(value);
    if (known !== undefined) return known;
    seen.set(value, value);
    return value;
  };
}

/** Most events have no labels nor reverts: they share one empty list, frozen so that no one can fill it. */
const noStrings = Object.freeze([]) as unknown as string[];
const list = (value: string[] | undefined): string[] =>
  value === undefined || value.length === 0 ? noStrings : value;

/** Sets an optional field only when its column holds a value: a null column leaves the field absent. */
function optional<T, K extends keyof T>(target: T, key: K, value: T[K] | null | undefined): void {
  if (value !== null && value !== undefined) target[key] = value;
}

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
  arrival: number;
}

async function loadChanges(
  db: Kysely<Database>,
  pagesPerRead: number,
  filter?: RawBuilder<unknown>,
): Promise<Change[]> {
  const { length, columns: c } = await readColumns<ChangeRow>(
    db,
    'changes',
    {
      repo: escaped('repo'),
      sha: escaped('sha'),
      committed_at: epoch('committed_at'),
      pushed_at: epoch('pushed_at'),
      branch: escaped('branch'),
      parents: jsonText('parents'),
      pr_number: jsonText('pr_number'),
      pr_opened_at: epoch('pr_opened_at'),
      pr_merged_at: epoch('pr_merged_at'),
      pr_first_commit_at: epoch('pr_first_commit_at'),
      labels: jsonText('labels'),
      reverts: jsonText('reverts'),
      files: jsonText('files'),
      arrival: jsonText('arrival'),
    },
    pagesPerRead,
    filter,
  );
  const repo = interner();
  const branch = interner();
  const changes: Change[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const change: Change = {
      repo: repo(c.repo[i] as string),
      sha: c.sha[i] as string,
      committedAt: c.committed_at[i] as number,
      labels: list(c.labels[i]),
      reverts: list(c.reverts[i]),
      arrival: c.arrival[i] as number,
    };
    optional(change, 'parents', c.parents[i]);
    optional(change, 'pushedAt', c.pushed_at[i]);
    const branchName = c.branch[i];
    if (branchName !== null && branchName !== undefined) change.branch = branch(branchName);
    optional(change, 'files', c.files[i]);
    const number = c.pr_number[i] ?? null;
    const openedAt = c.pr_opened_at[i] ?? null;
    const mergedAt = c.pr_merged_at[i] ?? null;
    const firstCommitAt = c.pr_first_commit_at[i] ?? null;
    if (number !== null || openedAt !== null || mergedAt !== null || firstCommitAt !== null) {
      const pr: PullRequest = {};
      optional(pr, 'number', number);
      optional(pr, 'openedAt', openedAt);
      optional(pr, 'mergedAt', mergedAt);
      optional(pr, 'firstCommitAt', firstCommitAt);
      change.pr = pr;
    }
    changes[i] = change;
  }
  return changes;
}

interface DeploymentRow {
  source: string;
  id: string;
  service: string;
  environment: string;
  sha: string | null;
  version: string | null;
  status: DeploymentStatus;
  started_at: number | null;
  finished_at: number | null;
  commits: string[] | null;
  rollback: boolean;
  labels: string[];
  arrival: number;
}

async function loadDeployments(
  db: Kysely<Database>,
  pagesPerRead: number,
  filter?: RawBuilder<unknown>,
): Promise<Deployment[]> {
  const { length, columns: c } = await readColumns<DeploymentRow>(
    db,
    'deployments',
    {
      source: escaped('source'),
      id: escaped('id'),
      service: escaped('service'),
      environment: escaped('environment'),
      sha: escaped('sha'),
      version: escaped('version'),
      status: escaped('status'),
      started_at: epoch('started_at'),
      finished_at: epoch('finished_at'),
      commits: jsonText('commits'),
      rollback: escaped('rollback'),
      labels: jsonText('labels'),
      arrival: jsonText('arrival'),
    },
    pagesPerRead,
    filter,
  );
  const text = interner();
  const deployments: Deployment[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const deployment: Deployment = {
      source: text(c.source[i] as string),
      id: c.id[i] as string,
      service: text(c.service[i] as string),
      environment: text(c.environment[i] as string),
      status: text(c.status[i] as string) as DeploymentStatus,
      rollback: c.rollback[i] as boolean,
      labels: list(c.labels[i]),
      arrival: c.arrival[i] as number,
    };
    optional(deployment, 'sha', c.sha[i]);
    optional(deployment, 'version', c.version[i]);
    optional(deployment, 'startedAt', c.started_at[i]);
    optional(deployment, 'finishedAt', c.finished_at[i]);
    optional(deployment, 'commits', c.commits[i]);
    deployments[i] = deployment;
  }
  return deployments;
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

async function loadIncidents(
  db: Kysely<Database>,
  pagesPerRead: number,
  filter?: RawBuilder<unknown>,
): Promise<Incident[]> {
  const { length, columns: c } = await readColumns<IncidentRow>(
    db,
    'incidents',
    {
      source: escaped('source'),
      id: escaped('id'),
      services: jsonText('services'),
      opened_at: epoch('opened_at'),
      acknowledged_at: epoch('acknowledged_at'),
      resolved_at: epoch('resolved_at'),
      severity: escaped('severity'),
      caused_by: escaped('caused_by'),
      change_related: escaped('change_related'),
    },
    pagesPerRead,
    filter,
  );
  const incidents: Incident[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const incident: Incident = {
      source: c.source[i] as string,
      id: c.id[i] as string,
      services: c.services[i] as string[],
      openedAt: c.opened_at[i] as number,
      changeRelated: c.change_related[i] as boolean,
    };
    optional(incident, 'acknowledgedAt', c.acknowledged_at[i]);
    optional(incident, 'resolvedAt', c.resolved_at[i]);
    optional(incident, 'severity', c.severity[i]);
    optional(incident, 'causedBy', c.caused_by[i]);
    incidents[i] = incident;
  }
  return incidents;
}

/**
 * Every stored event, as the measurement engine reads them. `pagesPerRead` is how many table pages one
 * statement reads at most (the default suits any store; tests make it small).
 */
export async function loadEventSet(
  db: Kysely<Database>,
  options: { pagesPerRead?: number } = {},
): Promise<EventSet> {
  const pages = options.pagesPerRead ?? defaultPagesPerRead;
  const [changes, deployments, incidents] = await Promise.all([
    loadChanges(db, pages),
    loadDeployments(db, pages),
    loadIncidents(db, pages),
  ]);
  return { changes, deployments, incidents };
}

/** A JSON list of texts as a set of rows PostgreSQL can compare with (`x in (…)`). */
const textsOf = (values: readonly string[]) =>
  sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/**
 * The events some services' measured facts are derived from: every deployment of `services`, every
 * change of `repos`, and the changes whose sha a deployment of `listing` lists in its `commits` (how a
 * service without a declared repository finds its changes). Three statements: a write between them is
 * read by the next rebuild of facts, whose marks it leaves.
 */
export async function loadServiceEvents(
  db: Kysely<Database>,
  selection: { services: readonly string[]; repos: readonly string[]; listing: readonly string[] },
): Promise<Pick<EventSet, 'changes' | 'deployments'>> {
  const pages = defaultPagesPerRead;
  const deployments = await loadDeployments(db, pages, sql`service in ${textsOf(selection.services)}`);
  const byRepo =
    selection.repos.length === 0
      ? []
      : await loadChanges(db, pages, sql`repo in ${textsOf(selection.repos)}`);
  const listed =
    selection.listing.length === 0
      ? []
      : await loadChanges(
          db,
          pages,
          sql`repo not in ${textsOf(selection.repos)} and sha in (
            select jsonb_array_elements_text(commits) from deployments
            where service in ${textsOf(selection.listing)} and jsonb_typeof(commits) = 'array')`,
        );
  return {
    deployments,
    changes: byRepo.length === 0 ? listed : listed.length === 0 ? byRepo : [...byRepo, ...listed],
  };
}

/** The stored incidents, as the measurement engine reads them. */
export async function loadAllIncidents(db: Kysely<Database>): Promise<Incident[]> {
  return loadIncidents(db, defaultPagesPerRead);
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
