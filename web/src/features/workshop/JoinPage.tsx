import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle.js';
import { ErrorState, Skeleton } from '../../ui/QueryState.js';
import { getInvitation, joinByLink } from './checkpointApi.js';
import { readSeat } from './checkpointSeat.js';

/**
 * Joining by the link the facilitator shared: a name, nothing else. The code sits in the address's
 * fragment, which browsers never send to a server; this page posts it.
 */
export function JoinPage() {
  const { id = '' } = useParams();
  const { hash } = useLocation();
  const navigate = useNavigate();
  const formId = useId();
  const code = new URLSearchParams(hash.replace(/^#/, '')).get('code') ?? '';
  const invitation = useQuery({
    queryKey: ['invitation', id, code],
    queryFn: () => getInvitation(id, code),
    enabled: code !== '',
    retry: false,
  });
  const [name, setName] = useState('');
  const [role, setRole] = useState<'participant' | 'viewer'>('participant');
  const [problem, setProblem] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);
  usePageTitle(invitation.data ? `Join ${invitation.data.squad}'s checkpoint` : 'Join a checkpoint');
  const seated = readSeat(id) !== null;
  return (
    <section aria-labelledby={`${formId}-title`} className="narrow">
      <h1 id={`${formId}-title`}>
        {invitation.data ? `Join ${invitation.data.squad}'s checkpoint` : 'Join a checkpoint'}
      </h1>
      {seated && (
        <p className="callout">
          This browser is already in this checkpoint.{' '}
          <Link to={`/checkpoints/${id}`}>Go to the checkpoint</Link>.
        </p>
      )}
      {code === '' ? (
        <p className="callout callout-error" role="alert">
          This link has no join code. Ask the facilitator for the whole link.
        </p>
      ) : invitation.isPending ? (
        <Skeleton height="10rem" label="Checking the link…" />
      ) : invitation.isError ? (
        <ErrorState error={invitation.error} what="the invitation" />
      ) : (
        <>
          <p className="lead">
            {invitation.data.title ?? `The ${invitation.data.squad} squad (${invitation.data.tribe})`}
            {invitation.data.status === 'completed'
              ? ' is complete; you can still watch it.'
              : ' is waiting for you.'}{' '}
            No account needed: your name is all the room sees, and your answers stay anonymous.
          </p>
          <form
            className="join-form card"
            onSubmit={(event) => {
              event.preventDefault();
              setJoining(true);
              setProblem(null);
              joinByLink(id, { code, name: name.trim(), role }).then(
                () => navigate(`/checkpoints/${id}`, { replace: true }),
                (error: Error) => {
                  setProblem(error.message);
                  setJoining(false);
                },
              );
            }}
          >
            <div className="field">
              <label htmlFor={`${formId}-name`}>Your name</label>
              <input
                id={`${formId}-name`}
                autoComplete="given-name"
                required
                maxLength={60}
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            </div>
            <fieldset className="radio-row">
              <legend>How</legend>
              <label>
                <input
                  type="radio"
                  name="role"
                  checked={role === 'participant'}
                  onChange={() => setRole('participant')}
                />{' '}
                Take part
              </label>
              <label>
                <input
                  type="radio"
                  name="role"
                  checked={role === 'viewer'}
                  onChange={() => setRole('viewer')}
                />{' '}
                Only watch
              </label>
            </fieldset>
            <button type="submit" className="button-primary" disabled={joining || name.trim() === ''}>
              Join
            </button>
            {problem && (
              <p className="callout callout-error" role="alert">
                {problem}
              </p>
            )}
          </form>
        </>
      )}
    </section>
  );
}
