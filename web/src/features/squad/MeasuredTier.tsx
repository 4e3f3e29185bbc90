import { getEdition } from '../../../../src/core/assessment/quickCheckEditions.js';
import type { Figures } from '../../lib/apiTypes.js';
import { clusterYearOf, nearestClassicCluster, scoreMeasured } from '../../lib/measuredTier.js';
import { EditionPicker, useEdition } from '../../ui/EditionPicker.js';
import { TierChip } from '../../ui/TierChip.js';

const measureNames: Record<string, string> = {
  deploymentFrequencyBand: 'deployment frequency band',
  leadTimeBand: 'lead time band',
  timeToRestoreBand: 'time to restore band',
  recoveryTimeBand: 'recovery time band',
  changeFailureRate: 'change failure rate',
  changeFailureBand: 'change failure band',
  reworkRate: 'rework rate',
};

/** The Quick Check result the squad's measured figures give in an edition (metrics §6). */
export function MeasuredTier({ figures }: { figures: Figures }) {
  const edition = useEdition();
  const { measured, result } = scoreMeasured(edition, figures);
  const questions = getEdition(edition).questions;
  const answers = measured.answers as Record<string, number | undefined>;
  return (
    <div className="card measured">
      <EditionPicker label="Score as the Quick Check of" />
      {result === null ? (
        <p>
          <strong>Not enough data</strong> for a measured result in the {edition} edition:{' '}
          {measured.missing.map((m) => `${m.key} (${m.reason})`).join('; ')}.
        </p>
      ) : result.method === 'tier' ? (
        <p className="tier-line">
          <TierChip tier={result.tier} suffix="performer" /> average answer {result.average.toFixed(2)},
          better than {result.percentile}% of the 2019 respondents.
        </p>
      ) : result.method === 'percentile' ? (
        <p className="tier-line">
          Better than <strong>{result.percentile}%</strong> of the {edition} respondents (average answer{' '}
          {result.average.toFixed(2)}). Nearest cluster of the {clusterYearOf[edition]} report:{' '}
          <TierChip tier={nearestClassicCluster(clusterYearOf[edition] ?? '2021', result.answers)} />{' '}
          <span className="muted small">(our comparison, not DORA's verdict)</span>
        </p>
      ) : (
        <p className="tier-line">
          Overall <strong>{result.scores.overall.display}</strong> of 10 · throughput{' '}
          {result.scores.throughput.display} · stability {result.scores.stability.display}
          {result.nearestCluster && (
            <>
              {' '}
              · {result.nearestCluster.label}: <TierChip tier={result.nearestCluster.tier} />{' '}
              <span className="muted small">(our comparison, not DORA's verdict)</span>
            </>
          )}
        </p>
      )}
      <table className="data-table compact">
        <caption>The measured answers</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Measured answer</th>
            <th scope="col">Taken from</th>
          </tr>
        </thead>
        <tbody>
          {questions.map((question) => {
            const value = answers[question.key];
            const label =
              value === undefined
                ? 'missing'
                : question.kind === 'option'
                  ? (question.options.find((o) => o.value === value)?.label ?? String(value))
                  : `${Math.round(value * 10) / 10} %`;
            const from = measured.takenFrom[question.key];
            return (
              <tr key={question.key}>
                <th scope="row">{question.title}</th>
                <td>{label}</td>
                <td>{from ? measureNames[from] : 'no data'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
