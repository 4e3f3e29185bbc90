import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StartedApp } from '../../support/startedApp.js';

/** What every browser test shares: the one started app and the browser. */
export interface E2e {
  app: StartedApp;
  browser: Browser;
}

export type Theme = 'light' | 'dark';

export const screensDir = '/tmp/screens';

/**
 * A fresh context (its own storage, like a fresh browser) in a colour scheme and width. The app's
 * Content Security Policy forbids inline scripts and eval, which the test tools need (axe is injected
 * as a script): `strict` keeps the policy, to prove the app itself needs neither.
 */
export async function openContext(
  e2e: E2e,
  theme: Theme = 'light',
  width = 1280,
  { strict = false }: { strict?: boolean } = {},
): Promise<BrowserContext> {
  return e2e.browser.newContext({
    baseURL: e2e.app.url,
    colorScheme: theme,
    viewport: { width, height: 900 },
    acceptDownloads: true,
    bypassCSP: !strict,
  });
}

/**
 * Waits until the page shows its heading (`heading`, when given: navigations keep the old page on
 * screen until the new one is ready) and no loading skeleton is left.
 */
export async function settled(page: Page, heading?: string | RegExp, timeout = 20_000): Promise<void> {
  await page.waitForLoadState('load');
  const h1 =
    heading === undefined
      ? page.locator('h1').first()
      : page.getByRole('heading', { level: 1, name: heading, exact: typeof heading === 'string' });
  await h1.waitFor({ timeout });
  const deadline = Date.now() + timeout;
  while ((await page.locator('.skeleton, [aria-busy="true"]').count()) > 0) {
    if (Date.now() > deadline)
      throw new Error(`${page.url()} still shows a loading skeleton after ${timeout} ms`);
    await page.waitForTimeout(50);
  }
}

/** A full-page screenshot into /tmp/screens, named after the page, theme and width. */
export async function screenshot(page: Page, name: string, theme: Theme, width = 1280): Promise<void> {
  mkdirSync(screensDir, { recursive: true });
  const suffix = width === 1280 ? '' : `-${width}`;
  await page.screenshot({ path: `${screensDir}/${name}-${theme}${suffix}.png`, fullPage: true });
}

/** The first number in a text ("1,234 deployments" → 1234). */
export function numberIn(text: string | null): number {
  const match = /(\d[\d,]*)/.exec(text ?? '');
  if (!match?.[1]) throw new Error(`no number in "${text}"`);
  return Number(match[1].replace(/,/g, ''));
}
