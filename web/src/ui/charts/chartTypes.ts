import type { Palette } from './palette.js';

/** What a chart shows: built from the theme's colours, so it can be rebuilt when the theme changes. */
export interface ChartProps {
  /** Returns an ECharts option; keep it stable (useCallback) so the chart is not rebuilt needlessly. */
  build: (palette: Palette) => object;
  height: string;
  /** What the chart shows, for screen readers (a table of the same data should be on the page too). */
  label: string;
  onPointClick?: ((params: { data?: unknown; dataIndex: number; seriesIndex?: number }) => void) | undefined;
}
