import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { type E2e, numberIn, openContext, settled } from './support/e2eContext.js';

const rowOf = (page: Page, name: string) =>
  page
    .locator('table.leaderboard tbody tr')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });

/** The cell of a row under a column header (by the header's position). */
async function cellText(page: Page, name: string, header: RegExp): Promise<string> {
  const headers = await page.locator('table.leaderboard thead th').allTextContents();
  const index = headers.findIndex((text) => header.test(text));
  if (index < 0) throw new Error(`no column ${header}`);
  return (await rowOf(page, name).locator('th, td').nth(index).textContent()) ?? '';
}

/** The leaderboard: URL state, sorting, drill-down, CSV and live updates. */
export function leaderboardTests(e2e: () => E2e) {
  it('keeps grouping, filters, window and sort in the URL, and restores them from it', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    await page.goto('/leaderboard');
    await settled(page);
    await page.getByLabel('Group by').selectOption('squad');
    await expect.poll(() => page.url()).toContain('groupBy=squad');
    await page.getByLabel('Tribe').selectOption('ecommerce');
    await expect.poll(() => page.url()).toContain('tribe=ecommerce');
    await page.getByRole('navigation', { name: 'Window' }).getByRole('link', { name: '30 days' }).click();
    await expect.poll(() => page.url()).toContain('window=30');
    const header = page.getByRole('columnheader', { name: /Change failure rate/ });
    await header.getByRole('button').click();
    await expect.poll(() => page.url()).toContain('sort=changeFailureRate');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await header.getByRole('button').click();
    await expect.poll(() => page.url()).toContain('order=desc');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => page.locator('table.leaderboard tbody tr').count()).toBe(3);

    const shared = page.url();
    const fresh = await openContext(e2e());
    const restored = await fresh.newPage();
    await restored.goto(shared);
    await settled(restored);
    expect(await restored.getByLabel('Group by').inputValue()).toBe('squad');
    expect(await restored.getByLabel('Tribe').inputValue()).toBe('ecommerce');
    expect(
      await restored
        .getByRole('navigation', { name: 'Window' })
        .getByRole('link', { name: '30 days' })
        .getAttribute('aria-current'),
    ).toBe('true');
    expect(
      await restored.getByRole('columnheader', { name: /Change failure rate/ }).getAttribute('aria-sort'),
    ).toBe('descending');
    const names = await restored.locator('table.leaderboard tbody th').allTextContents();
    expect(names.sort()).toEqual(['checkout', 'product', 'search']);
    expect(await restored.locator('table.leaderboard caption').textContent()).toMatch(
      /^Squads by change failure rate \(descending\)/,
    );
    await fresh.close();
    await context.close();
  });

  it('ranks by improvement against each team’s own previous period', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    await page.goto('/leaderboard?groupBy=squad');
    await settled(page);
    await page.getByRole('link', { name: 'Most improved' }).click();
    await expect.poll(() => page.url()).toContain('sort=improvement');
    await settled(page);
    expect(await page.getByRole('columnheader', { name: /Improvement/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    const steps = await page.locator('table.leaderboard tbody tr td:last-child').allTextContents();
    const score = (text: string) =>
      text.includes('no change')
        ? 0
        : text === '—'
          ? -99
          : numberIn(text) * (text.includes('worse') ? -1 : 1);
    const scores = steps.map(score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await context.close();
  });

  it('drills from a deployments count to exactly the deployments behind it, and from the failure rate to the failed ones', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    await page.goto('/leaderboard?sort=deployments&order=asc');
    await settled(page);
    const name = (await page.locator('table.leaderboard tbody tr').nth(3).locator('th').textContent()) ?? '';
    const count = numberIn(await cellText(page, name, /^Deployments/));
    const failureLink = rowOf(page, name).getByRole('link', { name: /change failure rate/ });
    const failed = numberIn(
      /(\d+) failed deployments/.exec((await failureLink.getAttribute('aria-label')) ?? '')?.[0] ?? null,
    );
    await rowOf(page, name)
      .getByRole('link', { name: new RegExp(`^${count} deployments`) })
      .click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`/services/${name}/deployments\\?from=`));
    await settled(page, name);
    expect(numberIn(await page.getByTestId('drill-total').textContent())).toBe(count);
    expect(await page.locator('table.drill-table tbody tr').count()).toBe(Math.min(count, 100));

    await page.goBack();
    await settled(page, 'Leaderboard');
    await rowOf(page, name)
      .getByRole('link', { name: /change failure rate/ })
      .click();
    await expect.poll(() => page.url()).toContain('show=failed');
    await settled(page, name);
    await page.getByRole('heading', { level: 2, name: 'Deployments' }).waitFor();
    await settled(page);
    const rows = page.locator('table.drill-table tbody tr');
    if (failed === 0) expect(await page.getByText('No failed deployments in this window.').count()).toBe(1);
    else {
      expect(await rows.count()).toBe(failed);
      expect(await rows.getByText('Failed', { exact: true }).count()).toBe(failed);
    }
    await context.close();
  });

  it('exports the visible rows as a CSV download', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    await page.goto('/leaderboard?tribe=consumer');
    await settled(page);
    const first =
      (await page.locator('table.leaderboard tbody tr').first().locator('th').textContent()) ?? '';
    const count = numberIn(await cellText(page, first, /^Deployments/));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^leaderboard-service-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const lines = readFileSync((await download.path()) ?? '', 'utf8')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(
      /^service,squad,tribe,environment,deployments,deployment frequency band,lead time median \(h\)/,
    );
    const rows = await page.locator('table.leaderboard tbody tr').count();
    expect(lines).toHaveLength(rows + 1);
    expect(lines[1]?.startsWith(`${first},`)).toBe(true);
    expect(lines[1]?.split(',')[4]).toBe(String(count));
    expect(lines.slice(1).every((line) => line.split(',')[2] === 'consumer')).toBe(true);
    await context.close();
  });

  it('updates live when an event arrives while the leaderboard is open', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    await page.goto('/leaderboard?tribe=consumer');
    await settled(page);
    const before = numberIn(await cellText(page, 'my-garage', /^Deployments/));
    const now = new Date().toISOString();
    const response = await fetch(`${e2e().app.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'deployment',
        id: `e2e-${randomBytes(4).toString('hex')}`,
        source: 'e2e',
        service: 'my-garage',
        environment: 'production',
        sha: randomBytes(20).toString('hex'),
        status: 'success',
        startedAt: now,
        finishedAt: now,
      }),
    });
    expect(response.status).toBeLessThan(300);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Updated at' }).count(), { timeout: 10_000 })
      .toBe(1);
    // After an ingestion the server analyses the whole history again before it answers (seconds).
    await expect
      .poll(async () => numberIn(await cellText(page, 'my-garage', /^Deployments/)), { timeout: 45_000 })
      .toBe(before + 1);
    expect(await page.getByText(/1 new event from api/).count()).toBe(1);
    await context.close();
  }, 90_000);
}
