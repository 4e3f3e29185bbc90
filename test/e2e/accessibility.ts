import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { phaseIds } from '../../src/core/workshop/index.js';
import { CheckpointClient } from '../realtime/checkpointClient.js';
import { createCheckpointOver } from '../realtime/session.js';
import { type E2e, openContext, screenshot, settled, type Theme } from './support/e2eContext.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Every page, by the name of its screenshot. */
export const pagesToCheck: readonly [string, string][] = [
  ['overview', '/'],
  ['leaderboard', '/leaderboard'],
  ['leaderboard-squads-improved', '/leaderboard?groupBy=squad&sort=improvement'],
  ['squad', '/squads/search'],
  ['tribe', '/tribes/ecommerce'],
  ['service', '/services/vehicle-search'],
  ['deployments', '/services/vehicle-search/deployments'],
  ['deployments-failed', '/squads/search/deployments?show=failed'],
  ['changes', '/services/vehicle-search/changes'],
  ['incidents', '/services/vehicle-search/incidents'],
  ['organisation', '/org'],
  ['setup', '/setup'],
  ['quickcheck', '/quickcheck'],
  [
    'quickcheck-result-2019',
    '/quickcheck/result?edition=2019&industry=technology&leadtime=5&deployfreq=4&ttr=5&chgfail=5',
  ],
  [
    'quickcheck-result-2024',
    '/quickcheck/result?edition=2024&leadtime=4&deployfreq=5&failurerecovery=5&changefailure=15&size=fewer_than_100',
  ],
  [
    'quickcheck-result-2025',
    '/quickcheck/result?edition=2025&leadtime=4&deployfreq=5&failurerecovery=5&changefailure=10&rework=5',
  ],
  ['capabilities', '/capabilities'],
  ['capability', '/capabilities/continuous-integration'],
  ['not-found', '/nothing/here'],
];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = (await page.evaluate(
    'axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations)',
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
}

/** axe-core finds no serious or critical problem on any page, in either theme; screenshots of each. */
export function accessibilityTests(e2e: () => E2e) {
  for (const theme of ['light', 'dark'] as Theme[]) {
    for (const [name, path] of pagesToCheck) {
      it(`${name} (${theme}) has no serious accessibility violation`, async () => {
        const context = await openContext(e2e(), theme);
        const page = await context.newPage();
        await page.goto(path);
        await settled(page);
        await page.waitForLoadState('networkidle');
        await screenshot(page, name, theme);
        expect(await seriousViolations(page)).toEqual([]);
        await context.close();
      });
    }
  }

  it('finds no serious violation on the workshop pages: joining, every phase of the room, the summary', async () => {
    const { url } = e2e().app;
    const checkpoint = await createCheckpointOver(url, { squad: 'in-life', facilitatorName: 'Fay' });
    const fay = await CheckpointClient.join(url, checkpoint.id, checkpoint.facilitator);
    const seatKey = `checkpoint-seat:${checkpoint.id}`;
    const seat = JSON.stringify(checkpoint.facilitator);
    const joinLink = new URL(checkpoint.joinUrl);
    for (const theme of ['light', 'dark'] as Theme[]) {
      const context = await openContext(e2e(), theme);
      await context.addInitScript(
        `localStorage.setItem(${JSON.stringify(seatKey)}, ${JSON.stringify(seat)})`,
      );
      const page = await context.newPage();
      const check = async (name: string) => {
        await settled(page);
        await page.waitForLoadState('networkidle');
        await screenshot(page, name, theme);
        expect(await seriousViolations(page), name).toEqual([]);
      };
      await page.goto(joinLink.pathname + joinLink.hash);
      await page.getByLabel('Your name').waitFor();
      await check('workshop-join');
      await page.goto(`/checkpoints/${checkpoint.id}`);
      for (const phase of phaseIds) {
        if (fay.view.phase !== phase) await fay.must({ type: 'setPhase', phase });
        if (phase === 'pathToProduction' && fay.view.flow.nodes.length === 0) {
          const step = { automation: 'manual', lane: 'delivery', y: 0 } as const;
          const build = await fay.must({ type: 'addNode', ...step, label: 'Build', x: 0 });
          const deploy = await fay.must({
            type: 'addNode',
            ...step,
            label: 'Deploy',
            x: 240,
            waitMinutes: 60,
          });
          await fay.must({ type: 'addEdge', from: build.createdId!, to: deploy.createdId! });
          await fay.must({
            type: 'addNote',
            nodeId: deploy.createdId!,
            kind: 'improvement',
            text: 'Deploy on merge',
          });
          await page.locator('.react-flow__node').nth(1).waitFor();
        }
        await page
          .getByRole('heading', { level: 2, name: phase === 'welcome' ? 'Welcome' : /./ })
          .first()
          .waitFor();
        await expect
          .poll(() => page.locator('.phase-number').textContent())
          .toBe(`Phase ${phaseIds.indexOf(phase) + 1} of ${phaseIds.length}`);
        await check(`workshop-${phase}`);
      }
      await page.goto(`/checkpoints/${checkpoint.id}/summary`);
      await check('workshop-summary-page');
      await context.close();
    }
    await fay.close();
  }, 180_000);

  it('offers a skip link as the first stop of the keyboard, and it moves focus to the content', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    await page.goto('/leaderboard');
    await settled(page);
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main:focus').count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('30 days');
    await context.close();
  });

  it('keeps the theme the reader chose, over the system preference', async () => {
    const context = await openContext(e2e(), 'light');
    const page = await context.newPage();
    await page.goto('/');
    await settled(page);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.reload();
    await settled(page);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });

  it('works at 390 px wide: no page wider than the screen', async () => {
    for (const [name, path] of pagesToCheck.filter(([n]) =>
      ['overview', 'leaderboard', 'squad', 'quickcheck', 'setup', 'deployments'].includes(n),
    )) {
      const context = await openContext(e2e(), 'light', 390);
      const page = await context.newPage();
      await page.goto(path);
      await settled(page);
      await screenshot(page, name, 'light', 390);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await context.close();
    }
  }, 120_000);
}
