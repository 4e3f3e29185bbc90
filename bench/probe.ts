/**
 * Runs inside the server process: times the steps behind GET /api/metrics one by one — the read-only
 * limit of the store (`count(*)` over the tables of events), reading the kept facts and the incidents,
 * parsing and assembling them, and `summarise` for every service — with the product's own functions
 * and connection; and the whole analysis of every event (`loadEventSet`, `analyseDelivery`) that one
 * environment's figures and the drill-downs use.
 */
import { sql } from 'kysely';
import type { EventSet } from '../src/core/events.js';
import {
  always,
  analyseDelivery,
  assembleHistory,
  decodeHistory,
  decodeServiceFacts,
  type Member,
  summarise,
} from '../src/core/metrics/index.js';
import type { AppContext } from '../src/server/context.js';
import { Measurements } from '../src/server/measurement/measurements.js';
import { loadEventSet } from '../src/store/events.js';
import { readKeptHistory } from '../src/store/keptHistory.js';
import { readKeptFacts } from '../src/store/serviceFacts.js';
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
    member: always,
    services: [service],
  }));
}

export async function probe(context: AppContext, request: ProbeRequest): Promise<ProbeResult> {
  const times = Math.max(1, request.repeats);
  const counted = await repeat(times, () => countRows(context));
  const measurements = new Measurements(context);
  await measurements.facts.refresh();
  const kept = await repeatWithin(times, stepBudgetMs, () => readKeptFacts(context.db.kysely));
  const hours = context.organisation.organisation.attributionWindowHours;
  const assembled = await repeatWithin(times, stepBudgetMs, () =>
    assembleHistory(
      kept.last.facts.map((row) => decodeServiceFacts(row.service, row)),
      kept.last.incidents,
      hours,
    ),
  );
  // the kept whole history, as a start on an unchanged store reads it
  const keptRow = await context.db.kysely.selectFrom('kept_history').select('state').executeTakeFirst();
  if (keptRow === undefined) throw new Error('no whole history is kept: the metrics requests keep one');
  const readHistory = await repeatWithin(times, stepBudgetMs, async () => {
    const read = await readKeptHistory(context.db.kysely, keptRow.state);
    if (read === undefined) throw new Error('the kept whole history went away');
    return read;
  });
  const decoded = await repeatWithin(times, stepBudgetMs, () => decodeHistory(readHistory.last).history);
  const loaded = await repeatWithin(times, stepBudgetMs, () => loadEventSet(context.db.kysely));
  const config = measurements.measureConfig();
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
        summarise(decoded.last, range, group.member, { ...options, services: group.services }),
      ),
    );
    summariseMs[window.name] = run.ms;
  }
  return {
    rows: counted.last,
    countMs: counted.ms,
    readHistoryMs: readHistory.ms,
    decodeHistoryMs: decoded.ms,
    readFactsMs: kept.ms,
    assembleMs: assembled.ms,
    loadEventSetMs: loaded.ms,
    analyseMs: analysed.ms,
    groups: groups.length,
    summariseMs,
  };
}
