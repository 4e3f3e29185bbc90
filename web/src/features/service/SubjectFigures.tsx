import type { GroupBy, Subject, WindowQuery } from '../../lib/queries.js';
import { useMetrics } from '../../lib/queries.js';
import { EmptyState, ErrorState, Skeleton } from '../../ui/QueryState.js';
import { KeyFigures } from './KeyFigures.js';

/** The key figures of one service, squad or tribe over the window of the page. */
export function SubjectFigures({ subject, query }: { subject: Subject; query: WindowQuery }) {
  const metrics = useMetrics(subject.kind as GroupBy, query);
  if (metrics.isPending) return <Skeleton height="22rem" label="Loading the figures…" />;
  if (metrics.isError)
    return <ErrorState error={metrics.error} what="the figures" retry={() => metrics.refetch()} />;
  const figures = metrics.data.groups.find((group) => group.key === subject.name);
  if (!figures) {
    return <EmptyState title={`No figures for ${subject.name} in this window.`} />;
  }
  return (
    <KeyFigures
      subject={subject}
      figures={figures}
      window={{ ...query, from: metrics.data.from, to: metrics.data.to }}
    />
  );
}
