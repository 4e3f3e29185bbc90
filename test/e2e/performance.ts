import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import type { LeaderboardResponse } from '../../web/src/lib/apiTypes.js';
import { type E2e, openContext, settled } from './support/e2eContext.js';

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Budgets of metrics-free delivery: a small first route, and a leaderboard ready within a second. */
export function performanceTests(e2e: () => E2e, report: (line: string) => void) {
  it('loads the first route with at most 250 KB of gzipped JS and CSS (charts come later, lazily)', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    const assets: { url: string; gzip: number; chart: boolean }[] = [];
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (!/\.(js|css)$/.test(url.pathname)) return;
      const body = await response.body();
      assets.push({ url: url.pathname, gzip: gzipSync(body).length, chart: body.includes('echarts') });
    });
    await page.goto('/');
    await settled(page);
    await page.waitForLoadState('networkidle');
    const initial = assets.filter((a) => !a.chart);
    const charts = assets.filter((a) => a.chart);
    const initialBytes = initial.reduce((sum, a) => sum + a.gzip, 0);
    const chartBytes = charts.reduce((sum, a) => sum + a.gzip, 0);
    report(
      `initial route: ${kb(initialBytes)} KB gzipped JS+CSS in ${initial.length} files; charts (lazy): ${kb(chartBytes)} KB`,
    );
    expect(charts.length).toBeGreaterThan(0);
    expect(initialBytes).toBeLessThanOrEqual(250 * 1024);
    await context.close();
  });

  it('shows the demo leaderboard (40 services) within 1 s of navigation', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    await page.goto('/');
    await settled(page);
    const started = Date.now();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leaderboard' }).click();
    await page.locator('table.leaderboard tbody tr').nth(39).waitFor();
    const inApp = Date.now() - started;
    const cold = await context.newPage();
    const coldStart = Date.now();
    await cold.goto('/leaderboard?window=180');
    await cold.locator('table.leaderboard tbody tr').nth(39).waitFor();
    const fresh = Date.now() - coldStart;
    report(
      `leaderboard, 40 services: ${inApp} ms after a click in the app; ${fresh} ms for a fresh load of 180 days`,
    );
    expect(inApp).toBeLessThan(1_000);
    await context.close();
  });

  it('renders a 200-service leaderboard within 1 s of navigation', async () => {
    const real = (await (await fetch(`${e2e().app.url}/api/leaderboard`)).json()) as LeaderboardResponse;
    const rows = Array.from({ length: 200 }, (_, i) => {
      const row = real.rows[i % real.rows.length]!;
      return { ...row, key: `${row.key}-${i}`, service: `${row.key}-${i}` };
    });
    const context = await openContext(e2e());
    const page = await context.newPage();
    await page.route('**/api/leaderboard?*', (route) => route.fulfill({ json: { ...real, rows } }));
    await page.goto('/');
    await settled(page);
    const started = Date.now();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leaderboard' }).click();
    await page.locator('table.leaderboard tbody tr').nth(199).waitFor();
    const elapsed = Date.now() - started;
    const sortStarted = Date.now();
    await page
      .getByRole('columnheader', { name: /Lead time \(median\)/ })
      .getByRole('button')
      .click();
    await page.waitForURL(/sort=leadTimeMedian/);
    await page.locator('table.leaderboard tbody tr').nth(199).waitFor();
    const sortElapsed = Date.now() - sortStarted;
    report(
      `leaderboard, 200 services (API answer replayed): ${elapsed} ms after a click; re-sorted in ${sortElapsed} ms`,
    );
    expect(elapsed).toBeLessThan(1_000);
    await context.close();
  });
}
