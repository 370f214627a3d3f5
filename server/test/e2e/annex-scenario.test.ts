/**
 * The annex scenario in real browsers: Joël checks in at the kiosk; Sophie
 * (reception), Christelle, Luc, Carole, Patrick and Marie each get notified
 * and call him; the TV display shows every call within a second; notes
 * follow him; the dietician step added by Luc happens; he leaves.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../integration/support/demo-server.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { openScreen, signInWorkstation } from './support/pages.js';

const built = ['kiosk', 'display', 'workstation'].every((app) =>
  existsSync(resolve(import.meta.dirname, `../../../${app}/dist/index.html`)),
);

describe.runIf(built)('annex scenario in the browser', () => {
  let demo: DemoServer;
  let browser: Browser;
  const pages: Record<string, Page> = {};

  async function open(name: string, path: string): Promise<Page> {
    const page = await openScreen(browser, `${demo.server.url}${path}`);
    pages[name] = page;
    return page;
  }

  async function signIn(name: string): Promise<Page> {
    const page = await signInWorkstation(browser, demo.server.url, name);
    pages[name] = page;
    return page;
  }

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    await open('display', '/display/?device=demo-ecran-salle-0001&hold=1500');
    await open('kiosk', '/kiosk/?device=demo-borne-accueil-0001&reset=4000');
    const sophie = await signIn('sophie');
    await sophie.getByRole('button', { name: /^Accueil/ }).click();
    for (const name of ['christelle', 'luc', 'carole', 'patrick', 'marie']) await signIn(name);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  const page = (name: string): Page => pages[name] as Page;

  /** The professional goes available, is notified, calls Joël; the display shows it within a second. */
  async function callJoel(name: string, room: string): Promise<void> {
    const p = page(name);
    await p.getByRole('button', { name: 'Disponible' }).click();
    await p.getByText('Pour vous').waitFor();
    await expect
      .poll(() =>
        p.evaluate(() => (window as unknown as { __notifications: unknown[] }).__notifications.length),
      )
      .toBeGreaterThan(0);
    await p.getByRole('button', { name: 'Appeler le suivant' }).click();
    const clicked = Date.now();
    const call = page('display').getByTestId('current-call');
    await call.getByText(room, { exact: true }).waitFor({ timeout: 1_000 });
    expect(Date.now() - clicked).toBeLessThan(1_000);
    await expect.poll(() => call.textContent()).toContain('M. MARTIN');
    await screenshot(page('display'), `display-call-${name}`);
  }

  async function care(name: string): Promise<void> {
    const p = page(name);
    await p.getByRole('button', { name: 'Commencer la prise en charge' }).click();
    await p.getByRole('button', { name: 'Terminer la prise en charge' }).waitFor();
    await screenshot(p, `workstation-${name}`);
    await p.getByRole('button', { name: 'Terminer la prise en charge' }).click();
    await p.getByText('Prise en charge terminée.').waitFor();
  }

  it('Joël checks in at the kiosk with his name and birth date', async () => {
    const kiosk = page('kiosk');
    await screenshot(kiosk, 'kiosk-home');
    await kiosk.getByRole('button', { name: 'Je tape mon nom et ma date de naissance' }).click();
    for (const letter of 'MARTIN') await kiosk.getByRole('button', { name: letter, exact: true }).click();
    await kiosk.getByRole('button', { name: 'Continuer' }).click();
    for (const digit of '12041961') await kiosk.getByRole('button', { name: digit, exact: true }).click();
    await kiosk.getByRole('button', { name: 'Valider' }).click();
    await kiosk.getByText('Votre arrivée est enregistrée').waitFor();
    await expect.poll(() => kiosk.textContent('body')).toContain('dossier');
    await screenshot(kiosk, 'kiosk-recognised');
    // The screen resets by itself and keeps nothing of Joël.
    await kiosk
      .getByRole('button', { name: 'Je tape mon nom et ma date de naissance' })
      .waitFor({ timeout: 10_000 });
    expect(await kiosk.textContent('body')).not.toContain('MARTIN');
  });

  it('Sophie sees him arrived at reception', async () => {
    const row = page('sophie').getByRole('row', { name: /MARTIN Joël/ });
    await expect.poll(() => row.textContent()).toContain('En attente');
    await screenshot(page('sophie'), 'reception');
  });

  it('Christelle calls him to Box 1 and opens his file', async () => {
    await callJoel('christelle', 'Box 1');
    await care('christelle');
  });

  it('Luc calls him, writes a note and adds a dietician step', async () => {
    await callJoel('luc', 'Cabinet 1');
    const luc = page('luc');
    await luc.getByRole('button', { name: 'Commencer la prise en charge' }).click();
    await luc.getByLabel('Nouvelle note').fill('À jeun : prévoir la collation après la prise de sang.');
    await luc.getByRole('button', { name: 'Ajouter la note' }).click();
    await luc.getByText('Note ajoutée.').waitFor();
    await luc.getByRole('checkbox', { name: 'Diététicien', exact: true }).check();
    await screenshot(luc, 'workstation-luc');
    await luc.getByRole('button', { name: 'Terminer la prise en charge' }).click();
    await luc.getByText('Prise en charge terminée.').waitFor();
  });

  it('Carole sees the note, then Patrick takes the blood sample', async () => {
    await callJoel('carole', 'Salle de soins 1');
    await page('carole').getByText('À jeun : prévoir la collation après la prise de sang.').waitFor();
    await care('carole');
    await callJoel('patrick', 'Laboratoire 1');
    await care('patrick');
  });

  it('Marie (dietician) sees him last; his journey ends', async () => {
    await callJoel('marie', 'Bureau 12');
    await care('marie');
    const row = page('sophie').getByRole('row', { name: /MARTIN Joël/ });
    await expect.poll(() => row.textContent()).toContain('Parcours terminé');
    await screenshot(page('sophie'), 'reception-done');
  });

  it('the display lists the last calls and never shows more than civility, name and room', async () => {
    const text = (await page('display').textContent('body')) ?? '';
    expect(text).toContain('Derniers appels');
    expect(text).not.toMatch(/Joël|1961|jeun/);
    await page('display').setViewportSize({ width: 3840, height: 2160 });
    await screenshot(page('display'), 'display-4k');
  });
});
