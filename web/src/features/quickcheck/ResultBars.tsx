import type { BenchmarkLine } from '../../../../src/core/assessment/compareWithBenchmark.js';
import { percentileForAverage } from '../../../../src/core/assessment/percentileForAverage.js';
import { performanceTiers } from '../../../../src/core/assessment/performanceTiers.js';
import type { PercentileModel } from '../../../../src/core/assessment/quickCheckEdition.js';

/** "Better than N% of respondents" on a 0–100 bar; with tiers, the bar shows where each tier lies. */
export function PercentileBar({
  percentile,
  model,
  withTiers,
}: {
  percentile: number;
  model: PercentileModel;
  withTiers: boolean;
}) {
  let start = 0;
  const segments = withTiers
    ? performanceTiers.map((tier) => {
        const end = tier.maxAverage === null ? 100 : percentileForAverage(tier.maxAverage, model);
        const segment = { tier, start, end };
        start = end;
        return segment;
      })
    : [];
  return (
    <div className="percentile">
      <div className="percentile-track" aria-hidden="true">
        {segments.map(({ tier, start: from, end }) => (
          <span
            key={tier.id}
            className="percentile-segment"
            style={{ left: `${from}%`, width: `${end - from}%`, background: tier.colour }}
          >
            <span className="segment-label">{tier.label}</span>
          </span>
        ))}
        <span className="percentile-marker" style={{ left: `${percentile}%` }} />
        <span className="percentile-you" style={{ left: `${percentile}%` }}>
          you: {percentile}
        </span>
      </div>
      <div className="percentile-scale" aria-hidden="true">
        <span>0</span>
        <span>50</span>
        <span>100</span>
      </div>
      <p>
        Better than <strong>{percentile}%</strong> of respondents.
      </p>
    </div>
  );
}

const positionText = { above: 'above the band', within: 'within the band', below: 'below the band' } as const;

/** A 0–10 score against the benchmark: the band of mean ± 1 sd shaded, the mean marked. */
export function ScoreBar({ title, line }: { title: string; line: BenchmarkLine }) {
  const benchmark = line.benchmark;
  const low = benchmark && benchmark.sd !== null ? Math.max(0, benchmark.mean - benchmark.sd) : null;
  const high = benchmark && benchmark.sd !== null ? Math.min(10, benchmark.mean + benchmark.sd) : null;
  return (
    <div className="score-row">
      <span className="score-title">{title}</span>
      <span className="score-track" aria-hidden="true">
        {low !== null && high !== null && (
          <span className="score-band" style={{ left: `${low * 10}%`, width: `${(high - low) * 10}%` }} />
        )}
        {benchmark && <span className="score-mean" style={{ left: `${benchmark.mean * 10}%` }} />}
        <span className="score-marker" style={{ left: `${Math.min(10, Math.max(0, line.score)) * 10}%` }} />
      </span>
      <span className="score-text">
        <strong>{(Math.round(line.score * 10) / 10).toFixed(1)}</strong>
        {benchmark
          ? ` · benchmark ${benchmark.mean.toFixed(1)}${benchmark.sd !== null ? ` ± ${benchmark.sd.toFixed(1)}` : ''}${benchmark.recomputed ? ' (our mean of its parts)' : ''}${line.position ? ` · ${positionText[line.position]}` : ''}`
          : ' · no benchmark'}
      </span>
    </div>
  );
}
