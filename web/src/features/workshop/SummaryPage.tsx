import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle.js';
import { ErrorState, Skeleton } from '../../ui/QueryState.js';
import { useCheckpointSummary } from './checkpointApi.js';
import { SummaryDocument } from './SummaryDocument.js';
import { ExportLinks } from './summaryParts.js';

/** The shareable summary of a checkpoint, kept in the squad's history. */
export function SummaryPage() {
  const { id = '' } = useParams();
  const summary = useCheckpointSummary(id);
  const squad = summary.data?.squad;
  usePageTitle(squad ? `${squad} · Checkpoint summary` : 'Checkpoint summary');
  return (
    <section aria-labelledby="summary-title">
      <h1 id="summary-title">{squad ? `${squad}: checkpoint summary` : 'Checkpoint summary'}</h1>
      {summary.isPending ? (
        <Skeleton height="30rem" label="Loading the summary…" />
      ) : summary.isError ? (
        <ErrorState error={summary.error} what="the summary" retry={() => summary.refetch()} />
      ) : (
        <>
          <ExportLinks checkpointId={id}>
            <Link className="button" to={`/squads/${encodeURIComponent(summary.data.squad)}`}>
              {summary.data.squad}'s page
            </Link>
            <Link className="button" to={`/checkpoints/${id}`}>
              The checkpoint room
            </Link>
          </ExportLinks>
          <SummaryDocument summary={summary.data} headingLevel={2} />
        </>
      )}
    </section>
  );
}
