import { Link } from 'react-router';
import { downloadText } from '../../lib/csv.js';
import { useLiveUpdates } from '../../lib/live.js';
import { useLeaderboard, useOrg } from '../../lib/queries.js';
import { useSearchUpdate } from '../../lib/searchUpdate.js';
import { usePageTitle } from '../../lib/usePageTitle.js';
import { EmptyState, ErrorState, Skeleton } from '../../ui/QueryState.js';
import { WindowPicker } from '../../ui/WindowPicker.js';
import { LeaderboardFilters } from './LeaderboardFilters.js';
import { LeaderboardTable } from './LeaderboardTable.js';
import { leaderboardCsv, leaderboardFilename } from './leaderboardCsv.js';
import { readView, type Sort, sortParams, toQuery } from './leaderboardState.js';

const timeOf = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium' });

/** Speed and stability side by side for every service, squad or tribe (metrics §7). */
export function LeaderboardPage() {
  usePageTitle('Leaderboard');
  const { search, update, linkTo } = useSearchUpdate();
  const view = readView(search);
  const org = useOrg();
  const board = useLeaderboard(toQuery(view));
  const live = useLiveUpdates();
  const change = (params: Record<string, string | undefined>) => void update(params);
  const onSort = (sort: Sort) => change(sortParams(view, sort));
  const mostImproved = view.sort === 'improvement' && view.order === 'desc';

  return (
    <section aria-labelledby="leaderboard-title">
      <h1 id="leaderboard-title">Leaderboard</h1>
      <p className="lead">
        Speed and stability side by side. DORA warns against turning the four keys into a competition between
        teams: rank by <strong>most improved</strong> to compare each team with its own previous period.
      </p>
      <WindowPicker />
      <LeaderboardFilters view={view} org={org.data} onChange={change} />
      <div className="toolbar">
        <Link
          {...linkTo({ sort: 'improvement', order: undefined })}
          className="button"
          aria-current={mostImproved ? 'true' : undefined}
        >
          Most improved
        </Link>
        <Link {...linkTo({ sort: undefined, order: undefined })} className="button">
          Most deployments
        </Link>
        <button
          type="button"
          className="button"
          disabled={!board.data}
          onClick={() =>
            board.data &&
            downloadText(
              leaderboardFilename(board.data, view.groupBy),
              leaderboardCsv(board.data, view.groupBy),
            )
          }
        >
          Export CSV
        </button>
        <p className="live-notice" role="status" aria-live="polite">
          {live
            ? `Updated at ${timeOf.format(live.at)}: ${live.stored} new event${live.stored === 1 ? '' : 's'} from ${live.source}.`
            : 'Live: figures refresh when new events arrive.'}
          {board.isFetching && !board.isPending ? ' Refreshing…' : ''}
        </p>
      </div>
      {board.isPending ? (
        <Skeleton height="40rem" label="Loading the leaderboard…" />
      ) : board.isError ? (
        <ErrorState error={board.error} what="the leaderboard" retry={() => board.refetch()} />
      ) : board.data.rows.length === 0 ? (
        <EmptyState title="Nothing to rank with these filters.">
          <p>
            Clear the tribe or squad filter, or choose another environment. If no service shows at all, check
            on <Link to="/setup">Setup</Link> that the organisation file lists them.
          </p>
        </EmptyState>
      ) : (
        <LeaderboardTable data={board.data} view={view} onSort={onSort} stale={board.isPlaceholderData} />
      )}
      <p className="muted">
        Bands are Quick Check answers (DORA, dora.dev). A band marked <em>low confidence</em> rests on fewer
        than 5 deployments, 10 changes or 5 incidents. Improvement counts band steps of deployment frequency,
        lead time, change failure rate and recovery time against the previous period of the same length.
      </p>
    </section>
  );
}
