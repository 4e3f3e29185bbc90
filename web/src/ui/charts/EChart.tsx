/**
 * One ECharts chart, with only the parts this app uses registered (loaded lazily: see Chart.tsx).
 * Colours come from the page's theme, and the chart follows the size of its box.
 */
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTheme } from '../../lib/theme.js';
import type { ChartProps } from './chartTypes.js';
import { readPalette } from './palette.js';

echarts.use([
  LabelLayout,
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

export function EChart({ build, height, label, onPointClick }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useTheme();
  const click = useRef(onPointClick);
  click.current = onPointClick;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the palette is read from the page's style, so a new theme rebuilds the chart
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(build(readPalette()) as echarts.EChartsCoreOption);
    chart.on('click', (params) =>
      click.current?.(params as { data?: unknown; dataIndex: number; seriesIndex?: number }),
    );
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [build, theme]);

  return <div ref={box} className="chart" style={{ height }} role="img" aria-label={label} />;
}
