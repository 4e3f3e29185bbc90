import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { getEdition } from '../../../../src/core/assessment/quickCheckEditions.js';
import { scoreQuickCheck } from '../../../../src/core/assessment/scoreQuickCheck.js';
import { getJson } from '../../lib/api.js';
import { clusterYearOf, nearestClassicCluster } from '../../lib/measuredTier.js';
import { usePageTitle } from '../../lib/usePageTitle.js';
import { CopyButton } from '../../ui/CopyButton.js';
import { TierChip } from '../../ui/TierChip.js';
import { PrioritiseSection } from './PrioritiseSection.js';
import { inputSearch, optionsOf, readInput } from './quickCheckUrl.js';
import { PercentileBar } from './ResultBars.js';
import { Baselines, ScoreResultView } from './ResultDetails.js';

/** The result of a Quick Check, computed from the address alone (so a shared link shows the same). */
export function QuickCheckResultPage() {
  usePageTitle('Quick Check result');
  const [search] = useSearchParams();
  const input = readInput(search);
  const edition = getEdition(input.edition);
  const outcome = scoreQuickCheck(input.edition, input.answers, optionsOf(input));
  const catalog = useQuery({
    queryKey: ['capabilities'],
    queryFn: () =>
      getJson<{ capabilities: { slug: string; name: string; guidance: { summary: string } }[] }>(
        '/api/capabilities',
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const shareUrl = `${window.location.origin}/quickcheck/result?${inputSearch(input)}`;

  if (!outcome.ok) {
    return (
      <section aria-labelledby="result-title">
        <h1 id="result-title">Quick Check result</h1>
        <div className="callout callout-error" role="alert">
          <p>This link does not hold a complete Quick Check of the {input.edition} edition:</p>
          <ul>
            {outcome.problems.map((problem) => (
              <li key={`${problem.field}${problem.message}`}>
                {problem.field}: {problem.message}
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/quickcheck?${inputSearch(input)}`}>Take the Quick Check</Link> to get a complete link.
          </p>
        </div>
      </section>
    );
  }
  const result = outcome.value;
  const values = input.answers;
  const nameOf = (slug: string) => catalog.data?.capabilities.find((c) => c.slug === slug)?.name ?? slug;
  return (
    <section aria-labelledby="result-title" className="quickcheck-result">
      <h1 id="result-title">Your Quick Check result</h1>
      <p className="muted">{result.editionTitle}</p>

      {result.method === 'tier' && (
        <section className="card" aria-labelledby="tier-title">
          <h2 id="tier-title">
            Performance tier: <TierChip tier={result.tier} />
          </h2>
          <PercentileBar
            percentile={result.percentile}
            model={getEdition('2019').percentileModel}
            withTiers
          />
        </section>
      )}
      {result.method === 'percentile' && (
        <section className="card" aria-labelledby="percentile-title">
          <h2 id="percentile-title">Where you stand</h2>
          <PercentileBar
            percentile={result.percentile}
            model={getEdition(result.edition).percentileModel}
            withTiers={false}
          />
          <p>
            Nearest cluster of the {clusterYearOf[result.edition]} report:{' '}
            <TierChip tier={nearestClassicCluster(clusterYearOf[result.edition] ?? '2021', result.answers)} />
          </p>
          <p className="callout small">
            <strong>Not DORA's verdict.</strong> Our own comparison of your answers with the typical answers
            of the report's clusters; the {result.edition} Quick Check itself gives only the percentile.
          </p>
        </section>
      )}
      {result.method === 'score' && <ScoreResultView result={result} />}

      <h2>Your answers</h2>
      <table className="data-table compact">
        <caption>The answers in this link</caption>
        <tbody>
          {edition.questions.map((question) => {
            const value = values[question.key];
            const label =
              question.kind === 'option'
                ? question.options.find((o) => o.value === value)?.label
                : `${value} %`;
            return (
              <tr key={question.key}>
                <th scope="row">{question.title}</th>
                <td>{label}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {result.method !== 'score' && (
        <>
          <h2>Compared with your industry</h2>
          <Baselines comparison={result.industryComparison} />
        </>
      )}

      <h2>Capabilities to work on</h2>
      <p>
        {result.method === 'tier'
          ? `DORA recommends these three capabilities to ${result.tier} performers:`
          : 'From 2021 on, DORA recommends the same three capabilities to every team:'}
      </p>
      <ul>
        {result.recommendedCapabilities.map((slug) => (
          <li key={slug}>
            <Link to={`/capabilities/${slug}`}>{nameOf(slug)}</Link>
          </li>
        ))}
      </ul>
      <PrioritiseSection
        edition={result.edition}
        tier={result.method === 'tier' ? result.tier : null}
        slugs={result.recommendedCapabilities}
      />

      <h2>Keep or share this result</h2>
      <p>The link holds your answers; nothing was stored. Anyone who opens it sees this result.</p>
      <p className="share-link">
        <code>{shareUrl}</code> <CopyButton text={shareUrl} label="Copy link" />
      </p>
      <p>
        <Link to={`/quickcheck?${inputSearch(input)}`}>Change the answers</Link> ·{' '}
        <Link to="/quickcheck">Take it again from the start</Link>
      </p>
      <p className="muted small">
        Model, questions and scoring: <a href={result.source.url}>{result.source.title}</a> (
        {result.source.publisher}, dora.dev).
      </p>
    </section>
  );
}
