/**
 * Issue 14 item 10 in real Chromium: the supervisor's board with 85 visits
 * and as many alerts, at 1366×768 and 1920×1080. The alerts are grouped by
 * kind with their counts and fold away, the consultant table filters and
 * sorts and names the professional in charge, the move panel opens beside
 * the row, and the page stays about one screen tall (height measured).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { SupervisionDto, VisitDto } from '@gfa/shared';
import { startDemoServer, toMorning, type DemoServer } from '../integration/support/demo-server.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { seriousAxeViolations, signInWorkstation } from './support/pages.js';

const built = existsSync(resolve(import.meta.dirname, '../../../workstation/dist/index.html'));
const MINUTE = 60_000;

describe.runIf(built)('the supervisor board on a busy morning', () => {
  let demo: DemoServer;
  let browser: Browser;
  let offset = 0;
  let board: SupervisionDto;
  let withChristelle: VisitDto;

  beforeAll(async () => {
    const morning = toMorning();
    demo = await startDemoServer(() => Date.now() + morning + offset);
    browser = await launchBrowser();
    const sophie = await demo.login('sophie');
    const visits = (await sophie.call<{ visits: VisitDto[] }>('GET', '/api/visits')).body.visits;
    for (const v of visits.slice(0, 60))
      expect((await sophie.call('POST', '/api/visits', { appointmentId: v.appointmentId })).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const walkIn = {
        identity: {
          civility: 'Mme',
          firstName: `Anne${i}`,
          lastName: `SANSRDV${i}`,
          birthDate: '1980-01-0' + (i + 1),
        },
        reasonId: 'eps',
      };
      expect((await sophie.call('POST', '/api/visits', walkIn)).status).toBe(200);
    }
    const christelle = await demo.login('christelle');
    await christelle.call('POST', '/api/desk/presence', { state: 'available' });
    withChristelle = (await christelle.call<{ visit: VisitDto }>('POST', '/api/desk/call-next')).body.visit;
    await christelle.call('POST', `/api/visits/${withChristelle.id}/actions`, { type: 'start' });
    // Three quarters of an hour later: the waits and the late arrivals are alerts.
    offset = 45 * MINUTE;
    const virginie = await demo.login('virginie');
    board = (await virginie.call<SupervisionDto>('GET', '/api/supervision')).body;
    expect(board.consultants.length).toBeGreaterThanOrEqual(85);
    expect(board.alerts.length).toBeGreaterThanOrEqual(40);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  const table = (page: Page) => page.getByRole('table', { name: 'Consultants du jour' });
  const rows = (page: Page) => table(page).locator('tbody tr');
  const filters = (page: Page) => page.getByRole('search', { name: 'Filtrer les consultants' });
  const bottom = async (page: Page, selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((e) => e.getBoundingClientRect().bottom);

  it('fits 1366×768 with 85 consultants and every alert grouped by kind', async () => {
    const page = await signInWorkstation(browser, demo.server.url, 'virginie');
    await page.setViewportSize({ width: 1366, height: 768 });
    await table(page).waitFor();
    const alerts = page.getByRole('region', { name: 'Alertes' });
    await alerts.waitFor();

    // One group per kind, with its count; big groups folded.
    const kinds = [...new Set(board.alerts.map((a) => a.kind))];
    const summaries = await alerts.locator('summary').allInnerTexts();
    expect(summaries).toHaveLength(kinds.length);
    const waits = board.alerts.filter((a) => a.kind === 'wait_too_long').length;
    expect(waits).toBeGreaterThan(3);
    const waitGroup = alerts.locator('details').filter({ hasText: 'Attente trop longue' });
    expect(await waitGroup.locator('summary').innerText()).toBe(
      `Attente trop longue : ${waits}, dont ${waits} non acquittées`,
    );
    expect(await waitGroup.getAttribute('open')).toBeNull();

    // The whole board in one screen: alerts, filters and table rows above the fold.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(
      `board page height at 1366×768: ${height} px (${board.consultants.length} consultants, ${board.alerts.length} alerts)`,
    );
    expect(height).toBeLessThanOrEqual(900);
    expect(await bottom(page, '.ws-alerts')).toBeLessThan(768 * 0.4);
    expect(await bottom(page, '[aria-label="Filtrer les consultants"]')).toBeLessThan(768);
    await screenshot(page, 'supervision-1366');

    await waitGroup.locator('summary').click();
    expect(await waitGroup.getAttribute('open')).not.toBeNull();
    expect(await waitGroup.locator('li').count()).toBe(waits);
    expect(await bottom(page, '.ws-alerts')).toBeLessThan(768 * 0.4);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await waitGroup.locator('summary').click();

    // The professional in charge has a column.
    const name = board.consultants.find((c) => c.visitId === withChristelle.id)?.name ?? '?';
    const row = rows(page).filter({ hasText: name }).first();
    expect(await row.innerText()).toContain('Christelle Moreau');
    await filters(page).getByLabel('Statut').selectOption({ label: 'Attendu' });
    await expect
      .poll(() => rows(page).count())
      .toBe(board.consultants.filter((c) => c.status === 'expected').length);
    await filters(page).getByLabel('Statut').selectOption({ label: 'Tous' });
    await filters(page).getByLabel('Motif').selectOption({ label: 'Mon bilan prévention' });
    await expect
      .poll(() => rows(page).count())
      .toBe(board.consultants.filter((c) => c.reasonId === 'mbp').length);
    await filters(page).getByLabel('Motif').selectOption({ label: 'Tous' });
    await filters(page).getByLabel('Catégorie').selectOption({ label: 'Préleveur' });
    const stillToSample = board.consultants.filter((c) =>
      c.steps.some((s) => s.categoryId === 'preleveur' && s.status !== 'done' && s.status !== 'skipped'),
    ).length;
    expect(stillToSample).toBeGreaterThan(0);
    await expect.poll(() => rows(page).count()).toBe(stillToSample);
    await filters(page).getByLabel('Catégorie').selectOption({ label: 'Toutes' });
    await filters(page).getByRole('checkbox', { name: 'En dépassement (alerte)' }).check();
    const alerted = new Set(board.alerts.map((a) => a.visitId).filter(Boolean)).size;
    await expect.poll(() => rows(page).count()).toBe(alerted);
    await filters(page).getByRole('checkbox', { name: 'En dépassement (alerte)' }).uncheck();

    // Sorted by the current wait, longest first.
    await page.getByRole('button', { name: 'Attente en cours' }).click();
    await page.getByRole('button', { name: /^Attente en cours/ }).click();
    const firstWait = await rows(page).first().locator('td').nth(5).innerText();
    const longest = Math.max(...board.consultants.map((c) => c.waitingMinutes ?? 0));
    expect(Number.parseInt(firstWait, 10)).toBeGreaterThanOrEqual(longest);

    // The move panel opens beside the row, on screen.
    const target = rows(page).nth(20);
    await target.click();
    const panel = page.getByRole('region', { name: 'Déplacer le consultant' });
    await panel.waitFor();
    const p = await panel.boundingBox();
    // The table scrolls inside its own box, which the panel sits beside.
    const t = await page.locator('.ws-board-scroll').boundingBox();
    expect(p && t && p.x > t.x + t.width - 1).toBe(true);
    expect(p && p.y + 40 < 768).toBe(true);
    await screenshot(page, 'supervision-1366-panel');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'supervision-1920');
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1200);
  }, 120_000);
});
