import { headerBytes, packColumns, packedBytes, unpackColumns, unpackHeader } from './binaryColumns.js';
import type { ServiceFacts, ServiceNames } from './serviceFacts.js';

/**
 * A service's facts as they are kept: the numbers as binary columns (`figures`), so a cold
 * measurement copies bytes instead of parsing tens of thousands of JSON numbers, and the names as
 * JSON.
 *
 * `figures` holds three counts (deployments n, kept lead times l, unknown commits), then finishedAt
 * (n float64), the lead times (l float64), carried (n int32), kept (n int32), marks (n bytes).
 */
export interface EncodedFacts {
  figures: Uint8Array;
  names: string;
}

/** Deployments, kept lead times, unknown commits. */
const headerCount = 3;

export function encodeServiceFacts(facts: ServiceFacts): EncodedFacts {
  const d = facts.deployments;
  const header = [d.finishedAt.length, facts.leadTimes.length, facts.unknownCommits];
  return {
    figures: packColumns(header, [d.finishedAt, facts.leadTimes, d.carried, d.kept, d.marks]),
    names: JSON.stringify(facts.names),
  };
}

/** Reads a service's kept facts; fails naming the service and what does not fit. */
export function decodeServiceFacts(service: string, encoded: EncodedFacts): ServiceFacts {
  const { figures } = encoded;
  const wrong = (what: string) => new Error(`the kept facts of service ${service} are damaged: ${what}`);
  if (figures.byteLength < headerBytes(headerCount)) throw wrong(`${figures.byteLength} bytes of figures`);
  const [n = 0, l = 0, unknownCommits = 0] = unpackHeader(figures, headerCount);
  const finishedAt = new Float64Array(n);
  const leadTimes = new Float64Array(l);
  const carried = new Int32Array(n);
  const kept = new Int32Array(n);
  const marks = new Uint8Array(n);
  const columns = [finishedAt, leadTimes, carried, kept, marks];
  if (figures.byteLength !== packedBytes(headerCount, columns)) {
    throw wrong(`${figures.byteLength} bytes of figures for ${n} deployments and ${l} lead times`);
  }
  unpackColumns(figures, headerCount, columns);
  let keptInAll = 0;
  for (let i = 0; i < n; i++) keptInAll += kept[i] as number;
  if (keptInAll !== l) throw wrong(`its deployments keep ${keptInAll} lead times, not ${l}`);
  const names = JSON.parse(encoded.names) as ServiceNames;
  for (const column of ['source', 'id', 'sha', 'version'] as const) {
    if (names[column]?.length !== n) throw wrong(`${column} does not name ${n} deployments`);
  }
  return { service, deployments: { finishedAt, carried, kept, marks }, leadTimes, names, unknownCommits };
}
