/**
 * The TV display at the start of the morning (issue 14 item 5, issue 13
 * items 7 and 10): a TV started after the administrator changed its settings
 * applies them without waiting for a change, speaks French, holds a call for
 * the administrator's time, lists the last calls at a size read from 5 m and
 * only when there are some; a first name starting with « ß » gives a
 * one-letter initial and a freshly opened display still lists that call; a
 * display that cannot read its configuration keeps the last one received.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { VisitDto } from '@gfa/shared';
import { startDemoServer, type DemoServer } from '../integration/support/demo-server.js';
import type { ApiClient } from '../integration/support/https-client.js';
import { launchBrowser, screenshot } from './support/browser.js';

const built = existsSync(resolve(import.meta.dirname, '../../../display/dist/index.html'));

/** Speech synthesis recorded in the page (headless Chromium has no French voice to listen to). */
const RECORD_SPEECH = `
  window.__spoken = [];
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      speak(utterance) {
        window.__spoken.push({ text: utterance.text, lang: utterance.lang });
        setTimeout(() => utterance.onend && utterance.onend(), 10);
      },
      cancel() {},
    },
  });
`;

describe.runIf(built)('TV display settings and names', () => {
  let demo: DemoServer;
  let browser: Browser;
  let admin: ApiClient;
  let sophie: ApiClient;
  let christelle: ApiClient;
  const contexts: BrowserContext[] = [];

  /** A TV switched on: a fresh browser profile (no remembered settings) on the display page. */
  async function startTv(): Promise<Page> {
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 1920, height: 1080 },
    });
    contexts.push(context);
    await context.addInitScript(RECORD_SPEECH);
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/display/?device=demo-ecran-salle-0001`);
    return page;
  }

  /** Registers a walk-in at reception and has an administrative agent call them. */
  async function walkInCalled(firstName: string, lastName: string, caller: ApiClient): Promise<void> {
    const registered = await sophie.call<{ visit: VisitDto }>('POST', '/api/visits', {
      identity: { civility: 'M.', firstName, lastName, birthDate: '1970-05-04' },
      reasonId: 'eps',
    });
    expect(registered.status).toBe(200);
    const called = await caller.call('POST', `/api/visits/${registered.body.visit.id}/actions`, {
      type: 'call',
    });
    expect(called.status).toBe(200);
  }

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    [admin, sophie, christelle] = await Promise.all([
      demo.login('admin'),
      demo.login('sophie'),
      demo.login('christelle'),
    ]);
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await demo?.close();
  });

  it('a TV started after a settings change shows « J. DUPONT », speaks French and holds the call', async () => {
    const saved = await admin.call('PUT', '/api/settings/display', {
      speech: true,
      nameFormat: 'initial',
      holdSeconds: 3,
    });
    expect(saved.status).toBe(200);

    const tv = await startTv();
    await tv.getByText("Bienvenue au Centre d'examens de santé").waitFor({ timeout: 10_000 });
    // No call yet: the history takes no room at all.
    expect(await tv.getByLabel('Derniers appels').count()).toBe(0);
    const stage = await tv.locator('.display-stage').boundingBox();
    expect(stage?.width).toBe(1920);
    await screenshot(tv, 'display-start-no-call');

    await walkInCalled('Jean', 'Dupont', christelle);
    const current = tv.getByTestId('current-call');
    await current.getByText('J. DUPONT').waitFor({ timeout: 5_000 });
    await screenshot(tv, 'display-call-initial-format');
    await expect
      .poll(() => tv.evaluate(() => (window as unknown as { __spoken: unknown[] }).__spoken), {
        timeout: 5_000,
      })
      .toEqual([{ text: 'Monsieur DUPONT, Box 1.', lang: 'fr-FR' }]);

    // Held for the administrator's 3 s, then only listed.
    const shownAt = Date.now();
    await current.waitFor({ state: 'detached', timeout: 10_000 });
    expect(Date.now() - shownAt).toBeGreaterThan(1_500);
    const entry = tv.getByLabel('Derniers appels').getByText('J. DUPONT');
    await entry.waitFor();
    const size = await entry.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(60);
    await screenshot(tv, 'display-history-5m');
  }, 60_000);

  it('« ß » gives a one-letter initial, and a freshly opened TV lists that call', async () => {
    // Christelle is busy with M. DUPONT: Sophie calls from reception.
    await walkInCalled('ßara', 'Weiß', sophie);
    const tv = await startTv();
    // The snapshot a fresh display receives carries every recent call, the « ß » one included.
    await tv.getByLabel('Derniers appels').getByText('S. WEISS').waitFor({ timeout: 10_000 });
    await expect(tv.getByLabel('Derniers appels').getByText('J. DUPONT').count()).resolves.toBe(1);
    await screenshot(tv, 'display-fresh-with-history');

    // Restarted while its configuration cannot be read: the last settings received still apply.
    await tv.route('**/api/display/config', (route) => route.abort());
    await tv.reload();
    await tv.getByLabel('Derniers appels').getByText('J. DUPONT').waitFor({ timeout: 10_000 });
    expect(await tv.getByText('M. DUPONT').count()).toBe(0);
  }, 60_000);

  it('the display device reads only what it shows, never the full configuration', async () => {
    const display = await demo.device('display');
    expect((await display.call('GET', '/api/config')).status).toBe(403);
    const own = await display.call<Record<string, unknown>>('GET', '/api/display/config');
    expect(own.status).toBe(200);
    expect(Object.keys(own.body).sort()).toEqual(['categories', 'rooms', 'settings']);
    const full = (await admin.call<{ professionals: { displayName: string }[] }>('GET', '/api/config')).body;
    const text = JSON.stringify(own.body);
    expect(full.professionals.length).toBeGreaterThan(0);
    for (const p of full.professionals) expect(text).not.toContain(p.displayName);
    expect((await sophie.call('GET', '/api/display/config')).status).toBe(403);
  });
});
