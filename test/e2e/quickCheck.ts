import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { type E2e, openContext, settled } from './support/e2eContext.js';

/** Answers the current option question with the keyboard: into the group, arrow keys, Enter. */
async function answerWithKeys(page: Page, steps: number): Promise<void> {
  const first = page.locator('fieldset.options input[type=radio]').first();
  await first.focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

/** The Quick Check taken through to its result, prioritising, and the shared link in a fresh browser. */
export function quickCheckTests(e2e: () => E2e) {
  it('takes the 2019 Quick Check by keyboard to a tier, percentile, capabilities and priorities', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    await page.goto('/quickcheck');
    await settled(page);
    await page.getByLabel(/Quick Check 2019/).check();
    await page.getByLabel('Industry (to compare with)').selectOption('technology');
    await page.getByRole('button', { name: 'Start' }).click();
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Lead time for changes');
    // Lead time: the first option is "More than six months"; four steps down is "Less than one day" (5).
    await answerWithKeys(page, 4);
    expect(await page.getByText('Question 2 of 4').count()).toBe(1);
    await page.getByRole('button', { name: 'Back' }).click();
    expect(await page.getByLabel('Less than one day').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Continue' }).click();
    await answerWithKeys(page, 3); // deploy frequency 4
    await answerWithKeys(page, 4); // time to restore 5
    await answerWithKeys(page, 4); // change fail 5: 16–30%
    await expect.poll(() => page.url()).toContain('/quickcheck/result?');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      edition: '2019',
      industry: 'technology',
      leadtime: '5',
      deployfreq: '4',
      ttr: '5',
      chgfail: '5',
    });
    await settled(page);
    const tier = await page.getByRole('heading', { name: /Performance tier/ }).textContent();
    expect(tier).toContain('High');
    expect(await page.getByText('Better than 69% of respondents.').count()).toBe(1);
    expect(await page.getByRole('table', { name: /against Technology/ }).count()).toBe(1);
    for (const capability of ['Learning culture', 'Work in process limits', 'Trunk-based development']) {
      // the capabilities come from the catalog, fetched after the result: wait for them, then count
      const link = page.getByRole('listitem').getByRole('link', { name: capability });
      await link.first().waitFor();
      expect(await link.count()).toBe(1);
    }

    await page.getByRole('button', { name: 'Help me prioritise' }).click();
    const groups = page.locator('fieldset.likert');
    await expect.poll(() => groups.count()).toBeGreaterThan(5);
    const total = await groups.count();
    for (let i = 0; i < total; i++) {
      await groups
        .nth(i)
        .getByLabel(i < 3 ? 'Disagree' : 'Agree', { exact: true })
        .check();
    }
    await page.getByRole('button', { name: 'Rank the capabilities' }).click();
    await expect.poll(() => page.getByText(/^Key focus: /).count()).toBe(1);
    expect(await page.getByText('Key focus: Learning culture.').count()).toBe(1);
    expect(
      await page
        .getByRole('table', { name: /lowest score first/ })
        .locator('tbody tr')
        .count(),
    ).toBe(3);
    await context.close();
  });

  it('opens a shared result link in a fresh browser with the same result', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    await page.goto('/quickcheck');
    await settled(page);
    await page.getByRole('button', { name: 'Start' }).click(); // the 2025 edition is chosen by default
    await answerWithKeys(page, 3); // lead time: one day to one week
    await answerWithKeys(page, 4); // deployment frequency: hourly to daily
    await answerWithKeys(page, 4); // recovery: less than one day
    await page.getByLabel('Percentage (0 to 100)').fill('10');
    await page.keyboard.press('Enter');
    await page.getByLabel('Percentage (0 to 100)').fill('5');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('/quickcheck/result?');
    await settled(page);
    const shared = (await page.locator('.share-link code').textContent()) ?? '';
    expect(shared).toBe(
      `${e2e().app.url}/quickcheck/result?edition=2025&leadtime=4&deployfreq=5&failurerecovery=5&changefailure=10&rework=5`,
    );
    const summary = async (p: Page) => ({
      scores: await p.locator('.big-number strong').allTextContents(),
      lines: await p.locator('.score-row').allTextContents(),
    });
    const mine = await summary(page);
    expect(mine.scores).toEqual(['8.1', '7.3', '9.3']);

    const fresh = await openContext(e2e(), 'dark', 390);
    const other = await fresh.newPage();
    await other.goto(shared);
    await settled(other);
    expect(await summary(other)).toEqual(mine);
    await fresh.close();
    await context.close();
  });

  it('explains a result link that is incomplete instead of guessing', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    await page.goto('/quickcheck/result?edition=2019&leadtime=9');
    await settled(page);
    expect(await page.getByRole('alert').textContent()).toMatch(/answers\.leadtime/);
    await context.close();
  });
}
