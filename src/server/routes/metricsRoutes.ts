import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  drillDownQuerySchema,
  type LeaderboardQuery,
  leaderboardQuerySchema,
  metricsQuerySchema,
} from '../../contract/metrics.js';
import { listChanges, listDeployments, listIncidents } from '../../core/metrics/index.js';
import type { AppContext } from '../context.js';
import { badRequest } from '../errors.js';
import { improvementOf } from '../measurement/improvement.js';
import { type Group, Measurements, type Snapshot, type Window } from '../measurement/measurements.js';
import { presentMetrics } from '../measurement/presentMetrics.js';

const iso = (ms: number) => new Date(ms).toISOString();

function parseQuery<T extends z.ZodType>(
  schema: T,
  query: unknown,
  reply: FastifyReply,
): z.output<T> | undefined {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    void badRequest(reply, parsed.error);
    return undefined;
  }
  return parsed.data;
}

function windowOr400(
  measurements: Measurements,
  from: string | undefined,
  to: string | undefined,
  reply: FastifyReply,
) {
  const window = measurements.window(from, to);
  if ('error' in window) {
    void reply.code(400).send({ error: 'bad request', message: window.error });
    return undefined;
  }
  return window;
}

/** The figures of metrics.md: per group, as a leaderboard, and the events behind them. */
export async function metricsRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const measurements = new Measurements(context);
  const stopKeeping = measurements.keepFresh((error) =>
    app.log.error({ err: error }, 'measured facts not rebuilt'),
  );
  app.addHook('onClose', stopKeeping);
  const read = { config: { access: 'read' as const } };

  app.get('/api/metrics', read, async (request, reply) => {
    const query = parseQuery(metricsQuerySchema, request.query, reply);
    if (!query) return reply;
    const window = windowOr400(measurements, query.from, query.to, reply);
    if (!window) return reply;
    const snapshot = await measurements.snapshot(query.environment);
    const figures = snapshot.groups(query.groupBy).map((group) => ({
      key: group.key,
      squad: group.squad,
      tribe: group.tribe,
      ...presentMetrics(snapshot.summarise(group, window)),
    }));
    return {
      from: iso(window.from),
      to: iso(window.to),
      groupBy: query.groupBy,
      environment: query.environment ?? null,
      groups: figures,
    };
  });

  app.get('/api/leaderboard', read, async (request, reply) => {
    const query = parseQuery(leaderboardQuerySchema, request.query, reply);
    if (!query) return reply;
    const window = windowOr400(measurements, query.from, query.to, reply);
    if (!window) return reply;
    const previous: Window = { from: window.from - (window.to - window.from), to: window.from };
    const snapshot = await measurements.snapshot(query.environment);
    const groups = snapshot
      .groups(query.groupBy)
      .filter(
        (group) =>
          (query.tribe === undefined || group.tribe === query.tribe) &&
          (query.squad === undefined || group.squad === query.squad),
      );
    const rows = [];
    for (const group of groups) {
      const now = snapshot.summarise(group, window);
      const before = snapshot.summarise(group, previous);
      rows.push({
        key: group.key,
        squad: group.squad,
        tribe: group.tribe,
        service: query.groupBy === 'service' ? group.key : null,
        environment: query.environment ?? 'production',
        ...presentMetrics(now),
        previous: presentMetrics(before),
        improvement: improvementOf(now, before),
      });
    }
    sortRows(rows, query);
    return {
      from: iso(window.from),
      to: iso(window.to),
      previous: { from: iso(previous.from), to: iso(previous.to) },
      groupBy: query.groupBy,
      sort: query.sort,
      order: query.order ?? defaultOrder(query.sort),
      rows,
    };
  });

  const drillDown = async (query: z.output<typeof drillDownQuerySchema>, reply: FastifyReply) => {
    const window = windowOr400(measurements, query.from, query.to, reply);
    if (!window) return undefined;
    const snapshot = await measurements.snapshot(query.environment);
    const { member, services } = selectionFor(snapshot, query);
    // of the production class, a selection is analysed from its own events, found from the whole history
    return { model: await snapshot.records(services), window, member, services };
  };

  app.get('/api/deployments', read, async (request, reply) => {
    const query = parseQuery(drillDownQuerySchema, request.query, reply);
    if (!query) return reply;
    const found = await drillDown(query, reply);
    if (!found) return reply;
    const rows = listDeployments(found.model, found.window, found.member, found.services);
    const changesBySha = new Map(
      listChanges(found.model, found.window, found.member, found.services).map((c) => [
        `${c.deployment.source}/${c.deployment.id}/${c.sha}`,
        c,
      ]),
    );
    return {
      from: iso(found.window.from),
      to: iso(found.window.to),
      total: rows.length,
      deployments: rows
        .slice(-query.limit)
        .reverse()
        .map((row) => ({
          ...row,
          finishedAt: iso(row.finishedAt),
          recoveredAt: row.recoveredAt === null ? null : iso(row.recoveredAt),
          changes: row.changes.map((sha) => {
            const change = changesBySha.get(`${row.source}/${row.id}/${sha}`);
            return { sha, leadTimeSeconds: change?.leadTimeSeconds ?? null, repo: change?.repo ?? null };
          }),
        })),
    };
  });

  app.get('/api/changes', read, async (request, reply) => {
    const query = parseQuery(drillDownQuerySchema, request.query, reply);
    if (!query) return reply;
    const found = await drillDown(query, reply);
    if (!found) return reply;
    const rows = listChanges(found.model, found.window, found.member, found.services);
    return {
      from: iso(found.window.from),
      to: iso(found.window.to),
      total: rows.length,
      changes: rows
        .slice(-query.limit)
        .reverse()
        .map((row) => ({ ...row, finishedAt: iso(row.finishedAt), startAt: iso(row.startAt) })),
    };
  });

  app.get('/api/incidents', read, async (request, reply) => {
    const query = parseQuery(drillDownQuerySchema, request.query, reply);
    if (!query) return reply;
    const found = await drillDown(query, reply);
    if (!found) return reply;
    const rows = listIncidents(found.model, found.window, found.member, found.services);
    return {
      from: iso(found.window.from),
      to: iso(found.window.to),
      total: rows.length,
      incidents: rows
        .slice(-query.limit)
        .reverse()
        .map((row) => ({
          ...row,
          openedAt: iso(row.openedAt),
          acknowledgedAt: row.acknowledgedAt === null ? null : iso(row.acknowledgedAt),
          resolvedAt: row.resolvedAt === null ? null : iso(row.resolvedAt),
        })),
    };
  });
}

/** Who a drill-down is about: a service, a squad, a tribe, or their intersection. */
function selectionFor(
  snapshot: Snapshot,
  query: { service?: string | undefined; squad?: string | undefined; tribe?: string | undefined },
): { member: Group['member']; services: string[] | undefined } {
  const selected: Group[] = [];
  if (query.service !== undefined) {
    const service = query.service;
    selected.push({
      key: service,
      squad: null,
      tribe: null,
      member: (s) => s === service,
      services: [service],
    });
  }
  const find = (grouping: 'squad' | 'tribe', key: string) =>
    snapshot.groups(grouping).find((g) => g.key === key) ?? {
      key,
      squad: null,
      tribe: null,
      member: () => false,
      services: [],
    };
  if (query.squad !== undefined) selected.push(find('squad', query.squad));
  if (query.tribe !== undefined) selected.push(find('tribe', query.tribe));
  if (selected.length === 0) return { member: () => true, services: undefined };
  const services = (selected[0]?.services ?? []).filter((s) => selected.every((g) => g.services.includes(s)));
  return { member: (service, at) => selected.every((g) => g.member(service, at)), services };
}

const lowerIsBetter = new Set([
  'leadTimeMedian',
  'leadTimeMean',
  'changeFailureRate',
  'recoveryTimeMedian',
  'timeToRestoreMedian',
  'reworkRate',
  'name',
]);
const defaultOrder = (sort: LeaderboardQuery['sort']) => (lowerIsBetter.has(sort) ? 'asc' : 'desc');

type Row = {
  key: string;
  deploymentFrequency: { count: number };
  leadTime: { median: number | null; mean: number | null };
  changeFailureRate: { rate: number | null };
  failedDeploymentRecoveryTime: { median: number | null };
  timeToRestore: { median: number | null };
  reworkRate: { rate: number | null };
  improvement: { score: number | null };
};

const sortValue: Record<LeaderboardQuery['sort'], (row: Row) => number | string | null> = {
  deployments: (r) => r.deploymentFrequency.count,
  leadTimeMedian: (r) => r.leadTime.median,
  leadTimeMean: (r) => r.leadTime.mean,
  changeFailureRate: (r) => r.changeFailureRate.rate,
  recoveryTimeMedian: (r) => r.failedDeploymentRecoveryTime.median,
  timeToRestoreMedian: (r) => r.timeToRestore.median,
  reworkRate: (r) => r.reworkRate.rate,
  improvement: (r) => r.improvement.score,
  name: (r) => r.key,
};

/** Sorts in place; rows without a figure always come last, whatever the order. */
function sortRows(rows: Row[], query: LeaderboardQuery): void {
  const value = sortValue[query.sort];
  const direction = (query.order ?? defaultOrder(query.sort)) === 'asc' ? 1 : -1;
  rows.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? a.key.localeCompare(b.key) : x === null ? 1 : -1;
    if (x < y) return -direction;
    if (x > y) return direction;
    return a.key.localeCompare(b.key);
  });
}
