/**
 * Kiosk check-in while the server is down: the visitor is sent to reception,
 * the check-in is kept, and delivered exactly once when the server is back.
 * Also the kiosk's accessibility (axe-core) and its 1080p/4K legibility.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { databaseFile, openDatabase } from '../../src/db/database.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { startDemoServer, type DemoServer } from '../integration/support/demo-server.js';
import { launchBrowser, screenshot } from './support/browser.js';

const built = existsSync(resolve(import.meta.dirname, '../../../kiosk/dist/index.html'));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.runIf(built)('kiosk', () => {
  let demo: DemoServer;
  let restarted: RunningServer | null = null;
  let browser: Browser;
  let kiosk: Page;

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 1920, height: 1080 },
    });
    kiosk = await context.newPage();
    await kiosk.goto(`${demo.server.url}/kiosk/?device=demo-borne-accueil-0001&retry=500&reset=60000`);
    await kiosk.getByRole('button', { name: 'Je tape mon nom et ma date de naissance' }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await restarted?.close();
  });

  it('has no serious accessibility violation (axe-core), no scrolling, large targets', async () => {
    for (const step of ['home', 'name'] as const) {
      if (step === 'name')
        await kiosk.getByRole('button', { name: 'Je tape mon nom et ma date de naissance' }).click();
      // Injected through the DevTools protocol: the page's CSP (no inline script) stays on.
      await kiosk.evaluate(axeSource);
      const violations = await kiosk.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }
        ).axe;
        return (await axe.run()).violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => v.id);
      });
      expect(violations, step).toEqual([]);
      const overflow = await kiosk.evaluate(() => document.documentElement.scrollHeight > window.innerHeight);
      expect(overflow).toBe(false);
      const smallest = await kiosk.evaluate(() =>
        Math.min(
          ...[...document.querySelectorAll('button')].map((b) =>
            Math.min(b.getBoundingClientRect().width, b.getBoundingClientRect().height),
          ),
        ),
      );
      expect(smallest).toBeGreaterThanOrEqual(64);
      await screenshot(kiosk, `kiosk-${step}-1080p`);
      await kiosk.setViewportSize({ width: 3840, height: 2160 });
      await screenshot(kiosk, `kiosk-${step}-4k`);
      await kiosk.setViewportSize({ width: 1920, height: 1080 });
    }
    await kiosk.getByRole('button', { name: 'Annuler' }).click();
  });

  it('a check-in made while the server is down is delivered exactly once when it is back', async () => {
    const port = demo.server.port;
    await demo.close();
    const scanned = 'RDV-0003';
    await kiosk.keyboard.type(scanned, { delay: 5 });
    await kiosk.keyboard.press('Enter');
    await kiosk.getByText("Merci de vous présenter à l'accueil").waitFor();
    const kept = await kiosk.evaluate(
      () => JSON.parse(localStorage.getItem('gfa.kiosk.outbox') ?? '[]').length,
    );
    expect(kept).toBe(1);

    restarted = await startServer({ dataDir: demo.dataDir, host: '127.0.0.1', port });
    await expect
      .poll(() => kiosk.evaluate(() => JSON.parse(localStorage.getItem('gfa.kiosk.outbox') ?? '[]').length), {
        timeout: 15_000,
      })
      .toBe(0);
    // Let a few more retry rounds pass: nothing may be sent twice.
    await kiosk.waitForTimeout(1_500);
    const db = openDatabase(databaseFile(demo.dataDir));
    try {
      const rows = db.sqlite
        .prepare(
          `select count(*) as n from events e join visits v on v.id = e.visit_id
           join appointments a on a.id = v.appointment_id where e.type = 'visit.checked_in' and a.reference = ?`,
        )
        .get(scanned) as { n: number };
      expect(rows.n).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe.runIf(built)('kiosk inside the GFA Borne shell', () => {
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

  it('offers the administrator exit only in the shell, and passes the typed code to it', async () => {
    const plain = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
    await plain.goto(`${demo.server.url}/kiosk/?device=demo-borne-accueil-0001`);
    await plain.getByRole('button', { name: 'Je tape mon nom et ma date de naissance' }).waitFor();
    expect(await plain.getByRole('button', { name: 'Administration' }).count()).toBe(0);

    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    // What the shell's preload exposes (shared/shell/preload/bridge.ts); here it records the codes.
    await context.addInitScript(() => {
      const codes: string[] = [];
      (window as unknown as { exitCodes: string[] }).exitCodes = codes;
      (window as unknown as { gfaKiosk: object }).gfaKiosk = {
        requestExit: (code: string) => {
          codes.push(code);
          return Promise.resolve(codes.length < 2 ? 'wrong-code' : 'locked');
        },
      };
    });
    const kiosk = await context.newPage();
    await kiosk.goto(`${demo.server.url}/kiosk/?device=demo-borne-accueil-0001`);
    await kiosk.getByRole('button', { name: 'Administration' }).click();
    const pad = kiosk.getByRole('group', { name: 'Pavé numérique' });
    for (const digit of '2468') await pad.getByRole('button', { name: digit, exact: true }).click();
    await kiosk.getByRole('button', { name: 'Valider' }).click();
    await expect.poll(() => kiosk.getByRole('alert').textContent()).toBe('Code incorrect.');
    for (const digit of '1357') await pad.getByRole('button', { name: digit, exact: true }).click();
    await kiosk.getByRole('button', { name: 'Valider' }).click();
    await expect.poll(() => kiosk.getByRole('alert').textContent()).toContain('bloquée');
    expect(await kiosk.evaluate(() => (window as unknown as { exitCodes: string[] }).exitCodes)).toEqual([
      '2468',
      '1357',
    ]);
    await kiosk.getByRole('button', { name: 'Annuler' }).click();
    await kiosk.getByRole('button', { name: 'Je tape mon nom et ma date de naissance' }).waitFor();
  });
});
