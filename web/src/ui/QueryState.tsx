import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../lib/api.js';

/** A placeholder of fixed height while data loads, so the page does not jump when it arrives. */
export function Skeleton({ height = '8rem', label = 'Loading…' }: { height?: string; label?: string }) {
  return (
    <div className="skeleton" style={{ height }} role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
    </div>
  );
}

/** What went wrong with a request, and what the reader can do about it. */
export function ErrorState({ error, what, retry }: { error: unknown; what: string; retry?: () => void }) {
  const status = error instanceof ApiError ? error.status : null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="callout callout-error" role="alert">
      <p>
        <strong>Could not load {what}.</strong> {message}
      </p>
      <p>
        {status === 401 || status === 403
          ? 'Sign in with an account that may read the figures, or ask an admin for access.'
          : 'Check that the server is running, then try again.'}{' '}
        {retry && (
          <button type="button" className="button-link" onClick={retry}>
            Try again
          </button>
        )}
      </p>
    </div>
  );
}

/** An empty result, with the next step to take. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="callout callout-empty">
      <p>
        <strong>{title}</strong>
      </p>
      {children ?? (
        <p>
          Widen the window, or check on <Link to="/setup">Setup</Link> that the sources send events.
        </p>
      )}
    </div>
  );
}
