import { Link } from 'react-router';
import { useOrg, useSources } from '../../lib/queries.js';
import { usePageTitle } from '../../lib/usePageTitle.js';
import { ErrorState, Skeleton } from '../../ui/QueryState.js';
import { SourceCard } from './SourceCard.js';
import { TokensSection } from './TokensSection.js';

/** Everything needed to feed the product: the organisation file, each source's webhook, and tokens. */
export function SetupPage() {
  usePageTitle('Setup');
  const org = useOrg();
  const sources = useSources();
  return (
    <section aria-labelledby="setup-title">
      <h1 id="setup-title">Setup</h1>
      <section aria-labelledby="setup-org">
        <h2 id="setup-org">Organisation</h2>
        {org.isPending ? (
          <Skeleton height="5rem" />
        ) : org.isError ? (
          <ErrorState error={org.error} what="the organisation" retry={() => org.refetch()} />
        ) : (
          <>
            <p>
              <strong>{org.data.organisation.name}</strong>{' '}
              {org.data.source ? (
                <>
                  loaded from <code>{org.data.source}</code>; the server reloads it when the file changes.
                </>
              ) : org.data.demo ? (
                'is the generated demo. Start the server with CHECKPOINT_ORG=<file> to load your own.'
              ) : (
                'is loaded.'
              )}{' '}
              <Link to="/org">See its tribes, squads and services</Link>.
            </p>
            {org.data.reloadProblems.length > 0 ? (
              <div className="callout callout-error" role="alert">
                <p>The last change to the file was refused; the previous organisation stays in force. Fix:</p>
                <ul>
                  {org.data.reloadProblems.map((problem) => (
                    <li key={problem}>
                      <code>{problem}</code>
                    </li>
                  ))}
                </ul>
                <p>
                  Check a file before saving it with <code>checkpoint org validate FILE</code>.
                </p>
              </div>
            ) : (
              <p className="muted">No reload problems.</p>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="setup-sources">
        <h2 id="setup-sources">Sources</h2>
        <p>
          Point each tool's webhook at the URL shown. Secrets are set on the server as environment variables;
          they are never shown here.
        </p>
        {sources.isPending ? (
          <Skeleton height="30rem" label="Loading the sources…" />
        ) : sources.isError ? (
          <ErrorState error={sources.error} what="the sources" retry={() => sources.refetch()} />
        ) : (
          <div className="source-grid">
            {sources.data.sources.map((source) => (
              <SourceCard key={source.name} source={source} datadog={sources.data.datadog} />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="setup-tokens">
        <h2 id="setup-tokens">API tokens</h2>
        <TokensSection />
      </section>
    </section>
  );
}
