import { expect, it } from 'vitest';
import { type E2e, openContext, settled } from './support/e2eContext.js';

/** Setup (webhooks, health, tokens) and the capability catalog. */
export function setupAndCatalogTests(e2e: () => E2e) {
  it('shows each source with its absolute webhook URL, instructions and health', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    await page.goto('/setup');
    await settled(page);
    const github = page.getByRole('region', { name: /^GitHub/ });
    expect(await github.locator('.webhook-url code').textContent()).toBe(`${e2e().app.url}/webhooks/github`);
    await github.getByText('What to configure in GitHub').click();
    const steps = (await github.locator('ol').textContent()) ?? '';
    for (const needed of [
      'application/json',
      'GITHUB_WEBHOOK_SECRET',
      'push',
      'pull_request',
      'deployment_status',
      'workflow_run',
      'issues',
    ]) {
      expect(steps).toContain(needed);
    }
    const datadog = page.getByRole('region', { name: /^Datadog/ });
    await datadog.getByText('What to configure in Datadog').click();
    expect(await datadog.locator('pre').first().textContent()).toContain('X-Checkpoint-Token');
    expect(await datadog.locator('pre').nth(1).textContent()).toContain('$ALERT_TRANSITION');
    expect(await page.getByRole('region', { name: /^GitLab/ }).textContent()).toContain('Last 24 hours');
    await context.close();
  });

  it('lets an admin create a token, shown once, and revoke it', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto('/setup');
    await settled(page);
    await page.getByLabel('Name').fill('e2e-ci');
    await page.getByLabel('Scope').selectOption('read');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = page.locator('code.secret');
    await expect.poll(() => secret.count()).toBe(1);
    const token = (await secret.textContent()) ?? '';
    expect(token.length).toBeGreaterThan(20);
    const check = await fetch(`${e2e().app.url}/api/org`, { headers: { authorization: `Bearer ${token}` } });
    expect(check.status).toBe(200);
    const table = page.getByRole('table', { name: 'Active API tokens' });
    // the list is read again after the token is created: wait for it, not just for the secret
    await expect.poll(() => table.getByRole('rowheader', { name: 'e2e-ci' }).count()).toBe(1);
    await page.getByRole('button', { name: 'I have copied it; hide it' }).click();
    await expect.poll(() => secret.count()).toBe(0);
    await table.getByRole('button', { name: 'Revoke e2e-ci' }).click();
    await expect.poll(() => page.getByRole('rowheader', { name: 'e2e-ci' }).count()).toBe(0);
    const refused = await fetch(`${e2e().app.url}/api/org`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refused.status).toBe(401);
    await context.close();
  });

  it('groups the capability catalog by category or current grouping and cites DORA', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    await page.goto('/capabilities');
    await settled(page);
    for (const heading of ['Technical', 'Measurement', 'Process', 'Cultural', 'Added since']) {
      expect(await page.getByRole('heading', { level: 2, name: new RegExp(`^${heading}`) }).count()).toBe(1);
    }
    await page.getByRole('link', { name: 'By current grouping' }).click();
    await expect.poll(() => page.url()).toContain('by=grouping');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /^Fast flow/ }).count()).toBe(1);
    await page.getByRole('link', { name: 'Continuous integration' }).click();
    await settled(page, 'Continuous integration');
    for (const section of [
      'How to implement it',
      'Common obstacles',
      'How to measure it',
      'Statements to assess it',
    ]) {
      expect(await page.getByRole('heading', { level: 2, name: section }).count()).toBe(1);
    }
    expect(
      await page.getByRole('link', { name: /DORA capability: Continuous integration/ }).getAttribute('href'),
    ).toBe('https://dora.dev/capabilities/continuous-integration/');
    await context.close();
  });
}
