import { headerBytes, packColumns, packedBytes, unpackColumns, unpackHeader } from './binaryColumns.js';
import type {
  CauseServices,
  DeploymentColumns,
  EventRef,
  IncidentRecord,
  MeasuredHistory,
  ServiceIndex,
} from './deliveryModel.js';
import { millisecondsBefore } from './statistics.js';

/** The measured history of every service (phase two's outcome): what the figures and drill-down scopes read. */
export interface WholeHistory extends MeasuredHistory {
  causes: CauseServices;
}

/**
 * A whole history as it is kept between starts: the deployment columns as binary (`figures`), the
 * incidents (as columns), each service's index and what each `causedBy` names as JSON (`records`). Only the
 * identities the figures name (failed deployments not recovered) are kept: `ref` answers for those.
 *
 * `figures` holds three counts (deployments n, lead times l, whether the lead times are whole seconds),
 * then finishedAt (n float64), recoveredAt (n float64), the lead times (l int32 when whole seconds,
 * which timestamps of whole seconds give, else l float64), changesFrom, changesTo, leadFrom, leadTo
 * (n int32 each), history, failed, rework (n bytes each).
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

/** Deployments, lead times, whether they are whole seconds. */
const headerCount = 3;

type Stored = Omit<DeploymentColumns, 'ref' | 'leadMsBefore' | 'leadTimes'> & {
  leadTimes: Float64Array | Int32Array;
};

const columnsOf = (c: Stored) => [
  c.finishedAt,
  c.recoveredAt,
  c.leadTimes,
  c.changesFrom,
  c.changesTo,
  c.leadFrom,
  c.leadTo,
  c.history,
  c.failed,
  c.rework,
];

/** Keeps a whole history and the services with any stored deployment. */
export function encodeHistory(history: WholeHistory, deployed: Iterable<string>): EncodedHistory {
  const c = history.columns;
  const n = c.finishedAt.length;
  const named: Records['named'] = [];
  for (let i = 0; i < n; i++) {
    if (c.failed[i] === 1 && Number.isNaN(c.recoveredAt[i] as number)) {
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
  return {
    figures: packColumns([n, leadTimes.length, whole ? 1 : 0], columnsOf({ ...c, leadTimes })),
    records: JSON.stringify(records),
  };
}

/** Reads a kept history; fails saying what does not fit. */
export function decodeHistory(encoded: EncodedHistory): { history: WholeHistory; deployed: string[] } {
  const { figures } = encoded;
  const wrong = (what: string) => new Error(`the kept measured history is damaged: ${what}`);
  if (figures.byteLength < headerBytes(headerCount)) throw wrong(`${figures.byteLength} bytes of figures`);
  const [n = 0, l = 0, whole = 0] = unpackHeader(figures, headerCount);
  const stored = {
    finishedAt: new Float64Array(n),
    recoveredAt: new Float64Array(n),
    leadTimes: whole === 1 ? new Int32Array(l) : new Float64Array(l),
    changesFrom: new Int32Array(n),
    changesTo: new Int32Array(n),
    leadFrom: new Int32Array(n),
    leadTo: new Int32Array(n),
    history: new Uint8Array(n),
    failed: new Uint8Array(n),
    rework: new Uint8Array(n),
  };
  if (figures.byteLength !== packedBytes(headerCount, columnsOf(stored))) {
    throw wrong(`${figures.byteLength} bytes of figures for ${n} deployments and ${l} lead times`);
  }
  unpackColumns(figures, headerCount, columnsOf(stored));
  const columns = {
    ...stored,
    leadTimes:
      stored.leadTimes instanceof Float64Array ? stored.leadTimes : Float64Array.from(stored.leadTimes),
  };
  const records = JSON.parse(encoded.records) as Records;
  const refs = new Map<number, EventRef & { service: string }>(
    records.named.map(([position, source, id, service]) => [position, { source, id, service }]),
  );
  return {
    history: {
      columns: {
        ...columns,
        leadMsBefore: millisecondsBefore(columns.leadTimes),
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
