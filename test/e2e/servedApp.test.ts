import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { type StartedApp, startApp } from '../support/startedApp.js';
import { accessibilityTests } from './accessibility.js';
import { leaderboardTests } from './leaderboard.js';
import { navigationTests } from './navigation.js';
import { performanceTests } from './performance.js';
import { quickCheckTests } from './quickCheck.js';
import { setupAndCatalogTests } from './setupAndCatalog.js';
import type { E2e } from './support/e2eContext.js';
import { workshopTests } from './workshop.js';

describe('the served web app (npm start, demo organisation)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'checkpoint-e2e-'));
  let app: StartedApp;
  let browser: Browser;
  const measured: string[] = [];
  const e2e = (): E2e => ({ app, browser });

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startApp({ DATA_DIR: dataDir, CHECKPOINT_ORG: '' }),
      launchChromium(),
    ]);
    // The first measurement analyses the whole generated history: do it once before timing anything.
    await fetch(`${app.url}/api/leaderboard`);
  }, 600_000);
  afterAll(async () => {
    for (const line of measured) console.log(`measured: ${line}`);
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('navigation', () => navigationTests(e2e));
  describe('leaderboard', () => leaderboardTests(e2e));
  describe('quick check', () => quickCheckTests(e2e));
  describe('setup and catalog', () => setupAndCatalogTests(e2e));
  describe('workshop', () => workshopTests(e2e, { checkpointId: null }));
  describe('performance', () => performanceTests(e2e, (line) => measured.push(line)));
  describe('accessibility and screenshots', () => accessibilityTests(e2e));
});
