import { Link } from 'react-router';
import { usePageTitle } from '../lib/usePageTitle.js';

export function NotFoundPage() {
  usePageTitle('Not found');
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">There is no page at this address</h1>
      <p>
        The link may be old or mistyped. Start from the <Link to="/">overview</Link> or the{' '}
        <Link to="/leaderboard">leaderboard</Link>.
      </p>
    </section>
  );
}
