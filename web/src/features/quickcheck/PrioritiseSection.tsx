import { useMutation, useQueries } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { CapabilityStatement } from '../../../../src/core/assessment/capabilityStatement.js';
import { likertOptions } from '../../../../src/core/assessment/likert.js';
import type { Prioritisation } from '../../../../src/core/assessment/prioritiseCapabilities.js';
import { getJson, sendJson } from '../../lib/api.js';
import { ErrorState, Skeleton } from '../../ui/QueryState.js';

interface CapabilityDetail {
  slug: string;
  name: string;
  statements: CapabilityStatement[];
}

interface PrioritiseProps {
  edition: string;
  tier: string | null;
  slugs: readonly string[];
}

/** "Help me prioritise": the statements of the recommended capabilities (1–5), ranked by the API. */
export function PrioritiseSection({ edition, tier, slugs }: PrioritiseProps) {
  const [open, setOpen] = useState(false);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const details = useQueries({
    queries: slugs.map((slug) => ({
      queryKey: ['capability', slug],
      queryFn: () => getJson<CapabilityDetail>(`/api/capabilities/${slug}`),
      enabled: open,
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
  const rank = useMutation({
    mutationFn: () =>
      sendJson<Prioritisation>('POST', '/api/quickcheck/prioritise', {
        edition,
        ...(tier ? { tier } : {}),
        answers,
      }),
  });
  if (!open) {
    return (
      <button type="button" className="button button-primary" onClick={() => setOpen(true)}>
        Help me prioritise
      </button>
    );
  }
  if (details.some((d) => d.isPending)) return <Skeleton height="20rem" label="Loading the statements…" />;
  const failed = details.find((d) => d.isError);
  if (failed)
    return (
      <ErrorState error={failed.error} what="the capability statements" retry={() => failed.refetch()} />
    );
  const capabilities = details.map((d) => d.data).filter((d): d is CapabilityDetail => d !== undefined);
  const statements = capabilities.flatMap((c) => c.statements);
  const answered = statements.filter((s) => answers[s.id] !== undefined).length;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    rank.mutate();
  };
  return (
    <form onSubmit={onSubmit} className="prioritise" aria-label="Help me prioritise">
      <p>
        How much do you agree with each statement about your team? The capability with the lowest score is the
        key focus area: the one to work on first.
      </p>
      {capabilities.map((capability) => (
        <section key={capability.slug} aria-labelledby={`cap-${capability.slug}`}>
          <h3 id={`cap-${capability.slug}`}>{capability.name}</h3>
          {capability.statements.map((statement) => (
            <fieldset key={statement.id} className="likert">
              <legend>{statement.text}</legend>
              {likertOptions.map((option) => (
                <label key={option.value} className="likert-option">
                  <input
                    type="radio"
                    name={statement.id}
                    value={option.value}
                    checked={answers[statement.id] === option.value}
                    onChange={() => setAnswers({ ...answers, [statement.id]: option.value })}
                  />
                  <span>{option.label}</span>
                </label>
              ))}
            </fieldset>
          ))}
        </section>
      ))}
      <div className="toolbar">
        <button
          type="submit"
          className="button button-primary"
          disabled={answered < statements.length || rank.isPending}
        >
          Rank the capabilities
        </button>
        <span className="muted">
          {answered} of {statements.length} statements answered
        </span>
      </div>
      {rank.isError && <ErrorState error={rank.error} what="the ranking" />}
      {rank.data && <Ranking ranking={rank.data} />}
    </form>
  );
}

function Ranking({ ranking }: { ranking: Prioritisation }) {
  const focus = ranking.ranking.find((r) => r.keyFocus);
  return (
    <section aria-labelledby="ranking-title" className="ranking" role="status">
      <h3 id="ranking-title">Your priorities</h3>
      {focus && (
        <p className="callout">
          <strong>Key focus: {focus.name}.</strong> Its score is the lowest; work on it first.{' '}
          <Link to={`/capabilities/${focus.slug}`}>How to improve {focus.name.toLowerCase()}</Link>
        </p>
      )}
      <table className="data-table compact">
        <caption>Capabilities, lowest score first (0–{ranking.scale.max})</caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Capability</th>
            <th scope="col" className="numeric">
              Score
            </th>
            {ranking.method === 'tier-2019' && (
              <th scope="col" className="numeric">
                Tier mean
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {ranking.ranking.map((r) => (
            <tr key={r.slug}>
              <td>{r.rank}</td>
              <th scope="row">
                <Link to={`/capabilities/${r.slug}`}>{r.name}</Link>
                {r.keyFocus && <span className="status status-bad"> key focus</span>}
              </th>
              <td className="numeric">{r.score.display}</td>
              {ranking.method === 'tier-2019' && <td className="numeric">{r.tierMean ?? '—'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
