import { Link, useSearchParams } from 'react-router';
import { plural } from '../../lib/format.js';
import { useMetrics, useOrg } from '../../lib/queries.js';
import { readWindow } from '../../lib/timeWindow.js';
import { usePageTitle } from '../../lib/usePageTitle.js';
import { EmptyState, ErrorState, Skeleton } from '../../ui/QueryState.js';
import { WindowPicker } from '../../ui/WindowPicker.js';
import { KeyTrends } from '../trends/KeyTrends.js';
import { ChangesSincePrevious } from './ChangesSincePrevious.js';
import { SpeedStability } from './SpeedStability.js';
import { TierDistribution } from './TierDistribution.js';

/** The organisation at a glance, for the weekly look: tiers, speed against stability, trends, changes. */
export function OverviewPage() {
  usePageTitle('Overview');
  const [search] = useSearchParams();
  const window = readWindow(search);
  const org = useOrg();
  const squads = useMetrics('squad', window);
  const organisation = org.data?.organisation;
  const squadCount = organisation?.tribes.flatMap((t) => t.squads).length ?? 0;
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">{organisation ? `${organisation.name}: overview` : 'Overview'}</h1>
      <p className="lead">
        The four keys of software delivery for the whole organisation.{' '}
        {organisation && (
          <>
            {plural(organisation.tribes.length, 'tribe')} · {plural(squadCount, 'squad')} ·{' '}
            <Link to="/org">see the organisation's structure</Link> ·{' '}
            <Link to="/leaderboard">open the leaderboard</Link>
          </>
        )}
      </p>
      <WindowPicker />

      <section aria-labelledby="changes-title">
        <h2 id="changes-title">What changed since the previous period</h2>
        <ChangesSincePrevious window={window} />
      </section>

      <div className="two-columns">
        <section aria-labelledby="tiers-title">
          <h2 id="tiers-title">Squads by performance tier</h2>
          {squads.isPending ? (
            <Skeleton height="22rem" label="Loading the squads…" />
          ) : squads.isError ? (
            <ErrorState error={squads.error} what="the squads' figures" retry={() => squads.refetch()} />
          ) : squads.data.groups.length === 0 ? (
            <EmptyState title="No squads to place in a tier." />
          ) : (
            <TierDistribution squads={squads.data.groups} window={squads.data} />
          )}
        </section>
        <section aria-labelledby="speed-title">
          <h2 id="speed-title">Speed and stability</h2>
          {squads.isPending ? (
            <Skeleton height="26rem" label="Loading the squads…" />
          ) : squads.isError ? (
            <ErrorState error={squads.error} what="the squads' figures" />
          ) : (
            <SpeedStability squads={squads.data.groups} window={squads.data} />
          )}
        </section>
      </div>

      <KeyTrends groupBy="organisation" groupKey={null} subject={null} title="The four keys, week by week" />
    </section>
  );
}
