/**
 * ECharts options of the four weekly trends, each with the band thresholds of metrics §4 drawn as
 * labelled lines, so a reader sees which band each week falls in.
 */
import type { Palette } from '../../ui/charts/palette.js';
import type { WeekPoint } from './trendSeries.js';

export type TrendMetric = 'deployments' | 'leadTime' | 'changeFailure' | 'recovery';

interface Threshold {
  value: number;
  label: string;
}

const durationThresholds: Threshold[] = [
  { value: 1, label: '1 hour' },
  { value: 24, label: '1 day' },
  { value: 168, label: '1 week' },
  { value: 720, label: '1 month' },
];

function thresholdLines(palette: Palette, thresholds: readonly Threshold[]) {
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { color: palette.threshold, type: 'dashed', width: 1 },
    label: { color: palette.muted, position: 'insideEndTop', formatter: '{b}', fontSize: 12 },
    data: thresholds.map((t) => ({ yAxis: t.value, name: t.label })),
  };
}

function base(palette: Palette, points: readonly WeekPoint[], yName: string) {
  return {
    animation: false,
    textStyle: { color: palette.text, fontSize: 13 },
    grid: { left: 56, right: 24, top: 36, bottom: 40 },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.label),
      name: 'Week starting',
      nameLocation: 'middle',
      nameGap: 26,
      axisLabel: { color: palette.muted, fontSize: 12 },
      axisLine: { lineStyle: { color: palette.grid } },
    },
    yAxisBase: {
      name: yName,
      nameTextStyle: { color: palette.muted, align: 'left' },
      axisLabel: { color: palette.muted, fontSize: 12 },
      splitLine: { lineStyle: { color: palette.grid } },
    },
  };
}

const line = (name: string, color: string, data: (number | null)[], extra: object = {}) => ({
  name,
  type: 'line',
  connectNulls: false,
  symbolSize: 8,
  lineStyle: { width: 3, color },
  itemStyle: { color },
  data: data.map((v) => (v === null ? '-' : v)),
  ...extra,
});

/** The option of one metric's trend. */
export function trendOption(metric: TrendMetric, points: readonly WeekPoint[], palette: Palette): object {
  if (metric === 'deployments') {
    const { yAxisBase, ...common } = base(palette, points, 'deploy days');
    return {
      ...common,
      legend: { top: 0, left: 'center', textStyle: { color: palette.text } },
      grid: { left: 56, right: 56, top: 60, bottom: 40 },
      yAxis: [
        { ...yAxisBase, type: 'value', min: 0, max: 7, interval: 1 },
        { ...yAxisBase, type: 'value', name: 'deployments', splitLine: { show: false }, min: 0 },
      ],
      series: [
        {
          name: 'Deployments',
          type: 'bar',
          yAxisIndex: 1,
          itemStyle: { color: palette.grid },
          data: points.map((p) => p.deployments ?? '-'),
        },
        line(
          'Deploy days in the week',
          palette.series[0] ?? palette.text,
          points.map((p) => p.deployDays),
          {
            markLine: thresholdLines(palette, [
              { value: 3, label: '≥ 3 days: daily' },
              { value: 1, label: '≥ 1 day: weekly' },
            ]),
          },
        ),
      ],
    };
  }
  if (metric === 'changeFailure') {
    const { yAxisBase, ...common } = base(palette, points, '% failed');
    return {
      ...common,
      yAxis: {
        ...yAxisBase,
        type: 'value',
        min: 0,
        max: (value: { max: number }) => Math.max(50, Math.ceil(value.max / 10) * 10),
      },
      series: [
        line(
          'Change failure rate (%)',
          palette.series[1] ?? palette.text,
          points.map((p) => p.changeFailurePercent),
          {
            markLine: thresholdLines(palette, [
              { value: 15, label: '15 %' },
              { value: 30, label: '30 %' },
              { value: 45, label: '45 %' },
            ]),
          },
        ),
      ],
    };
  }
  const { yAxisBase, ...common } = base(palette, points, 'hours (log)');
  const highest = Math.max(
    1,
    ...points
      .flatMap((p) => [p.leadTimeHours, p.recoveryHours, p.restoreHours])
      .filter((v): v is number => v !== null),
  );
  const axis = {
    ...yAxisBase,
    type: 'log',
    logBase: 10,
    min: 0.1,
    max: 10 ** Math.max(3, Math.ceil(Math.log10(highest))),
  };
  if (metric === 'leadTime') {
    return {
      ...common,
      yAxis: axis,
      series: [
        line(
          'Lead time, median (h)',
          palette.series[0] ?? palette.text,
          points.map((p) => p.leadTimeHours),
          {
            markLine: thresholdLines(palette, durationThresholds),
          },
        ),
      ],
    };
  }
  return {
    ...common,
    legend: { top: 0, left: 'center', textStyle: { color: palette.text } },
    grid: { left: 56, right: 24, top: 60, bottom: 40 },
    yAxis: axis,
    series: [
      line(
        'Recovery time, median (h)',
        palette.series[3] ?? palette.text,
        points.map((p) => p.recoveryHours),
        {
          markLine: thresholdLines(palette, durationThresholds.slice(0, 3)),
        },
      ),
      line(
        'Time to restore, median (h)',
        palette.series[2] ?? palette.text,
        points.map((p) => p.restoreHours),
        {
          lineStyle: { width: 2, type: 'dashed', color: palette.series[2] },
          symbol: 'diamond',
        },
      ),
    ],
  };
}
