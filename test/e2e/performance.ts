import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { LeaderboardResponse } from '../../web/src/lib/apiTypes.js';
import { type E2e, openContext, settled } from './support/e2eContext.js';

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Budgets of metrics-free delivery: a small first route, and a leaderboard ready within a second. */
export function performanceTests(e2e: () => E2e, report: (line: string) => void) {
  it('loads the first route with at most 250 KB of gzipped JS and CSS (charts come later, lazily)', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    const bodies = new Map<string, Buffer>();
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (/\.(js|css)$/.test(url.pathname)) bodies.set(url.pathname, await response.body());
    });
    await page.goto('/');
    await settled(page);
    await page.waitForLoadState('networkidle');
    // Resources requested before the app starts prefetching the other pages belong to the first route.
    const requested = (await page.evaluate(`(() => {
      const mark = performance.getEntriesByName('checkpoint:prefetch-pages')[0];
      const until = mark ? mark.startTime : Infinity;
      return performance.getEntriesByType('resource')
        .filter((entry) => entry.startTime < until)
        .map((entry) => new URL(entry.name).pathname);
    })()`)) as string[];
    const assets = requested
      .filter((path) => /\.(js|css)$/.test(path))
      .map((path) => {
        const body = bodies.get(path) ?? Buffer.alloc(0);
        return { path, gzip: gzipSync(body).length, chart: body.includes('echarts') };
      });
    const initial = assets.filter((a) => !a.chart);
    const chartBytes = [...bodies.values()]
      .filter((body) => body.includes('echarts'))
      .reduce((sum, body) => sum + gzipSync(body).length, 0);
    const initialBytes = initial.reduce((sum, a) => sum + a.gzip, 0);
    report(
      `initial route: ${kb(initialBytes)} KB gzipped JS+CSS in ${initial.length} files; charts (lazy): ${kb(chartBytes)} KB`,
    );
    expect(initial.length).toBeGreaterThan(1);
    expect(chartBytes).toBeGreaterThan(0);
    expect(initialBytes).toBeLessThanOrEqual(250 * 1024);
    await context.close();
  });

  it('shows the demo leaderboard (40 services) within 1 s of navigation', async () => {
    const warm = Date.now();
    await fetch(`${e2e().app.url}/api/leaderboard`);
    const api = Date.now() - warm;
    const context = await openContext(e2e());
    const page = await context.newPage();
    await page.goto('/');
    await settled(page);
    await page.waitForLoadState('networkidle');
    const timing = await timeNavigation(page, 40);
    const cold = await context.newPage();
    const coldStart = Date.now();
    await cold.goto('/leaderboard?window=180');
    await cold.locator('table.leaderboard tbody tr').nth(39).waitFor();
    const fresh = Date.now() - coldStart;
    report(
      `leaderboard, 40 services: table rendered ${timing.all} ms after the click on its link; ` +
        `a fresh page load of 180 days ${fresh} ms; the API alone ${api} ms`,
    );
    expect(timing.all).toBeLessThan(1_000);
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
    await page.waitForLoadState('networkidle');
    const timing = await timeNavigation(page, 200);
    report(
      `leaderboard, 200 services (API answer replayed): first rows ${timing.first} ms, all 200 rows ${timing.all} ms after the click`,
    );
    expect(timing.first).toBeLessThan(1_000);
    await context.close();
  });
}

/**
 * Clicks the Leaderboard link and measures in the page (from the click event to the DOM holding the
 * rows) when the first rows and when all `rows` rows were rendered, in milliseconds.
 */
async function timeNavigation(page: Page, rows: number): Promise<{ first: number; all: number }> {
  await page.evaluate(`(() => {
    const timing = (window.__timing = { click: 0, first: 0, all: 0 });
    document.addEventListener('click', () => { timing.click = performance.now(); }, { capture: true, once: true });
    new MutationObserver(() => {
      if (!timing.click) return;
      const count = document.querySelectorAll('table.leaderboard tbody tr').length;
      if (!timing.first && count > 0) timing.first = Math.round(performance.now() - timing.click);
      if (!timing.all && count >= ${rows} && document.querySelector('table.leaderboard[data-complete=true]'))
        timing.all = Math.round(performance.now() - timing.click);
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  })()`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leaderboard' }).click();
  await page
    .locator('table.leaderboard[data-complete=true] tbody tr')
    .nth(rows - 1)
    .waitFor();
  await expect.poll(() => page.evaluate('window.__timing.all')).toBeGreaterThan(0);
  return (await page.evaluate('window.__timing')) as { first: number; all: number };
}
