import { expect, it } from 'vitest';
import { type E2e, numberIn, openContext, settled } from './support/e2eContext.js';

/** Every page is reachable by links, and deep links work. */
export function navigationTests(e2e: () => E2e) {
  it('shows the demo organisation, clearly marked as demo, with its structure one link away', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    await page.goto('/');
    await settled(page);
    expect(await page.getByRole('complementary', { name: 'Demo' }).textContent()).toMatch(
      /Demo organisation/,
    );
    await page.getByRole('link', { name: "see the organisation's structure" }).click();
    await expect.poll(() => page.url()).toMatch(/\/org$/);
    await settled(page, 'Acme Motors');
    expect(await page.getByText('4 tribes · 12 squads').count()).toBe(1);
    for (const squad of ['in-life', 'search', 'product', 'partner-tooling']) {
      expect(await page.getByRole('heading', { level: 3, name: squad, exact: true }).count()).toBe(1);
    }
    await context.close();
  });

  it('reaches every section by the links of the main navigation, within the Content Security Policy', async () => {
    const context = await openContext(e2e(), 'light', 1280, { strict: true });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto('/');
    await settled(page);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const sections = [
      ['Leaderboard', /\/leaderboard$/, 'Leaderboard'],
      ['Quick Check', /\/quickcheck$/, 'Quick Check'],
      ['Capabilities', /\/capabilities$/, 'Capability catalog'],
      ['Organisation', /\/org$/, 'Acme Motors'],
      ['Setup', /\/setup$/, 'Setup'],
      ['Overview', /\/$/, 'Acme Motors: overview'],
    ] as const;
    for (const [link, url, heading] of sections) {
      await nav.getByRole('link', { name: link, exact: true }).click();
      await expect.poll(() => page.url()).toMatch(url);
      await settled(page, heading);
      expect(await nav.getByRole('link', { name: link, exact: true }).getAttribute('aria-current')).toBe(
        'page',
      );
    }
    await context.close();
  });

  it('goes from the overview to a squad, its service and its deployments by links', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    await page.goto('/');
    await settled(page);
    const tiers = page.getByRole('table', { name: /Squads by tier/ });
    await tiers.getByRole('link', { name: 'search', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/\/squads\/search/);
    await settled(page, 'search');
    expect(await page.getByText('No checkpoint yet.').count()).toBe(2);
    expect(
      await page
        .getByText(/Elite performer|High performer|Medium performer|Low performer|Not enough data/)
        .count(),
    ).toBeGreaterThan(0);
    await page
      .getByRole('table', { name: 'Services and their figures' })
      .getByRole('link', { name: 'vehicle-search' })
      .click();
    await settled(page, 'vehicle-search');
    await page
      .getByRole('navigation', { name: 'vehicle-search pages' })
      .getByRole('link', { name: 'Deployments' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Deployments' }).waitFor();
    await settled(page);
    const total = numberIn(await page.getByTestId('drill-total').textContent());
    expect(total).toBeGreaterThan(0);
    expect(await page.getByRole('table', { name: /Deployments of vehicle-search/ }).count()).toBe(1);
    await context.close();
  });

  it('serves the app for deep links and answers unknown API routes with JSON', async () => {
    const context = await openContext(e2e());
    const page = await context.newPage();
    const response = await page.goto('/squads/search');
    expect(response?.status()).toBe(200);
    await settled(page);
    expect(await page.title()).toBe('search · Squads · DevOps Checkpoint');
    await page.goto('/no/such/page');
    await settled(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'There is no page at this address',
    );
    const api = await fetch(`${e2e().app.url}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'not found' });
    await context.close();
  });
}
