import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle.js';
import { ErrorState, Skeleton } from '../../ui/QueryState.js';
import { categoryNames, groupingNames, keyNames, useCapability } from './capabilityApi.js';

/** One capability: what it is, how to implement it, obstacles, how to measure it, and its statements. */
export function CapabilityPage() {
  const { slug = '' } = useParams();
  const capability = useCapability(slug);
  usePageTitle(capability.data?.name ?? 'Capability');
  if (capability.isPending) return <Skeleton height="40rem" label="Loading the capability…" />;
  if (capability.isError) {
    return (
      <section aria-labelledby="capability-title">
        <h1 id="capability-title">Capability not found</h1>
        <ErrorState error={capability.error} what={`the capability "${slug}"`} />
        <p>
          Browse the <Link to="/capabilities">capability catalog</Link>.
        </p>
      </section>
    );
  }
  const c = capability.data;
  const { guidance } = c;
  return (
    <article aria-labelledby="capability-title" className="capability">
      <p className="eyebrow">
        <Link to="/capabilities">Capabilities</Link> ·{' '}
        {c.classicCategory ? categoryNames[c.classicCategory] : 'Added since'} · {groupingNames[c.grouping]}
      </p>
      <h1 id="capability-title">{c.name}</h1>
      {c.formerNames.length > 0 && <p className="muted">Formerly: {c.formerNames.join(', ')}</p>}
      <p className="lead">{guidance.summary}</p>
      {c.movesKeys.length > 0 && <p>Tends to move: {c.movesKeys.map((key) => keyNames[key]).join(', ')}.</p>}
      <div className="two-columns">
        <section aria-labelledby="implement-title">
          <h2 id="implement-title">How to implement it</h2>
          <ol>
            {guidance.implement.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="obstacles-title">
          <h2 id="obstacles-title">Common obstacles</h2>
          <ul>
            {guidance.obstacles.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <h2 id="measure-title">How to measure it</h2>
          <ul>
            {guidance.measure.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      </div>
      {c.statements.length > 0 && (
        <section aria-labelledby="statements-title">
          <h2 id="statements-title">Statements to assess it</h2>
          <p className="muted">
            Rate your agreement with each from 1 (strongly disagree) to 5 (strongly agree).
          </p>
          <ol>
            {c.statements.map((s) => (
              <li key={s.id}>
                {s.text}
                {s.reverse && <span className="muted small"> (agreeing is the worse position)</span>}
              </li>
            ))}
          </ol>
        </section>
      )}
      {c.reflectiveQuestions.length > 0 && (
        <section aria-labelledby="reflective-title">
          <h2 id="reflective-title">Questions to reflect on</h2>
          <ul>
            {c.reflectiveQuestions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </section>
      )}
      <p className="muted small">
        Source of the capability and its place in the model: <a href={c.source.url}>{c.source.title}</a> (
        {c.source.publisher}, dora.dev).
        {c.articleUrl ? '' : ' DORA has no article on it yet.'}
      </p>
    </article>
  );
}
