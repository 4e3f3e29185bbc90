import { headerBytes, packColumns, packedBytes, unpackColumns, unpackHeader } from './binaryColumns.js';
import type { EventRef, IncidentRecord, ServiceIndex, WholeHistory } from './deliveryModel.js';
import { millisecondsBefore } from './statistics.js';

/**
 * A whole history as it is kept between starts: the deployment columns as binary (`figures`), the
 * incidents (as columns), each service's index and what each `causedBy` names as JSON (`records`). Only the
 * identities the figures name (failed deployments not recovered) are kept: `ref` answers for those.
 *
 * `figures` holds four counts (deployments n, failed ones f, lead times l, whether those are whole
 * seconds), then finishedAt (n float64), the failed ones' recoveredAt (f float64, NaN when not
 * recovered), the lead times (l int32 when whole seconds, which timestamps of whole seconds give, else
 * l float64), how many changes each deployment carries and how many of their lead times are kept (n
 * int32 each: the changes and lead times follow one another), and marks (n bytes: history, failed,
 * rework).
 */
export interface EncodedHistory {
  figures: Uint8Array;
  records: string;
}

/** The incidents as columns: JSON without a key per field and record is smaller, and quicker to read. */
type IncidentColumns = { [K in keyof IncidentRecord]: IncidentRecord[K][] };

const incidentFields = [
  'source',
  'id',
  'services',
  'openedAt',
  'acknowledgedAt',
  'resolvedAt',
  'changeRelated',
  'causedBy',
  'restoreSeconds',
  'acknowledgeSeconds',
  'attributedTo',
] as const satisfies readonly (keyof IncidentRecord)[];

function incidentColumns(incidents: readonly IncidentRecord[]): IncidentColumns {
  const columns = Object.fromEntries(
    incidentFields.map((field) => [field, incidents.map((incident) => incident[field])]),
  );
  return columns as IncidentColumns;
}

function incidentRecords(c: IncidentColumns): IncidentRecord[] {
  return c.id.map((id, i) => ({
    source: c.source[i] as string,
    id,
    services: c.services[i] as string[],
    openedAt: c.openedAt[i] as number,
    acknowledgedAt: c.acknowledgedAt[i] ?? null,
    resolvedAt: c.resolvedAt[i] ?? null,
    changeRelated: c.changeRelated[i] as boolean,
    causedBy: c.causedBy[i] ?? null,
    restoreSeconds: c.restoreSeconds[i] ?? null,
    acknowledgeSeconds: c.acknowledgeSeconds[i] ?? null,
    attributedTo: c.attributedTo[i] as number[],
  }));
}

interface Records {
  incidents: IncidentColumns;
  byService: [string, ServiceIndex][];
  causes: [string, string[]][];
  /** Position, source, id and service of each deployment the figures name. */
  named: [number, string, string, string][];
  /** Services with any stored deployment. */
  deployed: string[];
}

/** Deployments, failed deployments, lead times, whether those are whole seconds. */
const headerCount = 4;

const mark = { history: 1, failed: 2, rework: 4 } as const;

/** Keeps a whole history and the services with any stored deployment. */
export function encodeHistory(history: WholeHistory, deployed: Iterable<string>): EncodedHistory {
  const c = history.columns;
  const n = c.finishedAt.length;
  const named: Records['named'] = [];
  const marks = new Uint8Array(n);
  const carried = new Int32Array(n);
  const kept = new Int32Array(n);
  const recoveredAt: number[] = [];
  for (let i = 0; i < n; i++) {
    const from = i === 0 ? 0 : (c.changesTo[i - 1] as number);
    const leadFrom = i === 0 ? 0 : (c.leadTo[i - 1] as number);
    if (c.changesFrom[i] !== from || c.leadFrom[i] !== leadFrom) {
      throw new Error('a history is kept only with its changes and lead times laid out position by position');
    }
    carried[i] = (c.changesTo[i] as number) - from;
    kept[i] = (c.leadTo[i] as number) - leadFrom;
    marks[i] =
      (c.history[i] === 1 ? mark.history : 0) |
      (c.failed[i] === 1 ? mark.failed : 0) |
      (c.rework[i] === 1 ? mark.rework : 0);
    if (c.failed[i] === 0) continue;
    recoveredAt.push(c.recoveredAt[i] as number);
    if (Number.isNaN(c.recoveredAt[i] as number)) {
      const { source, id, service } = c.ref(i);
      named.push([i, source, id, service]);
    }
  }
  const records: Records = {
    incidents: incidentColumns(history.incidents),
    byService: [...history.byService],
    causes: [...history.causes].map(([cause, services]) => [cause, [...services]]),
    named,
    deployed: [...deployed],
  };
  const whole = c.leadTimes.every((seconds) => Number.isInteger(seconds) && seconds <= 2 ** 31 - 1);
  const leadTimes = whole ? Int32Array.from(c.leadTimes) : c.leadTimes;
  const header = [n, recoveredAt.length, leadTimes.length, whole ? 1 : 0];
  const columns = [c.finishedAt, new Float64Array(recoveredAt), leadTimes, carried, kept, marks];
  return { figures: packColumns(header, columns), records: JSON.stringify(records) };
}

/** Reads a kept history; fails saying what does not fit. */
export function decodeHistory(encoded: EncodedHistory): { history: WholeHistory; deployed: string[] } {
  const { figures } = encoded;
  const wrong = (what: string) => new Error(`the kept measured history is damaged: ${what}`);
  if (figures.byteLength < headerBytes(headerCount)) throw wrong(`${figures.byteLength} bytes of figures`);
  const [n = 0, f = 0, l = 0, whole = 0] = unpackHeader(figures, headerCount);
  const finishedAt = new Float64Array(n);
  const recoveries = new Float64Array(f);
  const storedLeadTimes = whole === 1 ? new Int32Array(l) : new Float64Array(l);
  const carried = new Int32Array(n);
  const kept = new Int32Array(n);
  const marks = new Uint8Array(n);
  const stored = [finishedAt, recoveries, storedLeadTimes, carried, kept, marks];
  if (figures.byteLength !== packedBytes(headerCount, stored)) {
    throw wrong(`${figures.byteLength} bytes of figures for ${n} deployments and ${l} lead times`);
  }
  unpackColumns(figures, headerCount, stored);
  const leadTimes = storedLeadTimes instanceof Float64Array ? storedLeadTimes : new Float64Array(l);
  if (storedLeadTimes instanceof Int32Array) leadTimes.set(storedLeadTimes);
  const columns = {
    finishedAt,
    history: new Uint8Array(n),
    failed: new Uint8Array(n),
    rework: new Uint8Array(n),
    recoveredAt: new Float64Array(n).fill(Number.NaN),
    changesFrom: new Int32Array(n),
    changesTo: new Int32Array(n),
    leadTimes,
    leadFrom: new Int32Array(n),
    leadTo: new Int32Array(n),
    leadMsBefore: millisecondsBefore(leadTimes),
  };
  for (let i = 0, change = 0, lead = 0, failed = 0; i < n; i++) {
    columns.changesFrom[i] = change;
    change += carried[i] as number;
    columns.changesTo[i] = change;
    columns.leadFrom[i] = lead;
    lead += kept[i] as number;
    columns.leadTo[i] = lead;
    const m = marks[i] as number;
    columns.history[i] = m & mark.history ? 1 : 0;
    columns.rework[i] = m & mark.rework ? 1 : 0;
    if ((m & mark.failed) === 0) continue;
    columns.failed[i] = 1;
    columns.recoveredAt[i] = recoveries[failed++] as number;
  }
  const records = JSON.parse(encoded.records) as Records;
  const refs = new Map<number, EventRef & { service: string }>(
    records.named.map(([position, source, id, service]) => [position, { source, id, service }]),
  );
  return {
    history: {
      columns: {
        ...columns,
        ref: (position) => {
          const ref = refs.get(position);
          if (ref === undefined) throw new Error(`the kept history names no deployment at ${position}`);
          return ref;
        },
      },
      incidents: incidentRecords(records.incidents),
      byService: new Map(records.byService),
      causes: new Map(records.causes.map(([cause, services]) => [cause, new Set(services)])),
    },
    deployed: records.deployed,
  };
}
