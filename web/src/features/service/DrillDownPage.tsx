import { Link } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage.js';
import { formatWindow, plural } from '../../lib/format.js';
import { type DrillTab, subjectLink } from '../../lib/links.js';
import {
  type Subject,
  useChanges,
  useDeployments,
  useIncidents,
  type WindowQuery,
} from '../../lib/queries.js';
import { useSearchUpdate } from '../../lib/searchUpdate.js';
import { usePageTitle } from '../../lib/usePageTitle.js';
import { EmptyState, ErrorState, Skeleton } from '../../ui/QueryState.js';
import { ChangesTable } from './ChangesTable.js';
import { DeploymentsTable } from './DeploymentsTable.js';
import { IncidentsTable } from './IncidentsTable.js';
import { SubjectHeader } from './SubjectHeader.js';
import { useSubject } from './useSubject.js';

const tabs: readonly DrillTab[] = ['deployments', 'changes', 'incidents'];

/** The events behind a figure: a subject's deployments, changes or incidents over a window. */
export function DrillDownPage({ kind }: { kind: Subject['kind'] }) {
  const context = useSubject(kind);
  const tab = tabs.find((t) => t === context.tab);
  usePageTitle(`${context.subject.name} · ${tab ?? 'not found'}`);
  if (!tab) return <NotFoundPage />;
  const windowText = formatWindow(
    context.query.from,
    context.query.to,
    context.org.data?.organisation.timezone,
  );
  return (
    <section aria-labelledby="subject-title">
      <SubjectHeader subject={context.subject} owners={context.owners} search={context.search} />
      {tab === 'deployments' && (
        <Deployments
          subject={context.subject}
          query={context.query}
          search={context.search}
          windowText={windowText}
        />
      )}
      {tab === 'changes' && (
        <Changes subject={context.subject} query={context.query} windowText={windowText} />
      )}
      {tab === 'incidents' && (
        <Incidents subject={context.subject} query={context.query} windowText={windowText} />
      )}
    </section>
  );
}

interface TabProps {
  subject: Subject;
  query: WindowQuery;
  /** The window in words, e.g. "29 Aug 2026 – 26 Nov 2026". */
  windowText: string;
}

const pathOf = (subject: Subject, tab: DrillTab, query: WindowQuery) =>
  subjectLink(subject, tab, { from: query.from, to: query.to, environment: query.environment });

function Truncated({ shown, total, what }: { shown: number; total: number; what: string }) {
  if (shown >= total) return null;
  return (
    <p className="callout">
      Showing the latest {shown.toLocaleString('en-GB')} of {plural(total, what)}. Narrow the window to see
      them all.
    </p>
  );
}

const shows = [
  { value: undefined, label: 'All' },
  { value: 'failed', label: 'Failed' },
  { value: 'rework', label: 'Rework' },
] as const;

function Deployments({ subject, query, search, windowText }: TabProps & { search: URLSearchParams }) {
  const result = useDeployments(subject, query);
  const { linkTo } = useSearchUpdate();
  const show = search.get('show');
  if (result.isPending) return <Skeleton height="30rem" label="Loading the deployments…" />;
  if (result.isError)
    return <ErrorState error={result.error} what="the deployments" retry={() => result.refetch()} />;
  const { deployments, total } = result.data;
  const rows = deployments.filter((d) =>
    show === 'failed' ? d.failed : show === 'rework' ? d.rework : true,
  );
  const failed = deployments.filter((d) => d.failed).length;
  const rework = deployments.filter((d) => d.rework).length;
  return (
    <>
      <h2>Deployments</h2>
      <p className="drill-total">
        <strong data-testid="drill-total">{plural(total, 'deployment')}</strong> finished in {windowText} ·{' '}
        {failed} failed · {rework} rework
      </p>
      <nav aria-label="Which deployments">
        <ul className="segmented">
          {shows.map((option) => (
            <li key={option.label}>
              <Link
                {...linkTo({ show: option.value })}
                aria-current={(show ?? undefined) === option.value ? 'true' : undefined}
              >
                {option.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Truncated shown={deployments.length} total={total} what="deployment" />
      <DeploymentsTable
        rows={rows}
        caption={`${show === 'failed' ? 'Failed deployments' : show === 'rework' ? 'Rework deployments' : 'Deployments'} of ${subject.name}, latest first`}
        incidentsPath={pathOf(subject, 'incidents', query)}
        deploymentsPath={pathOf(subject, 'deployments', query)}
        showService={subject.kind !== 'service'}
        empty={
          <EmptyState
            title={show ? `No ${show} deployments in this window.` : 'No deployments in this window.'}
          />
        }
      />
    </>
  );
}

function Changes({ subject, query, windowText }: TabProps) {
  const result = useChanges(subject, query);
  if (result.isPending) return <Skeleton height="30rem" label="Loading the changes…" />;
  if (result.isError)
    return <ErrorState error={result.error} what="the changes" retry={() => result.refetch()} />;
  const { changes, total } = result.data;
  return (
    <>
      <h2>Changes</h2>
      <p className="drill-total">
        <strong data-testid="drill-total">{plural(total, 'change')}</strong> carried by deployments finished
        in {windowText}. Lead time runs from the first commit to the end of the deployment that carried it.
      </p>
      <Truncated shown={changes.length} total={total} what="change" />
      <ChangesTable
        rows={changes}
        caption={`Changes of ${subject.name}, latest deployment first`}
        deploymentsPath={pathOf(subject, 'deployments', query)}
        showService={subject.kind !== 'service'}
        empty={
          <EmptyState title="No changes carried by deployments in this window.">
            <p>
              Deployments need to name their commits, or pushes must arrive from the repository. Widen the
              window, or check on <Link to="/setup">Setup</Link> that push and pull request events are sent.
            </p>
          </EmptyState>
        }
      />
    </>
  );
}

function Incidents({ subject, query, windowText }: TabProps) {
  const result = useIncidents(subject, query);
  if (result.isPending) return <Skeleton height="30rem" label="Loading the incidents…" />;
  if (result.isError)
    return <ErrorState error={result.error} what="the incidents" retry={() => result.refetch()} />;
  const { incidents, total } = result.data;
  const open = incidents.filter((i) => i.open).length;
  return (
    <>
      <h2>Incidents</h2>
      <p className="drill-total">
        <strong data-testid="drill-total">{plural(total, 'incident')}</strong> open during {windowText} ·{' '}
        {open} still open
      </p>
      <Truncated shown={incidents.length} total={total} what="incident" />
      <IncidentsTable
        rows={incidents}
        caption={`Incidents of ${subject.name}, latest first`}
        deploymentsPath={pathOf(subject, 'deployments', query)}
        empty={
          <EmptyState title="No incidents in this window.">
            <p>
              Either all was well, or no incident source is connected for these services. Check on{' '}
              <Link to="/setup">Setup</Link> that PagerDuty, Opsgenie or Datadog send events and that the
              services are mapped in the organisation file.
            </p>
          </EmptyState>
        }
      />
    </>
  );
}
