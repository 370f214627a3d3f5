/**
 * The statistics screen opens on the centre's day: at 00:30 in Paris the UTC
 * day is still yesterday, and the default period must not end on it (it
 * would even end before it starts on the 1st of the month). Real Chromium
 * in the Europe/Paris time zone, its clock set to 1 December 00:30.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../integration/support/demo-server.js';
import { launchBrowser } from './support/browser.js';
import { openAdminSection } from './support/pages.js';

const built = existsSync(resolve(import.meta.dirname, '../../../workstation/dist/index.html'));

describe.runIf(built)('statistics screen in Europe/Paris', () => {
  let demo: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('the default period is the 1st of the month to today, local day', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, timezoneId: 'Europe/Paris' });
    await context.clock.install({ time: new Date('2026-12-01T00:30:00+01:00') });
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/workstation/`);
    await page.getByLabel('Identifiant').fill('admin');
    await page.getByLabel('Mot de passe').fill('demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    expect(await page.evaluate(() => new Date().toISOString().slice(0, 10))).toBe('2026-11-30');

    await openAdminSection(page, 'Statistiques et exports');
    const form = page.getByLabel('Statistiques');
    expect(await form.getByLabel('Du').inputValue()).toBe('2026-12-01');
    expect(await form.getByLabel('Au').inputValue()).toBe('2026-12-01');
    await context.close();
  }, 60_000);
});
