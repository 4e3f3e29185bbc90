import type { SourceState } from '../../lib/apiTypes.js';
import { formatDateTime } from '../../lib/format.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { sourceGuides } from './sourceGuides.js';

interface SourceCardProps {
  source: SourceState;
  datadog: { payloadTemplate: string; customHeaders: string } | undefined;
}

/** One source: its webhook URL, what to configure in the tool, and its health. */
export function SourceCard({ source, datadog }: SourceCardProps) {
  const guide = sourceGuides[source.name];
  const url = `${window.location.origin}${source.webhookPath}`;
  const headingId = `source-${source.name}`;
  const counts = source.last24h;
  return (
    <section className="card source-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {guide?.title ?? source.name}{' '}
        <span className={`status ${source.enabled ? 'status-good' : 'status-neutral'}`}>
          {source.enabled ? 'Enabled' : 'Not enabled'}
        </span>
      </h3>
      {guide && <p className="muted">Brings {guide.brings}.</p>}
      {!source.enabled && (
        <p>
          Set <code>{source.secretVariable}</code> on the server and restart it to accept deliveries.
        </p>
      )}
      <p className="webhook-url">
        <span className="label">Webhook URL</span> <code>{url}</code>{' '}
        <CopyButton text={url} label="Copy URL" />
      </p>
      {guide && (
        <details>
          <summary>What to configure in {guide.title}</summary>
          <ol>
            {guide.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          {source.name === 'datadog' && datadog && (
            <>
              <h4>Custom headers</h4>
              <pre>{datadog.customHeaders}</pre>
              <CopyButton text={datadog.customHeaders} label="Copy headers" />
              <h4>Payload</h4>
              <pre>{datadog.payloadTemplate}</pre>
              <CopyButton text={datadog.payloadTemplate} label="Copy payload" />
            </>
          )}
        </details>
      )}
      <dl className="facts">
        <dt>Last delivery</dt>
        <dd>{source.lastDeliveryAt ? formatDateTime(source.lastDeliveryAt) : 'none yet'}</dd>
        <dt>Last 24 hours</dt>
        <dd>
          {counts.accepted} accepted · {counts.rejected} rejected · {counts.duplicate} duplicate ·{' '}
          {counts.ignored} ignored
        </dd>
        <dt>Last error</dt>
        <dd>
          {source.lastError ? `${formatDateTime(source.lastError.at)}: ${source.lastError.message}` : 'none'}
        </dd>
      </dl>
    </section>
  );
}
