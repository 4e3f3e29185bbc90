/**
 * Compares 0–10 scores with one row of a DORA benchmark table (Quick Check 2023+, dora.dev), applying
 * the table's conventions: a column stored "higher is worse" is shown as 10 − mean (sd unchanged);
 * an aggregate that is not published, or published on another basis, is recomputed as the mean of
 * its columns' shown means (its sd is then unknown, unless it rests on a single column).
 */
import type { SourceReference } from './doraSource.js';
import type { BenchmarkColumn, BenchmarkRow, BenchmarkTable, MeanSd } from './quickCheckEdition.js';

/** A benchmark figure as shown beside a score. */
export interface ShownBenchmark {
  /** Mean on the 0–10 scale, higher is better. */
  mean: number;
  /** Standard deviation, or null when the figure was recomputed from several columns. */
  sd: number | null;
  /** The figure exactly as DORA publishes it, when it is used directly. */
  published: MeanSd | null;
  /** True when shown as 10 − the published mean. */
  inverted: boolean;
  /** True when computed by us from the table's other columns. */
  recomputed: boolean;
}

/** One score beside its benchmark. */
export interface BenchmarkLine {
  key: BenchmarkColumn;
  /** The team's unrounded 0–10 score. */
  score: number;
  benchmark: ShownBenchmark | null;
  /** score − benchmark mean. */
  difference: number | null;
  /** (score − mean) / sd, when the sd is known. */
  zScore: number | null;
  /** More than one sd above or below the mean, or within it; null when the sd is unknown. */
  position: 'above' | 'within' | 'below' | null;
  /** A warning to show with this line. */
  caution: string | null;
}

/** Scores compared with one benchmark row (an industry or an organisation size). */
export interface BenchmarkComparison {
  dimension: BenchmarkTable['dimension'];
  title: string;
  row: { key: string; doraKey: string; name: string };
  lines: BenchmarkLine[];
  /** Every caution of the lines, once each. */
  cautions: string[];
  source: SourceReference;
}

const clean = (value: number): number => Number(value.toPrecision(12));

/**
 * The benchmark of one column of a row as shown on the 0–10 "higher is better" scale.
 * `components` are the columns an aggregate is made of (empty for a single metric).
 */
export function shownBenchmark(
  table: BenchmarkTable,
  row: BenchmarkRow,
  column: BenchmarkColumn,
  components: readonly BenchmarkColumn[],
): ShownBenchmark | null {
  const published = row.values[column];
  const usable = published !== undefined && (column !== 'overall' || table.overallComparable);
  if (usable) {
    const inverted = table.storedHigherIsWorse.includes(column);
    return {
      mean: inverted ? clean(10 - published.mean) : published.mean,
      sd: published.sd,
      published,
      inverted,
      recomputed: false,
    };
  }
  const parts = components.map((part) => shownBenchmark(table, row, part, []));
  if (parts.length === 0 || parts.some((part) => part === null)) return null;
  const shown = parts as ShownBenchmark[];
  const mean = clean(shown.reduce((sum, part) => sum + part.mean, 0) / shown.length);
  return {
    mean,
    sd: shown.length === 1 ? shown[0]!.sd : null,
    published: null,
    inverted: false,
    recomputed: true,
  };
}

/** A score to compare: its column, unrounded value, and the columns it aggregates (if any). */
export interface ScoreToCompare {
  key: BenchmarkColumn;
  score: number;
  components: readonly BenchmarkColumn[];
}

/** Compares scores with the row `rowKey` of `table`; null when the table has no such row. */
export function compareWithBenchmark(
  table: BenchmarkTable,
  rowKey: string,
  scores: readonly ScoreToCompare[],
): BenchmarkComparison | null {
  const row = table.rows.find((candidate) => candidate.key === rowKey);
  if (row === undefined) return null;
  const cautions: string[] = [];
  const lines = scores.map(({ key, score, components }): BenchmarkLine => {
    const benchmark = shownBenchmark(table, row, key, components);
    const relevant = benchmark?.recomputed ? components : [key];
    const caution =
      relevant.map((column) => table.cautions[column]).find((text) => text !== undefined) ?? null;
    if (caution !== null && !cautions.includes(caution)) cautions.push(caution);
    if (benchmark === null) {
      return { key, score, benchmark, difference: null, zScore: null, position: null, caution };
    }
    const difference = clean(score - benchmark.mean);
    const zScore = benchmark.sd === null || benchmark.sd === 0 ? null : difference / benchmark.sd;
    const position = zScore === null ? null : zScore > 1 ? 'above' : zScore < -1 ? 'below' : 'within';
    return { key, score, benchmark, difference, zScore, position, caution };
  });
  return {
    dimension: table.dimension,
    title: table.title,
    row: { key: row.key, doraKey: row.doraKey, name: row.name },
    lines,
    cautions,
    source: table.source,
  };
}
