/**
 * The leaderboard of the benchmark organisation (200 services) in Debian's Chromium: how long after
 * the click on its link the first rows and all rows are on screen. The real server (buildApp, the
 * built web app, an in-memory PGlite) holds a generated history ending now; nothing is replayed.
 * Run alone: `npm run bench -- web`, or `npx tsx bench/webLeaderboard.ts [--months N]`.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildIfStale } from '../scripts/sourceStamp.mjs';
import { buildApp } from '../src/server/buildApp.js';
import { loadConfig } from '../src/server/config.js';
import type { AppContext } from '../src/server/context.js';
import { prepareDemo } from '../src/server/demo.js';
import { LiveUpdates } from '../src/server/live.js';
import { OrganisationState } from '../src/server/organisationState.js';
import { countEvents } from '../src/store/events.js';
import { openDb } from '../src/store/openDb.js';
import { launchChromium } from '../test/support/browser.js';
import { benchPreset } from './generator/index.js';
import { median } from './stats.js';
import { targets } from './targets.js';

export interface WebLeaderboardResult {
  services: number;
  months: number;
  events: number;
  /** The first GET /api/leaderboard after the server started (the analysis is not cached yet), ms. */
  coldApiMs: number;
  /** Per navigation from the overview: click → first rows, click → every row, ms. */
  navigations: { first: number; all: number }[];
  medianFirstMs: number;
  medianAllMs: number;
  /** A fresh tab opening /leaderboard directly until every row is shown, ms. */
  freshLoadMs: number;
}

/**
 * Marks the time of the next click and when the leaderboard shows its first row and all `rows` rows
 * (measured in the page, from the click event to the DOM holding them), then clicks the link.
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
    .waitFor({ timeout: 60_000 });
  await page.waitForFunction('window.__timing.all > 0', undefined, { timeout: 60_000 });
  return (await page.evaluate('window.__timing')) as { first: number; all: number };
}

export async function runWebLeaderboardBenchmark({
  months = 3,
  navigations = 5,
  log = (line: string) => console.log(line),
}: {
  months?: number;
  navigations?: number;
  log?: (line: string) => void;
} = {}): Promise<WebLeaderboardResult> {
  buildIfStale();
  const now = Date.now();
  const db = await openDb({ dataDir: 'memory://' });
  log(`web leaderboard: generating ${months} months of history for ${benchPreset.services} services…`);
  const organisation = await prepareDemo(db, now, { ...benchPreset, months });
  const counts = await countEvents(db.kysely);
  const events = counts.changes + counts.deployments + counts.incidents;
  const state = new OrganisationState(db.kysely, organisation, undefined);
  await state.apply(organisation, new Date(now));
  const context: AppContext = {
    config: loadConfig({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' }),
    db,
    clock: () => Date.now(),
    organisation: state,
    version: 'bench',
    live: new LiveUpdates(),
  };
  const app = await buildApp({ context, webRoot: join(process.cwd(), 'dist', 'web') });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchChromium();
  try {
    const started = performance.now();
    const api = await fetch(`${url}/api/leaderboard`);
    const body = (await api.json()) as { rows: unknown[] };
    const coldApiMs = Math.round(performance.now() - started);
    const services = body.rows.length;
    const page = await (
      await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 900 } })
    ).newPage();
    const timings: { first: number; all: number }[] = [];
    for (let run = 0; run < navigations; run++) {
      await page.goto('/');
      await page.waitForLoadState('networkidle');
      timings.push(await timeNavigation(page, services));
    }
    const fresh = await (await browser.newContext({ baseURL: url })).newPage();
    const freshStart = performance.now();
    await fresh.goto('/leaderboard');
    await fresh
      .locator('table.leaderboard[data-complete=true] tbody tr')
      .nth(services - 1)
      .waitFor({ timeout: 60_000 });
    const freshLoadMs = Math.round(performance.now() - freshStart);
    return {
      services,
      months,
      events,
      coldApiMs,
      navigations: timings,
      medianFirstMs: median(timings.map((t) => t.first)),
      medianAllMs: median(timings.map((t) => t.all)),
      freshLoadMs,
    };
  } finally {
    await browser.close();
    await app.close();
    await db.close();
  }
}

/** The figures as lines of text, with the ratio to the target. */
export function webLeaderboardReport(result: WebLeaderboardResult): string {
  const target = targets.leaderboardAllRowsMs;
  return [
    `web leaderboard, ${result.services} services, ${result.events} events over ${result.months} months:`,
    `  click → first rows: median ${result.medianFirstMs} ms; click → all ${result.services} rows: median ${result.medianAllMs} ms (target < ${target} ms: ${(result.medianAllMs / target).toFixed(2)}× of it)`,
    `  each navigation (first/all ms): ${result.navigations.map((t) => `${t.first}/${t.all}`).join(', ')}`,
    `  a fresh tab opening /leaderboard: ${result.freshLoadMs} ms; the first API answer (analysis not cached): ${result.coldApiMs} ms`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const monthsFlag = process.argv.indexOf('--months');
  const months = monthsFlag > 0 ? Number(process.argv[monthsFlag + 1]) : 3;
  console.log(webLeaderboardReport(await runWebLeaderboardBenchmark({ months })));
}
