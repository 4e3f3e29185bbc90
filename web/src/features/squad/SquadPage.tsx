import { useMetrics } from '../../lib/queries.js';
import { usePageTitle } from '../../lib/usePageTitle.js';
import { ErrorState, Skeleton } from '../../ui/QueryState.js';
import { KeyFigures } from '../service/KeyFigures.js';
import { SubjectHeader } from '../service/SubjectHeader.js';
import { useSubject } from '../service/useSubject.js';
import { KeyTrends } from '../trends/KeyTrends.js';
import { SelfAssessed, SquadCheckpoints } from '../workshop/SquadCheckpoints.js';
import { DataCoverage } from './DataCoverage.js';
import { MeasuredTier } from './MeasuredTier.js';
import { MemberFigures } from './MemberFigures.js';

/**
 * One squad: the four keys over the window and week by week, its measured tier beside what it assessed
 * itself, its checkpoints and open actions, services and data.
 */
export function SquadPage() {
  const { subject, owners, search, query, org } = useSubject('squad');
  usePageTitle(`${subject.name} · Squads`);
  const metrics = useMetrics('squad', query);
  const figures = metrics.data?.groups.find((g) => g.key === subject.name);
  return (
    <section aria-labelledby="subject-title">
      <SubjectHeader subject={subject} owners={owners} search={search} />
      <h2>Key figures</h2>
      {metrics.isPending ? (
        <Skeleton height="22rem" label="Loading the figures…" />
      ) : metrics.isError ? (
        <ErrorState error={metrics.error} what="the squad's figures" retry={() => metrics.refetch()} />
      ) : figures ? (
        <KeyFigures
          subject={subject}
          figures={figures}
          window={{ ...query, from: metrics.data.from, to: metrics.data.to }}
        />
      ) : (
        <p className="callout">No figures for {subject.name}: is it in the organisation file?</p>
      )}
      <div className="two-columns">
        <section aria-labelledby="measured-title">
          <h2 id="measured-title">Measured tier</h2>
          {figures ? <MeasuredTier figures={figures} /> : <Skeleton height="14rem" />}
        </section>
        <section aria-labelledby="assessed-title">
          <h2 id="assessed-title">Self-assessed at the last checkpoint</h2>
          <SelfAssessed squad={subject.name} />
        </section>
      </div>
      <SquadCheckpoints squad={subject.name} tribe={owners.tribe} />
      <KeyTrends groupBy="squad" groupKey={subject.name} subject={subject} title="Week by week" />
      <h2>Services</h2>
      <MemberFigures
        kind="service"
        names={owners.services}
        query={query}
        caption="Services and their figures"
      />
      <h2>Data coverage</h2>
      <DataCoverage
        subject={subject}
        query={query}
        services={owners.services}
        org={org.data}
        figures={figures}
      />
    </section>
  );
}
