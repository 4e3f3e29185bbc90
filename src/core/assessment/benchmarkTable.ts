import type { SourceReference } from './doraSource.js';
import type { BenchmarkColumn, BenchmarkRow, BenchmarkTable, MeanSd } from './quickCheckEdition.js';

/** One published row: our key, DORA's key, DORA's name, then [mean, sd] per column in order. */
export type BenchmarkRowSpec<K extends string> = readonly [
  key: K,
  doraKey: string,
  name: string,
  ...values: (readonly [number, number])[],
];

/** A benchmark table written as DORA prints it: column order plus positional rows. */
export interface BenchmarkTableSpec<K extends string> {
  dimension: BenchmarkTable['dimension'];
  title: string;
  columns: readonly BenchmarkColumn[];
  storedHigherIsWorse: readonly BenchmarkColumn[];
  overallComparable: boolean;
  cautions?: Partial<Record<BenchmarkColumn, string>>;
  source: SourceReference;
  rows: readonly BenchmarkRowSpec<K>[];
}

/**
 * Builds a `BenchmarkTable` from its compact published form. A row whose number of values does not
 * match the columns is a bug in the data and throws.
 */
export function benchmarkTable<K extends string>(spec: BenchmarkTableSpec<K>): BenchmarkTable<K> {
  const rows = spec.rows.map(([key, doraKey, name, ...pairs]): BenchmarkRow<K> => {
    if (pairs.length !== spec.columns.length) {
      throw new Error(
        `${spec.title}: row ${key} has ${pairs.length} values for ${spec.columns.length} columns`,
      );
    }
    const values: Partial<Record<BenchmarkColumn, MeanSd>> = {};
    spec.columns.forEach((column, index) => {
      const [mean, sd] = pairs[index]!;
      values[column] = { mean, sd };
    });
    return { key, doraKey, name, values };
  });
  return {
    dimension: spec.dimension,
    title: spec.title,
    storedHigherIsWorse: spec.storedHigherIsWorse,
    overallComparable: spec.overallComparable,
    cautions: spec.cautions ?? {},
    rows,
    source: spec.source,
  };
}
