import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ApiError, getJson, sendJson } from '../../lib/api.js';
import type { ApiTokenRecord } from '../../lib/apiTypes.js';
import { formatDateTime } from '../../lib/format.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { ErrorState, Skeleton } from '../../ui/QueryState.js';
import { ScrollRegion } from '../../ui/ScrollRegion.js';

const scopes = ['ingest', 'read', 'admin'] as const;

/** API tokens for machines (admins only): the list, a new token shown once, and revoking. */
export function TokensSection() {
  const id = useId();
  const queryClient = useQueryClient();
  const tokens = useQuery({
    queryKey: ['tokens'],
    queryFn: () => getJson<{ tokens: ApiTokenRecord[] }>('/api/tokens'),
    retry: false,
  });
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const create = useMutation({
    mutationFn: (body: { name: string; scope: string; expiresAt?: string }) =>
      sendJson<ApiTokenRecord & { token: string }>('POST', '/api/tokens', body),
    onSuccess: (record) => {
      setCreated({ name: record.name, token: record.token });
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (tokenId: string) => sendJson<void>('DELETE', `/api/tokens/${encodeURIComponent(tokenId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });

  if (tokens.isPending) return <Skeleton height="10rem" label="Loading the tokens…" />;
  if (tokens.isError) {
    const status = tokens.error instanceof ApiError ? tokens.error.status : 0;
    if (status === 401 || status === 403) {
      return (
        <p className="callout">
          Only admins manage API tokens. Sign in as an admin to list, create or revoke them.
        </p>
      );
    }
    return <ErrorState error={tokens.error} what="the tokens" retry={() => tokens.refetch()} />;
  }

  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const expires = String(data.get('expires') ?? '');
    create.mutate(
      {
        name: String(data.get('name') ?? ''),
        scope: String(data.get('scope') ?? 'ingest'),
        ...(expires ? { expiresAt: new Date(`${expires}T23:59:59`).toISOString() } : {}),
      },
      { onSuccess: () => form.reset() },
    );
  };
  const active = tokens.data.tokens.filter((t) => t.revokedAt === null);

  return (
    <>
      {created && (
        <div className="callout callout-secret" role="status">
          <p>
            <strong>Token "{created.name}" created.</strong> Copy it now: it is shown only once and stored
            only as a hash.
          </p>
          <p>
            <code className="secret">{created.token}</code>{' '}
            <CopyButton text={created.token} label="Copy token" />
          </p>
          <button type="button" className="button-link" onClick={() => setCreated(null)}>
            I have copied it; hide it
          </button>
        </div>
      )}
      <form className="filters token-form" onSubmit={onCreate} aria-label="Create an API token">
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            name="name"
            required
            maxLength={100}
            placeholder="e.g. jenkins-deployments"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-scope`}>Scope</label>
          <select id={`${id}-scope`} name="scope" defaultValue="ingest">
            {scopes.map((scope) => (
              <option key={scope} value={scope}>
                {scope}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-expires`}>Expires (optional)</label>
          <input id={`${id}-expires`} name="expires" type="date" />
        </div>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Create token
        </button>
      </form>
      {create.isError && <ErrorState error={create.error} what="a new token" />}
      {revoke.isError && <ErrorState error={revoke.error} what="the token revocation" />}
      {active.length === 0 ? (
        <p className="muted">No active tokens. Create one for each CI system or script that sends events.</p>
      ) : (
        <ScrollRegion label="API tokens">
          <table className="data-table">
            <caption>Active API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scope</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {active.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>{token.scope}</td>
                  <td>{formatDateTime(token.createdAt)}</td>
                  <td>{token.expiresAt ? formatDateTime(token.expiresAt) : 'never'}</td>
                  <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'never'}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      disabled={revoke.isPending}
                      onClick={() => {
                        if (
                          window.confirm(
                            `Revoke the token "${token.name}"? Machines using it will be refused.`,
                          )
                        )
                          revoke.mutate(token.id);
                      }}
                    >
                      Revoke<span className="visually-hidden"> {token.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
