import type { ServiceFacts, ServiceNames } from './serviceFacts.js';

/**
 * A service's facts as they are kept: the numbers as binary columns (`figures`), so a cold
 * measurement copies bytes instead of parsing tens of thousands of JSON numbers, and the names as
 * JSON.
 *
 * `figures` is little-endian: three 32-bit counts (deployments n, kept lead times l, unknown commits),
 * then finishedAt (n float64), the lead times (l float64), carried (n int32), kept (n int32), marks
 * (n bytes).
 */
export interface EncodedFacts {
  figures: Uint8Array;
  names: string;
}

const headerBytes = 12;

const platformIsLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

type Column = Float64Array | Int32Array | Uint8Array;

function put(into: Uint8Array, at: number, column: Column): number {
  const bytes = column.BYTES_PER_ELEMENT;
  if (platformIsLittleEndian || bytes === 1) {
    into.set(new Uint8Array(column.buffer, column.byteOffset, column.byteLength), at);
  } else {
    const view = new DataView(into.buffer, into.byteOffset + at, column.byteLength);
    for (let i = 0; i < column.length; i++) {
      if (column instanceof Float64Array) view.setFloat64(i * bytes, column[i] as number, true);
      else view.setInt32(i * bytes, column[i] as number, true);
    }
  }
  return at + column.byteLength;
}

function take<T extends Column>(from: Uint8Array, at: number, column: T): T {
  const bytes = column.BYTES_PER_ELEMENT;
  if (platformIsLittleEndian || bytes === 1) {
    new Uint8Array(column.buffer, column.byteOffset, column.byteLength).set(
      from.subarray(at, at + column.byteLength),
    );
  } else {
    const view = new DataView(from.buffer, from.byteOffset + at, column.byteLength);
    for (let i = 0; i < column.length; i++) {
      column[i] =
        column instanceof Float64Array ? view.getFloat64(i * bytes, true) : view.getInt32(i * bytes, true);
    }
  }
  return column;
}

const figuresBytes = (deployments: number, leadTimes: number): number =>
  headerBytes + 17 * deployments + 8 * leadTimes;

export function encodeServiceFacts(facts: ServiceFacts): EncodedFacts {
  const d = facts.deployments;
  const n = d.finishedAt.length;
  const l = facts.leadTimes.length;
  const figures = new Uint8Array(figuresBytes(n, l));
  const header = new DataView(figures.buffer);
  header.setUint32(0, n, true);
  header.setUint32(4, l, true);
  header.setUint32(8, facts.unknownCommits, true);
  let at = headerBytes;
  for (const column of [d.finishedAt, facts.leadTimes, d.carried, d.kept, d.marks]) {
    at = put(figures, at, column);
  }
  return { figures, names: JSON.stringify(facts.names) };
}

/** Reads a service's kept facts; fails naming the service and what does not fit. */
export function decodeServiceFacts(service: string, encoded: EncodedFacts): ServiceFacts {
  const { figures } = encoded;
  const wrong = (what: string) => new Error(`the kept facts of service ${service} are damaged: ${what}`);
  if (figures.byteLength < headerBytes) throw wrong(`${figures.byteLength} bytes of figures`);
  const header = new DataView(figures.buffer, figures.byteOffset, headerBytes);
  const n = header.getUint32(0, true);
  const l = header.getUint32(4, true);
  if (figures.byteLength !== figuresBytes(n, l)) {
    throw wrong(`${figures.byteLength} bytes of figures for ${n} deployments and ${l} lead times`);
  }
  let at = headerBytes;
  const next = <T extends Column>(column: T): T => {
    const taken = take(figures, at, column);
    at += column.byteLength;
    return taken;
  };
  const finishedAt = next(new Float64Array(n));
  const leadTimes = next(new Float64Array(l));
  const carried = next(new Int32Array(n));
  const kept = next(new Int32Array(n));
  const marks = next(new Uint8Array(n));
  let keptInAll = 0;
  for (let i = 0; i < n; i++) keptInAll += kept[i] as number;
  if (keptInAll !== l) throw wrong(`its deployments keep ${keptInAll} lead times, not ${l}`);
  const names = JSON.parse(encoded.names) as ServiceNames;
  for (const column of ['source', 'id', 'sha', 'version'] as const) {
    if (names[column]?.length !== n) throw wrong(`${column} does not name ${n} deployments`);
  }
  return {
    service,
    deployments: { finishedAt, carried, kept, marks },
    leadTimes,
    names,
    unknownCommits: header.getUint32(8, true),
  };
}
