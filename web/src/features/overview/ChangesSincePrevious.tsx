import type { Band, Figures } from '../../lib/apiTypes.js';
import type { BandKind } from '../../lib/bandText.js';
import { formatDuration, formatPercent, formatWindow } from '../../lib/format.js';
import { useMetrics } from '../../lib/queries.js';
import { type DateWindow, previousWindow } from '../../lib/timeWindow.js';
import { BandChip } from '../../ui/BandChip.js';
import { ErrorState, Skeleton } from '../../ui/QueryState.js';
import { ScrollRegion } from '../../ui/ScrollRegion.js';

interface Line {
  name: string;
  value: (f: Figures) => number | null;
  text: (f: Figures) => string;
  band?: (f: Figures) => Band | null;
  kind?: BandKind;
  higherIsBetter: boolean;
}

const lines: Line[] = [
  {
    name: 'Deployments',
    value: (f) => f.deploymentFrequency.count,
    text: (f) => f.deploymentFrequency.count.toLocaleString('en-GB'),
    band: (f) => f.deploymentFrequency.band,
    kind: 'deploymentFrequency',
    higherIsBetter: true,
  },
  {
    name: 'Lead time (median)',
    value: (f) => f.leadTime.median,
    text: (f) => formatDuration(f.leadTime.median),
    band: (f) => f.leadTime.band,
    kind: 'duration',
    higherIsBetter: false,
  },
  {
    name: 'Change failure rate',
    value: (f) => f.changeFailureRate.rate,
    text: (f) => formatPercent(f.changeFailureRate.rate),
    band: (f) => f.changeFailureRate.band,
    kind: 'changeFailure',
    higherIsBetter: false,
  },
  {
    name: 'Recovery time (median)',
    value: (f) => f.failedDeploymentRecoveryTime.median,
    text: (f) => formatDuration(f.failedDeploymentRecoveryTime.median),
    band: (f) => f.failedDeploymentRecoveryTime.band,
    kind: 'duration',
    higherIsBetter: false,
  },
  {
    name: 'Time to restore (median)',
    value: (f) => f.timeToRestore.median,
    text: (f) => formatDuration(f.timeToRestore.median),
    band: (f) => f.timeToRestore.band,
    kind: 'duration',
    higherIsBetter: false,
  },
  {
    name: 'Rework rate',
    value: (f) => f.reworkRate.rate,
    text: (f) => formatPercent(f.reworkRate.rate),
    higherIsBetter: false,
  },
];

function direction(line: Line, now: Figures, before: Figures) {
  const a = line.value(now);
  const b = line.value(before);
  if (a === null || b === null) return { tone: 'neutral', text: 'no comparison' };
  if (b === 0 ? a === 0 : Math.abs(a - b) / Math.abs(b) < 0.02)
    return { tone: 'neutral', text: 'about the same' };
  const better = line.higherIsBetter ? a > b : a < b;
  const change =
    b === 0 ? '' : ` (${a > b ? '+' : '−'}${Math.round((Math.abs(a - b) / Math.abs(b)) * 100)} %)`;
  return { tone: better ? 'better' : 'worse', text: `${better ? 'better' : 'worse'}${change}` };
}

/** The organisation's keys now and in the previous period of the same length. */
export function ChangesSincePrevious({ window }: { window: DateWindow }) {
  const before = previousWindow(window);
  const current = useMetrics('organisation', window);
  const previous = useMetrics('organisation', before);
  if (current.isPending || previous.isPending)
    return <Skeleton height="20rem" label="Loading the organisation's figures…" />;
  if (current.isError)
    return (
      <ErrorState error={current.error} what="the organisation's figures" retry={() => current.refetch()} />
    );
  if (previous.isError) return <ErrorState error={previous.error} what="the previous period" />;
  const now = current.data.groups[0];
  const then = previous.data.groups[0];
  if (!now || !then) return null;
  return (
    <ScrollRegion label="Changes since the previous period">
      <table className="data-table">
        <caption>
          {formatWindow(window.from, window.to)} against {formatWindow(before.from, before.to)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col" className="numeric">
              This period
            </th>
            <th scope="col" className="numeric">
              Previous period
            </th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const moved = direction(line, now, then);
            return (
              <tr key={line.name}>
                <th scope="row">{line.name}</th>
                <td className="numeric">
                  <div className="cell-figure">
                    <strong>{line.text(now)}</strong>
                    {line.band && line.kind && <BandChip band={line.band(now)} kind={line.kind} />}
                  </div>
                </td>
                <td className="numeric">
                  <div className="cell-figure">
                    {line.text(then)}
                    {line.band && line.kind && <BandChip band={line.band(then)} kind={line.kind} />}
                  </div>
                </td>
                <td>
                  <span className={`trend trend-${moved.tone}`}>{moved.text}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
