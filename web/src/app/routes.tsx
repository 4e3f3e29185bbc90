import { type ComponentType, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from './NotFoundPage.js';

const loaders: (() => Promise<unknown>)[] = [];

/** A page loaded only when first visited, so the first screen stays small. */
function page<K extends string, P extends object = object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
) {
  loaders.push(load);
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

/**
 * Once the first page is shown and the browser is idle, fetches the other pages' code (small chunks,
 * not the charts), so that following a link does not wait for the network.
 */
export function prefetchPages(): void {
  const idle = (callback: () => void) =>
    'requestIdleCallback' in window
      ? window.requestIdleCallback(callback, { timeout: 5_000 })
      : setTimeout(callback, 2_000);
  idle(() => {
    // Marks where the first route's own code ends (the performance budget is measured up to here).
    performance.mark('checkpoint:prefetch-pages');
    for (const load of loaders) void load().catch(() => undefined);
  });
}

const OverviewPage = page(() => import('../features/overview/OverviewPage.js'), 'OverviewPage');
const OrganisationPage = page(
  () => import('../features/organisation/OrganisationPage.js'),
  'OrganisationPage',
);
const LeaderboardPage = page(() => import('../features/leaderboard/LeaderboardPage.js'), 'LeaderboardPage');
const SquadPage = page(() => import('../features/squad/SquadPage.js'), 'SquadPage');
const ServicePage = page(() => import('../features/service/ServicePage.js'), 'ServicePage');
const TribePage = page(() => import('../features/service/TribePage.js'), 'TribePage');
const DrillDownPage = page<'DrillDownPage', { kind: 'service' | 'squad' | 'tribe' }>(
  () => import('../features/service/DrillDownPage.js'),
  'DrillDownPage',
);
const SetupPage = page(() => import('../features/setup/SetupPage.js'), 'SetupPage');
const QuickCheckPage = page(() => import('../features/quickcheck/QuickCheckPage.js'), 'QuickCheckPage');
const QuickCheckResultPage = page(
  () => import('../features/quickcheck/QuickCheckResultPage.js'),
  'QuickCheckResultPage',
);
const CapabilitiesPage = page(
  () => import('../features/capabilities/CapabilitiesPage.js'),
  'CapabilitiesPage',
);
const CapabilityPage = page(() => import('../features/capabilities/CapabilityPage.js'), 'CapabilityPage');
const RoomPage = page(() => import('../features/workshop/RoomPage.js'), 'RoomPage');
const JoinPage = page(() => import('../features/workshop/JoinPage.js'), 'JoinPage');
const SummaryPage = page(() => import('../features/workshop/SummaryPage.js'), 'SummaryPage');

/** Every page of the app by its address. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<OverviewPage />} />
      <Route path="/org" element={<OrganisationPage />} />
      <Route path="/leaderboard" element={<LeaderboardPage />} />
      <Route path="/squads/:name" element={<SquadPage />} />
      <Route path="/squads/:name/:tab" element={<DrillDownPage kind="squad" />} />
      <Route path="/services/:name" element={<ServicePage />} />
      <Route path="/services/:name/:tab" element={<DrillDownPage kind="service" />} />
      <Route path="/tribes/:name" element={<TribePage />} />
      <Route path="/tribes/:name/:tab" element={<DrillDownPage kind="tribe" />} />
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/quickcheck" element={<QuickCheckPage />} />
      <Route path="/quickcheck/result" element={<QuickCheckResultPage />} />
      <Route path="/capabilities" element={<CapabilitiesPage />} />
      <Route path="/capabilities/:slug" element={<CapabilityPage />} />
      <Route path="/checkpoints/:id" element={<RoomPage />} />
      <Route path="/checkpoints/:id/join" element={<JoinPage />} />
      <Route path="/checkpoints/:id/summary" element={<SummaryPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
