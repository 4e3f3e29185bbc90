import { useCallback, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { GroupFigures } from '../../lib/apiTypes.js';
import { formatDuration, formatPercent } from '../../lib/format.js';
import { subjectLink } from '../../lib/links.js';
import { Chart } from '../../ui/charts/Chart.js';
import type { Palette } from '../../ui/charts/palette.js';
import { ScrollRegion } from '../../ui/ScrollRegion.js';

interface Point {
  name: string;
  value: [number, number, number];
}

function pointsOf(squads: readonly GroupFigures[]): Point[] {
  return squads
    .filter((s) => s.leadTime.median !== null && s.changeFailureRate.rate !== null)
    .map((s) => ({
      name: s.key,
      value: [
        Math.round(((s.leadTime.median ?? 0) / 3_600) * 10) / 10,
        Math.round((s.changeFailureRate.rate ?? 0) * 1_000) / 10,
        s.deploymentFrequency.count,
      ],
    }));
}

function option(points: Point[], palette: Palette) {
  const axisText = { color: palette.muted, fontSize: 12 };
  return {
    animation: false,
    textStyle: { color: palette.text, fontSize: 13 },
    grid: { left: 60, right: 100, top: 24, bottom: 64 },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { data: Point }) =>
        `${p.data.name}<br/>lead time ${p.data.value[0]} h · change failure ${p.data.value[1]} % · ${p.data.value[2]} deployments`,
    },
    xAxis: {
      type: 'log',
      name: 'Lead time, median (hours, log scale): faster to the left',
      nameLocation: 'middle',
      nameGap: 34,
      nameTextStyle: { color: palette.text },
      axisLabel: axisText,
      splitLine: { lineStyle: { color: palette.grid } },
    },
    yAxis: {
      type: 'value',
      name: 'Change failure rate (%): more stable lower',
      nameLocation: 'middle',
      nameGap: 44,
      nameTextStyle: { color: palette.text },
      min: 0,
      axisLabel: axisText,
      splitLine: { lineStyle: { color: palette.grid } },
    },
    series: [
      {
        type: 'scatter',
        data: points,
        symbolSize: (value: number[]) => Math.max(10, Math.min(36, Math.sqrt(value[2] ?? 0) * 2)),
        itemStyle: {
          color: palette.series[0],
          opacity: 0.85,
          borderColor: palette.background,
          borderWidth: 1,
        },
        label: { show: true, formatter: '{b}', position: 'right', color: palette.text, fontSize: 12 },
        cursor: 'pointer',
        labelLayout: { moveOverlap: 'shiftY', hideOverlap: false },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: palette.threshold, type: 'dashed' },
          label: { color: palette.muted, formatter: '{b}' },
          data: [
            { xAxis: 24, name: '1 day' },
            { xAxis: 168, name: '1 week' },
            { yAxis: 15, name: '15 %' },
          ],
        },
      },
    ],
  };
}

/** Speed against stability: one point per squad (size: deployments), each a link to the squad. */
export function SpeedStability({
  squads,
  window,
}: {
  squads: GroupFigures[];
  window: { from: string; to: string };
}) {
  const navigate = useNavigate();
  const points = useMemo(() => pointsOf(squads), [squads]);
  const build = useCallback((palette: Palette) => option(points, palette), [points]);
  const link = (name: string) => subjectLink({ kind: 'squad', name }, undefined, window);
  return (
    <>
      <Chart
        build={build}
        height="26rem"
        label="Squads by median lead time and change failure rate; the same figures are in the table below"
        onPointClick={(p) => {
          const point = p.data as Point | undefined;
          if (point?.name) navigate(link(point.name));
        }}
      />
      <details>
        <summary>Show the squads as a table</summary>
        <ScrollRegion label="Speed and stability by squad">
          <table className="data-table">
            <caption>Speed and stability by squad</caption>
            <thead>
              <tr>
                <th scope="col">Squad</th>
                <th scope="col" className="numeric">
                  Lead time (median)
                </th>
                <th scope="col" className="numeric">
                  Change failure rate
                </th>
                <th scope="col" className="numeric">
                  Deployments
                </th>
              </tr>
            </thead>
            <tbody>
              {squads.map((s) => (
                <tr key={s.key}>
                  <th scope="row">
                    <Link to={link(s.key)}>{s.key}</Link>
                  </th>
                  <td className="numeric">{formatDuration(s.leadTime.median)}</td>
                  <td className="numeric">{formatPercent(s.changeFailureRate.rate)}</td>
                  <td className="numeric">{s.deploymentFrequency.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </>
  );
}
