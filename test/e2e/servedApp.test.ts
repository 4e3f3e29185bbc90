import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { type StartedApp, startApp } from '../support/startedApp.js';

describe('the served web app (npm start, demo organisation)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'checkpoint-e2e-'));
  let app: StartedApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startApp({ DATA_DIR: dataDir, CHECKPOINT_ORG: '' }),
      launchChromium(),
    ]);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the demo organisation, clearly marked as demo', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
    expect(await page.getByRole('status').textContent()).toMatch(/Demo organisation/);
    expect(await page.getByText('4 tribes · 12 squads').count()).toBe(1);
    for (const squad of ['in-life', 'search', 'product', 'partner-tooling']) {
      expect(await page.getByRole('heading', { level: 3, name: squad, exact: true }).count()).toBe(1);
    }
    await page.close();
  });

  it('serves the app for deep links and answers unknown API routes with JSON', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${app.url}/squads/search`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('DevOps Checkpoint');
    const api = await fetch(`${app.url}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'not found' });
    await page.close();
  });
});
