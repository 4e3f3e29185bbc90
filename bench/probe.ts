/**
 * Runs inside the server process: times the steps behind GET /api/metrics one by one — the read-only
 * limit of the store (`count(*)` over the tables the metrics read), `loadEventSet`, `analyseDelivery`
 * and `summarise` for every service — with the product's own functions and connection.
 */
import { sql } from 'kysely';
import type { EventSet } from '../src/core/events.js';
import { analyseDelivery, type Member, summarise } from '../src/core/metrics/index.js';
import type { AppContext } from '../src/server/context.js';
import { Measurements } from '../src/server/measurement/measurements.js';
import { loadEventSet } from '../src/store/events.js';
import type { ProbeRequest, ProbeResult } from './protocol.js';
import { repeat, repeatWithin } from './stats.js';

/** Expensive steps are repeated only while they fit in this much time each. */
const stepBudgetMs = 10_000;

/** Counts the rows the metrics read: one statement over the three event tables (no joins: they read none). */
async function countRows(context: AppContext) {
  const result = await sql<{ changes: string; deployments: string; incidents: string }>`
    select (select count(*) from changes) as changes, (select count(*) from deployments) as deployments,
           (select count(*) from incidents) as incidents`.execute(context.db.kysely);
  const row = result.rows[0];
  return {
    changes: Number(row?.changes ?? 0),
    deployments: Number(row?.deployments ?? 0),
    incidents: Number(row?.incidents ?? 0),
  };
}

/** The groups of `groupBy=service` as the metrics route forms them: declared services, then undeclared ones. */
function serviceGroups(context: AppContext, events: EventSet): { member: Member; services: string[] }[] {
  const declared = context.organisation.organisation.tribes.flatMap((tribe) =>
    tribe.squads.flatMap((squad) => squad.services.map((service) => service.name)),
  );
  const known = new Set(declared);
  const undeclared = [...new Set(events.deployments.map((d) => d.service))].filter((s) => !known.has(s));
  return [...declared, ...undeclared].map((service) => ({
    member: (s: string) => s === service,
    services: [service],
  }));
}

export async function probe(context: AppContext, request: ProbeRequest): Promise<ProbeResult> {
  const times = Math.max(1, request.repeats);
  const counted = await repeat(times, () => countRows(context));
  const loaded = await repeatWithin(times, stepBudgetMs, () => loadEventSet(context.db.kysely));
  const config = new Measurements(context).measureConfig();
  const analysed = await repeatWithin(times, stepBudgetMs, () => analyseDelivery(loaded.last, config));

  const groups = serviceGroups(context, loaded.last);
  const options = {
    now: context.clock(),
    timezone: context.organisation.organisation.timezone,
    hasIncidentSource: loaded.last.incidents.length > 0,
  };
  const summariseMs: Record<string, number[]> = {};
  for (const window of request.windows) {
    const range = { from: Date.parse(window.from), to: Date.parse(window.to) };
    const run = await repeatWithin(times, stepBudgetMs, () =>
      groups.map((group) =>
        summarise(analysed.last, range, group.member, { ...options, services: group.services }),
      ),
    );
    summariseMs[window.name] = run.ms;
  }
  return {
    rows: counted.last,
    countMs: counted.ms,
    loadEventSetMs: loaded.ms,
    analyseMs: analysed.ms,
    groups: groups.length,
    summariseMs,
  };
}
