/**
 * Issue 14 item 9 in real Chromium: Sophie's reception on a morning of 80
 * appointments, at 1366×768 and 1920×1080. The kiosk sends someone to
 * reception, the server restarts (the alert, with its time and what was
 * typed, is still listed), Sophie lands on « Accueil », finds « joel martin »,
 * filters, sorts, sees who has whom, and prints the day's list and a
 * circulation sheet whose barcode zbarimg reads back. While the server is
 * down her « Le serveur est injoignable. » notice shows, and it goes once
 * the server is back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { SessionDto, VisitDto } from '@gfa/shared';
import { DEMO_DEVICE_TOKENS, DEMO_PASSWORD, seedDemo } from '../../src/demo/seed-demo.js';
import { localDay } from '../../src/calendar/local-time.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { apiClient, type ApiClient } from '../integration/support/https-client.js';
import { artifacts, launchBrowser, screenshot } from './support/browser.js';
import { seriousAxeViolations, signInWorkstation } from './support/pages.js';

const built = existsSync(resolve(import.meta.dirname, '../../../workstation/dist/index.html'));

describe.runIf(built)('reception at the scale of a real morning', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gfa-reception-'));
  let server: RunningServer;
  let browser: Browser;
  let ca: string;
  const clients: ApiClient[] = [];
  let withChristelle: VisitDto;

  /** Starts (or restarts) the server on the same data directory, and port when given. */
  const start = async (port = 0): Promise<RunningServer> => {
    server = await startServer({
      dataDir,
      host: '127.0.0.1',
      port,
      seed: (db, at) => seedDemo(db, localDay(at), at).then(() => undefined),
    });
    ca = readFileSync(join(dataDir, 'ca.pem'), 'utf8');
    return server;
  };
  const open = async (body: object): Promise<ApiClient> => {
    const client = apiClient(server.url, ca);
    clients.push(client);
    const res = await client.call<SessionDto>('POST', '/api/session', body);
    expect(res.status).toBe(200);
    client.token = res.body.token;
    return client;
  };
  const tools = (page: Page) => page.getByRole('search', { name: 'Filtrer la liste du jour' });
  const rows = (page: Page) => page.getByRole('table', { name: 'Consultants du jour' }).locator('tbody tr');
  /** Rows entirely inside the window, without scrolling. */
  const visibleRows = (page: Page): Promise<number> =>
    page.evaluate(
      () =>
        [...document.querySelectorAll('table[aria-label="Consultants du jour"] tbody tr')].filter(
          (tr) => tr.getBoundingClientRect().bottom <= window.innerHeight,
        ).length,
    );

  beforeAll(async () => {
    await start();
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    for (const c of clients) await c.close();
    await server?.close();
  });

  it('keeps the kiosk alert with its time and typed name across a restart, and Sophie lands on « Accueil »', async () => {
    const kiosk = await open({ deviceToken: DEMO_DEVICE_TOKENS.kiosk });
    const sent = await kiosk.call('POST', '/api/checkin', {
      idempotencyKey: 'reception-alert-0001',
      by: { kind: 'identity', lastName: 'Dupond', birthDate: '1970-05-06' },
    });
    expect(sent.body).toMatchObject({ outcome: 'reception' });
    const sentAt = Date.now();
    await server.close();
    await start();

    // A morning in progress: 20 arrivals, one of them with Christelle now.
    const sophie = await open({ login: 'sophie', password: DEMO_PASSWORD });
    const visits = (await sophie.call<{ visits: VisitDto[] }>('GET', '/api/visits')).body.visits;
    expect(visits.length).toBeGreaterThanOrEqual(80);
    const eps = visits.filter((v) => v.reasonId === 'eps').slice(0, 20);
    for (const v of eps) {
      expect((await sophie.call('POST', '/api/visits', { appointmentId: v.appointmentId })).status).toBe(200);
    }
    const christelle = await open({ login: 'christelle', password: DEMO_PASSWORD });
    await christelle.call('POST', '/api/desk/presence', { state: 'available' });
    const called = await christelle.call<{ visit: VisitDto }>('POST', '/api/desk/call-next');
    expect(called.status).toBe(200);
    withChristelle = called.body.visit;
    await christelle.call('POST', `/api/visits/${withChristelle.id}/actions`, { type: 'start' });

    const page = await signInWorkstation(browser, server.url, 'sophie');
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await page.getByRole('button', { name: /^Accueil/ }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByRole('button', { name: 'Accueil (1)' }).count()).toBe(1);
    const alert = page.getByRole('list', { name: 'Alertes de la borne' }).locator('li');
    expect(await alert.count()).toBe(1);
    const time = new Date(sentAt).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
    expect(await alert.innerText()).toContain(time);
    expect(await alert.innerText()).toContain('« DUPOND », né(e) le 06/05/1970');
    await page.getByRole('button', { name: 'Vu', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Accueil', exact: true }).count()).toBe(1);

    // Dense: 15 rows or more without scrolling, at 1366×768.
    await rows(page).first().waitFor();
    expect(await rows(page).count()).toBe(visits.length);
    await screenshot(page, 'reception-1366');
    expect(await visibleRows(page)).toBeGreaterThanOrEqual(15);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Who has the visitor, and which step.
    const row = rows(page).filter({ hasText: withChristelle.identity.lastName.toUpperCase() }).first();
    expect(await row.innerText()).toContain('Christelle Moreau');
    expect(await row.innerText()).toContain('Dossier administratif');
    expect(await row.innerText()).toContain('En consultation');

    // Any word order, accents folded; birth date and arrival time shown.
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill('joel martin');
    await expect.poll(() => rows(page).count()).toBe(1);
    const joel = await rows(page).first().innerText();
    expect(joel).toContain('MARTIN');
    expect(joel).toContain('12/04/1961');
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill('');

    // Filters: in the building, then by status and reason.
    await page.getByRole('checkbox', { name: 'Dans le bâtiment' }).check();
    await expect.poll(() => rows(page).count()).toBe(20);
    await page.getByRole('checkbox', { name: 'Dans le bâtiment' }).uncheck();
    await tools(page).getByLabel('État').selectOption({ label: 'Attendu' });
    await expect.poll(() => rows(page).count()).toBe(visits.length - 20);
    await tools(page).getByLabel('Motif').selectOption({ label: 'Mon bilan prévention' });
    await expect.poll(() => rows(page).count()).toBe(visits.filter((v) => v.reasonId === 'mbp').length);
    await tools(page).getByLabel('État').selectOption({ label: 'Tous' });
    await tools(page).getByLabel('Motif').selectOption({ label: 'Tous' });

    // Sortable: by name, then reversed.
    const names = async () =>
      (await rows(page).locator('td:nth-child(2) strong').allInnerTexts()).slice(0, 80);
    await page.getByRole('button', { name: 'Consultant', exact: true }).click();
    const ascending = await names();
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, 'fr')));
    await page.getByRole('button', { name: /^Consultant/ }).click();
    expect(await names()).toEqual([...ascending].reverse());
    expect(await page.getByRole('columnheader', { name: /Consultant/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );

    await page.setViewportSize({ width: 1920, height: 1080 });
    expect(await visibleRows(page)).toBeGreaterThanOrEqual(25);
    await screenshot(page, 'reception-1920');
  }, 120_000);

  it('prints the day list and a circulation sheet whose barcode reads back', async () => {
    const page = await signInWorkstation(browser, server.url, 'sophie');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.evaluate(() => {
      (window as unknown as { printed: string[] }).printed = [];
      window.print = () =>
        (window as unknown as { printed: string[] }).printed.push(document.body.dataset.print ?? '');
    });
    const printed = () => page.evaluate(() => (window as unknown as { printed: string[] }).printed);

    await page.getByRole('button', { name: 'Imprimer la liste' }).click();
    expect(await printed()).toEqual(['list']);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ws-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Imprimer la liste' }).isVisible()).toBe(false);
    expect(await page.getByRole('table', { name: 'Consultants du jour' }).isVisible()).toBe(true);
    await screenshot(page, 'reception-print-list');
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('searchbox', { name: 'Rechercher' }).fill('martin joel');
    await page.getByRole('button', { name: /^Feuille de circulation de MARTIN/ }).click();
    await expect.poll(printed).toEqual(['list', 'sheets']);
    await page.evaluate(() => (document.body.dataset.print = 'sheets'));
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByRole('article', { name: 'Feuille de circulation de MARTIN' });
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: 'Consultants du jour' }).isVisible()).toBe(false);
    const text = await sheet.innerText();
    for (const expected of [
      'MARTIN Joël',
      '12/04/1961',
      'Examen de prévention en santé',
      'Dossier administratif',
      'Prise de sang',
    ])
      expect(text).toContain(expected);
    const barcode = sheet.getByRole('img', { name: /^Code-barres de la convocation/ });
    const reference = (await barcode.getAttribute('aria-label'))?.replace(
      'Code-barres de la convocation ',
      '',
    );
    expect(reference).toMatch(/\S/);
    const file = join(artifacts, 'reception-circulation-sheet.png');
    await screenshot(page, 'reception-circulation-sheet');
    expect(execFileSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' }).trim()).toBe(reference);
    await page.emulateMedia({ media: 'screen' });
  });

  it('clears « Le serveur est injoignable. » once the server is back', async () => {
    const page = await signInWorkstation(browser, server.url, 'sophie');
    const arrived = page.getByRole('button', { name: 'Arrivé', exact: true }).first();
    await arrived.waitFor();
    const port = server.port;
    await server.close();
    await arrived.click();
    const notice = page.getByText('Le serveur est injoignable.');
    await notice.waitFor();
    await start(port);
    await notice.waitFor({ state: 'detached', timeout: 20_000 });
    await page.getByRole('table', { name: 'Consultants du jour' }).waitFor();
  }, 120_000);

  it('shows clinical controls only to clinical staff, and the « Accueil (n) » badge only to reception staff', async () => {
    // A new kiosk alert: Sophie's badge counts it, Christelle's tab does not.
    const kiosk = await open({ deviceToken: DEMO_DEVICE_TOKENS.kiosk });
    await kiosk.call('POST', '/api/checkin', {
      idempotencyKey: 'reception-alert-0002',
      by: { kind: 'reference', reference: 'INCONNUE-42' },
    });
    const christelle = await signInWorkstation(browser, server.url, 'christelle');
    await christelle.setViewportSize({ width: 1366, height: 768 });
    expect(await christelle.getByRole('button', { name: 'Mon poste' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await christelle.getByRole('region', { name: 'Consultant en cours' }).waitFor();
    expect(await christelle.getByRole('button', { name: /^ECG/ }).count()).toBe(0);
    expect(await christelle.getByRole('button', { name: /^Prélèvement/ }).count()).toBe(0);
    expect(await christelle.getByRole('checkbox', { name: /Diététicien/i }).count()).toBe(0);
    expect(await christelle.getByRole('button', { name: 'Accueil', exact: true }).count()).toBe(1);
    await screenshot(christelle, 'desk-administrative-1366');
    expect(await seriousAxeViolations(christelle)).toEqual([]);

    const api = await open({ login: 'christelle', password: DEMO_PASSWORD });
    await api.call('POST', `/api/visits/${withChristelle.id}/actions`, { type: 'finish', addSteps: [] });
    const luc = await open({ login: 'luc', password: DEMO_PASSWORD });
    await luc.call('POST', '/api/desk/presence', { state: 'available' });
    const called = await luc.call<{ visit: VisitDto }>('POST', '/api/desk/call-next');
    expect(called.status).toBe(200);
    await luc.call('POST', `/api/visits/${called.body.visit.id}/actions`, { type: 'start' });
    const doctor = await signInWorkstation(browser, server.url, 'luc');
    await doctor.getByRole('region', { name: 'Consultant en cours' }).waitFor();
    expect(await doctor.getByRole('button', { name: /^ECG/ }).count()).toBe(2);
    // A wrong tick is corrected (Q-ACT-13).
    const tick = doctor.getByRole('button', { name: /ECG : lecture/ });
    await tick.click();
    await expect.poll(() => tick.getAttribute('aria-pressed')).toBe('true');
    await tick.click();
    await expect.poll(() => tick.getAttribute('aria-pressed')).toBe('false');
    expect(await doctor.getByRole('button', { name: 'Accueil', exact: true }).count()).toBe(1);

    const sophie = await signInWorkstation(browser, server.url, 'sophie');
    await expect.poll(() => sophie.getByRole('button', { name: /^Accueil \(\d+\)$/ }).count()).toBe(1);
    await sophie
      .getByRole('list', { name: 'Alertes de la borne' })
      .getByText('convocation « INCONNUE-42 »')
      .waitFor();
  }, 120_000);
});
