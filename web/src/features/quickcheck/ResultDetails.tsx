import type { BaselineComparison } from '../../../../src/core/assessment/compareWithBaseline.js';
import type { BenchmarkComparison } from '../../../../src/core/assessment/compareWithBenchmark.js';
import type { ScoreResult } from '../../../../src/core/assessment/scoreQuickCheck.js';
import { TierChip } from '../../ui/TierChip.js';
import { ScoreBar } from './ResultBars.js';

const columnTitles: Record<string, string> = {
  overall: 'Overall',
  throughput: 'Throughput',
  stability: 'Stability',
  leadtime: 'Lead time',
  deployfreq: 'Deployment frequency',
  failurerecovery: 'Recovery time',
  changefailure: 'Change failure',
  rework: 'Rework',
  ttr: 'Time to restore',
  chgfail: 'Change failure',
};

/** 2023 on: each 0–10 score against the benchmark band of the chosen industry (and organisation size). */
export function Benchmarks({ comparison }: { comparison: BenchmarkComparison }) {
  return (
    <section className="card" aria-label={comparison.title}>
      <h3>
        Against {comparison.row.name} ({comparison.title})
      </h3>
      <p className="muted small">
        The shaded band is the benchmark mean ± 1 standard deviation; the thin line its mean; the round mark
        your score.
      </p>
      {comparison.lines.map((line) => (
        <ScoreBar key={line.key} title={columnTitles[line.key] ?? line.key} line={line} />
      ))}
      {comparison.cautions.map((caution) => (
        <p key={caution} className="callout small">
          {caution}
        </p>
      ))}
      <p className="muted small">
        Source: <a href={comparison.source.url}>{comparison.source.title}</a> ({comparison.source.publisher}).
      </p>
    </section>
  );
}

/** 2019–2022: each answer against the industry's typical answer. */
export function Baselines({ comparison }: { comparison: BaselineComparison }) {
  const scale = comparison.scale === 'percent' ? 'on 0–100' : 'on the answer scale 1–6';
  return (
    <table className="data-table compact">
      <caption>
        Your answers against {comparison.industry.name} ({scale})
      </caption>
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col" className="numeric">
            You
          </th>
          <th scope="col" className="numeric">
            Industry
          </th>
          <th scope="col">Difference</th>
        </tr>
      </thead>
      <tbody>
        {comparison.lines.map((line) => (
          <tr key={line.key}>
            <th scope="row">{columnTitles[line.key] ?? line.key}</th>
            <td className="numeric">{line.yours}</td>
            <td className="numeric">{line.baseline}</td>
            <td>
              <span
                className={`trend trend-${line.difference > 0 ? 'better' : line.difference < 0 ? 'worse' : 'neutral'}`}
              >
                {line.difference > 0
                  ? `${line.difference} better`
                  : line.difference < 0
                    ? `${-line.difference} worse`
                    : 'the same'}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The 2023+ scores, the comparisons, and the nearest report cluster (clearly ours, not DORA's). */
export function ScoreResultView({ result }: { result: ScoreResult }) {
  const { scores } = result;
  return (
    <>
      <div className="cards score-cards">
        {[
          { label: 'Overall', score: scores.overall },
          { label: 'Throughput', score: scores.throughput },
          { label: 'Stability', score: scores.stability },
        ].map((item) => (
          <div className="card big-number" key={item.label}>
            <span className="muted">{item.label}</span>
            <strong>{item.score.display}</strong>
            <span className="muted small">of 10</span>
          </div>
        ))}
      </div>
      <Benchmarks comparison={result.benchmark.industry} />
      {result.benchmark.organisationSize && <Benchmarks comparison={result.benchmark.organisationSize} />}
      {result.nearestCluster && (
        <section className="card" aria-labelledby="cluster-title">
          <h3 id="cluster-title">{result.nearestCluster.label}</h3>
          <p>
            <TierChip tier={result.nearestCluster.tier} /> ({result.nearestCluster.sharePercent} % of that
            report's respondents)
          </p>
          <p className="callout small">
            <strong>Not DORA's verdict.</strong> {result.nearestCluster.disclaimer}
          </p>
        </section>
      )}
    </>
  );
}
