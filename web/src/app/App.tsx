import { useQuery } from '@tanstack/react-query';
import { NavLink, Route, Routes } from 'react-router';
import type { Organisation } from '../../../src/core/org/organisation.js';
import { OrganisationPage } from '../features/organisation/OrganisationPage.js';
import { getJson } from '../lib/api.js';

interface Health {
  status: string;
  database: string;
  version: string;
  demo: boolean;
}

export interface OrgResponse {
  organisation: Organisation;
  demo: boolean;
  reloadProblems: string[];
}

export function App() {
  const health = useQuery({ queryKey: ['health'], queryFn: () => getJson<Health>('/api/health') });
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {health.data?.demo && (
        <div className="demo-banner" role="status">
          <strong>Demo organisation.</strong> Generated data, for exploring the product. Start with an
          organisation file (CHECKPOINT_ORG) to measure your own squads.
        </div>
      )}
      <header className="app-header">
        <NavLink to="/" className="brand">
          DevOps Checkpoint
        </NavLink>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to="/">Organisation</NavLink>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main">
        <Routes>
          <Route path="/" element={<OrganisationPage />} />
          <Route path="*" element={<p>There is no page at this address.</p>} />
        </Routes>
      </main>
      <footer className="app-footer">
        {health.data ? `version ${health.data.version} · ${health.data.database}` : 'connecting…'} · the four
        keys and capabilities come from DORA's research (dora.dev)
      </footer>
    </>
  );
}
