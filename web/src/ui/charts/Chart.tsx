import { lazy, Suspense } from 'react';
import { Skeleton } from '../QueryState.js';
import type { ChartProps } from './chartTypes.js';

const LazyEChart = lazy(() => import('./EChart.js').then((module) => ({ default: module.EChart })));

/** A chart whose library loads only when a page first shows one, behind a skeleton of the same height. */
export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<Skeleton height={props.height} label="Loading the chart…" />}>
      <LazyEChart {...props} />
    </Suspense>
  );
}
