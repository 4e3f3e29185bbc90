import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle.js';
import { ErrorState, Skeleton } from '../../ui/QueryState.js';
import { type CatalogEntry, categoryNames, groupingNames, useCatalog } from './capabilityApi.js';

interface Group {
  id: string;
  title: string;
  entries: CatalogEntry[];
}

function groupsOf(catalog: CatalogEntry[], byGrouping: boolean): Group[] {
  if (byGrouping) {
    return Object.entries(groupingNames).map(([id, title]) => ({
      id,
      title,
      entries: catalog.filter((c) => c.grouping === id || (id === 'ai' && c.inAiCapabilitiesModel)),
    }));
  }
  return [
    ...Object.entries(categoryNames).map(([id, title]) => ({
      id,
      title,
      entries: catalog.filter((c) => c.classicCategory === id),
    })),
    { id: 'later', title: 'Added since', entries: catalog.filter((c) => c.classicCategory === null) },
  ];
}

/** DORA's capabilities, by the classic categories or by today's grouping, each with our guidance. */
export function CapabilitiesPage() {
  usePageTitle('Capabilities');
  const [search] = useSearchParams();
  const byGrouping = search.get('by') === 'grouping';
  const catalog = useCatalog();
  return (
    <section aria-labelledby="capabilities-title">
      <h1 id="capabilities-title">Capability catalog</h1>
      <p className="lead">
        The technical, process, measurement and cultural capabilities that DORA's research found to drive
        software delivery and organisational performance. The model and the names are DORA's (
        <a href="https://dora.dev/capabilities/">dora.dev</a>); the guidance is written by us.
      </p>
      <nav aria-label="Group the capabilities">
        <ul className="segmented">
          <li>
            <Link to="?" aria-current={byGrouping ? undefined : 'true'}>
              By category
            </Link>
          </li>
          <li>
            <Link to="?by=grouping" aria-current={byGrouping ? 'true' : undefined}>
              By current grouping
            </Link>
          </li>
        </ul>
      </nav>
      {catalog.isPending ? (
        <Skeleton height="40rem" label="Loading the catalog…" />
      ) : catalog.isError ? (
        <ErrorState error={catalog.error} what="the capability catalog" retry={() => catalog.refetch()} />
      ) : (
        groupsOf(catalog.data.capabilities, byGrouping).map((group) => (
          <section key={group.id} aria-labelledby={`group-${group.id}`}>
            <h2 id={`group-${group.id}`}>
              {group.title} <span className="muted small">({group.entries.length})</span>
            </h2>
            <ul className="capability-list">
              {group.entries.map((capability) => (
                <li key={capability.slug} className="card">
                  <h3>
                    <Link to={`/capabilities/${capability.slug}`}>{capability.name}</Link>
                  </h3>
                  <p>{capability.guidance.summary}</p>
                  <p className="muted small">
                    {capability.statementCount > 0
                      ? `${capability.statementCount} statements to assess it`
                      : 'reflective questions'}
                    {capability.formerNames.length > 0
                      ? ` · formerly ${capability.formerNames.join(', ')}`
                      : ''}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
