import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { type E2e, openContext, settled } from './support/e2eContext.js';

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/**
 * The size budget of the first route (bytes, not time). How fast the leaderboard of 200 services is
 * on screen is measured by `npm run bench` (bench/webLeaderboard.ts), never asserted in a test.
 */
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
}
