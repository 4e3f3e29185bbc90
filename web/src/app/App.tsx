import { Suspense, useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useHealth } from '../lib/queries.js';
import { Skeleton } from '../ui/QueryState.js';
import { ThemeToggle } from '../ui/ThemeToggle.js';
import { AppRoutes, prefetchPages } from './routes.js';

const sections = [
  { to: '/', label: 'Overview', end: true },
  { to: '/leaderboard', label: 'Leaderboard' },
  { to: '/quickcheck', label: 'Quick Check' },
  { to: '/capabilities', label: 'Capabilities' },
  { to: '/org', label: 'Organisation' },
  { to: '/setup', label: 'Setup' },
];

/** After a navigation, focus moves to the new page's content, as it would on a full page load. */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [pathname]);
  return main;
}

export function App() {
  const health = useHealth();
  useEffect(prefetchPages, []);
  const main = useFocusOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {health.data?.demo && (
        <aside className="demo-banner" aria-label="Demo">
          <strong>Demo organisation.</strong> Generated data, for exploring the product. Start with an
          organisation file (CHECKPOINT_ORG) to measure your own squads.
        </aside>
      )}
      <header className="app-header">
        <NavLink to="/" className="brand">
          DevOps Checkpoint
        </NavLink>
        <nav aria-label="Main">
          <ul>
            {sections.map((section) => (
              <li key={section.to}>
                <NavLink to={section.to} end={section.end ?? false}>
                  {section.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <ThemeToggle />
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Skeleton height="24rem" label="Loading the page…" />}>
          <AppRoutes />
        </Suspense>
      </main>
      <footer className="app-footer">
        {health.data ? `version ${health.data.version} · ${health.data.database}` : 'connecting…'} · the four
        keys, the Quick Check and the capabilities come from DORA's research (
        <a href="https://dora.dev">dora.dev</a>)
      </footer>
    </>
  );
}
