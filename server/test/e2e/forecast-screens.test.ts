/**
 * The forecast and the satisfaction question on the real screens (issue 17,
 * items 4 and 7), in Chromium against the real server: the kiosk's « dans
 * environ … », the desk's next consultant, reception's and the after-care
 * notice's next step with its wait, the supervisor's expected end, the TV's
 * waits per category once enabled (no names), the satisfaction tap linked by
 * the convocation, and its share in the administrator's statistics.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { localDay, type DisplaySettings } from '@gfa/shared';
import { startDemoServer, type DemoServer } from '../integration/support/demo-server.js';
import type { ApiClient } from '../integration/support/https-client.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { openAdminSection, openScreen, seriousAxeViolations, signInWorkstation } from './support/pages.js';

const built = ['kiosk', 'display', 'workstation'].every((app) =>
  existsSync(resolve(import.meta.dirname, `../../../${app}/dist/index.html`)),
);
/** Joël's convocation (demo centre): an EPS journey, administrative file first. */
const JOEL = 'RDV-0001';

describe.runIf(built)('forecast and satisfaction on the screens', () => {
  let demo: DemoServer;
  let browser: Browser;
  let kiosk: Page;
  let staff: ApiClient[];

  /**
   * A scanner types fast and ends with Enter: the keys are dispatched in one go, so that a loaded
   * machine cannot space them out beyond the scanner's gap (a human typing is ignored).
   */
  const scan = (code: string) =>
    kiosk.evaluate((keys) => {
      for (const key of [...keys, 'Enter']) window.dispatchEvent(new KeyboardEvent('keydown', { key }));
    }, code);

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    // The administrative desk, a doctor, a nurse and a lab technician: an EPS journey can run to its end.
    staff = await Promise.all(['christelle', 'luc', 'carole', 'patrick'].map((login) => demo.login(login)));
    for (const client of staff)
      expect((await client.call('POST', '/api/desk/presence', { state: 'available' })).status).toBe(200);
    kiosk = await openScreen(browser, `${demo.server.url}/kiosk/?device=demo-borne-accueil-0001&reset=60000`);
    await kiosk.getByRole('button', { name: 'Je tape mon nom et ma date de naissance' }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('tells the visitor at the kiosk when they will be called', async () => {
    await scan(JOEL);
    const estimate = kiosk.locator('.kiosk-estimate');
    await estimate.waitFor();
    const text = await estimate.textContent();
    expect(text).toMatch(
      /^Vous serez appelé\(e\) dans (environ \d+ (minutes|h \d+|heures?)|quelques instants)\.$/,
    );
    expect(text).not.toMatch(/\b0 minute/);
    await screenshot(kiosk, 'kiosk-call-estimate');
    await kiosk.getByRole('button', { name: 'Terminer' }).click();
  });

  it('shows the professional the next consultant expected and who comes next', async () => {
    const page = await signInWorkstation(browser, demo.server.url, 'christelle');
    const forecast = page.getByTestId('desk-forecast');
    await expect
      .poll(() => forecast.textContent(), { timeout: 15_000 })
      .toMatch(/Prochain consultant attendu vers \d{2} h \d{2} \((~\d+ min|moins d’1 min)\)/);
    expect(await forecast.textContent()).toContain('À venir : M. MARTIN (vers ');
    await screenshot(page, 'desk-forecast');

    // The care done at the desk: the notice says the next step and its estimated wait.
    const row = page
      .getByRole('region', { name: /Ma file|File de ma catégorie/ })
      .locator('li', { hasText: 'MARTIN' });
    await row.first().getByRole('button', { name: 'Appeler' }).click();
    await page.getByRole('button', { name: 'Commencer la prise en charge' }).click();
    await page.getByRole('button', { name: 'Terminer la prise en charge' }).click();
    const notice = page.getByRole('status', { name: 'Où va le consultant' });
    await expect
      .poll(() => notice.getByTestId('next-step').textContent(), { timeout: 15_000 })
      .toMatch(/^Prochaine étape : .+, attente estimée (~\d+ min|moins d’1 min)$/);
    await screenshot(page, 'after-care-next-step');
    await page.context().close();
  });

  it('shows reception the next step of each visitor with its estimated wait', async () => {
    const page = await signInWorkstation(browser, demo.server.url, 'sophie');
    const row = page.getByRole('table', { name: 'Consultants du jour' }).locator('tr', { hasText: 'MARTIN' });
    await expect
      .poll(() => row.first().getByTestId('next-step').textContent(), { timeout: 15_000 })
      .toMatch(/^Prochaine étape : .+, attente estimée (~\d+ min|moins d’1 min)$/);
    await page.context().close();
  });

  it('shows the supervisor each journey’s expected end', async () => {
    const page = await signInWorkstation(browser, demo.server.url, 'virginie');
    await page.getByRole('button', { name: 'Supervision', exact: true }).click();
    const row = page
      .getByRole('table', { name: 'Consultants du jour' })
      .locator('tr', { hasText: 'MARTIN Joël' });
    await expect
      .poll(() => row.getByTestId('expected-end').textContent(), { timeout: 15_000 })
      .toMatch(/^vers \d{2}:\d{2}$/);
    await screenshot(page, 'supervision-expected-end');
    await page.context().close();
  });

  it('shows the TV the waits per category once the administrator enables it, with no name', async () => {
    const tv = await openScreen(browser, `${demo.server.url}/display/?device=demo-ecran-salle-0001`);
    await tv.waitForTimeout(1_500);
    expect(await tv.locator('.display-waits').count()).toBe(0);
    const admin = await demo.login('admin');
    const settings = await admin.call<DisplaySettings>('GET', '/api/settings/display');
    expect(
      (await admin.call('PUT', '/api/settings/display', { ...settings.body, categoryWaits: true })).status,
    ).toBe(200);
    const band = tv.getByRole('complementary', { name: 'Attente estimée' });
    await band.waitFor({ timeout: 15_000 });
    const text = (await band.textContent()) ?? '';
    expect(text).toMatch(/(~\d+ (min|h)|moins de 5 min)/);
    expect(text).not.toMatch(/MARTIN|Joël/i);
    await screenshot(tv, 'tv-category-waits');
    await tv.context().close();
  });

  it('takes a satisfaction tap linked by the convocation, read in the statistics', async () => {
    await kiosk.getByRole('button', { name: 'Je pars : je donne mon avis sur ma visite' }).click();
    await kiosk.getByRole('heading', { name: 'Êtes-vous satisfait(e) de votre visite ?' }).waitFor();
    // Touch-sized faces.
    const sizes = await kiosk
      .locator('.kiosk-face')
      .evaluateAll((faces) =>
        faces.map((f) => Math.min(f.getBoundingClientRect().width, f.getBoundingClientRect().height)),
      );
    expect(sizes).toHaveLength(5);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(200);
    expect(await seriousAxeViolations(kiosk)).toEqual([]);
    expect(await kiosk.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)).toBe(
      false,
    );
    await scan(JOEL);
    await kiosk
      .getByText('Convocation lue : votre avis sera rattaché à votre visite, sans votre nom.')
      .waitFor();
    await kiosk.getByRole('button', { name: 'Satisfait', exact: true }).click();
    await kiosk.getByRole('heading', { name: 'Merci pour votre avis !' }).waitFor();
    await screenshot(kiosk, 'kiosk-satisfaction-thanks');

    const page = await signInWorkstation(browser, demo.server.url, 'admin');
    await openAdminSection(page, 'Statistiques et exports');
    const today = localDay(Date.now());
    await page.getByLabel('Du').fill(today);
    await page.getByLabel('Au').fill(today);
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect
      .poll(() => page.getByTestId('csat').textContent(), { timeout: 15_000 })
      .toBe('100 % satisfaits — 1 réponse, dont 1 satisfaite ou très satisfaite.');
    const byBand = page.getByRole('table', { name: 'Par durée de parcours' });
    expect(await byBand.locator('tr', { hasText: 'Moins d’1 h' }).textContent()).toContain('1');
    await page.context().close();
  });
});
