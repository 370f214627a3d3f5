/**
 * The workstation page inside the GFA Poste shell: it reports the count of
 * consultants assigned to the professional through `gfaDesk.notifyAssigned`
 * (the preload's API), and leaves notifying to the shell — no second, web
 * notification. The shell's decision itself is tested in shared/shell.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { SessionDto } from '@gfa/shared';
import { apiClient } from '../integration/support/https-client.js';
import { startDemoServer, type DemoServer } from '../integration/support/demo-server.js';
import { launchBrowser, RECORD_NOTIFICATIONS } from './support/browser.js';

const built = existsSync(resolve(import.meta.dirname, '../../../workstation/dist/index.html'));

/** What shared/shell/preload/bridge.ts exposes, recording what the page sends. */
const DESK_BRIDGE = `
  window.__assigned = [];
  window.gfaDesk = { notifyAssigned: (count, text) => { window.__assigned.push({ count, text }); return Promise.resolve(); } };
`;

describe.runIf(built)('workstation in the GFA Poste shell', () => {
  let demo: DemoServer;
  let browser: Browser;
  let christelle: Page;

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 1600, height: 900 },
    });
    await context.addInitScript(RECORD_NOTIFICATIONS);
    await context.addInitScript(DESK_BRIDGE);
    christelle = await context.newPage();
    await christelle.goto(`${demo.server.url}/workstation/`);
    await christelle.getByLabel('Identifiant').fill('christelle');
    await christelle.getByLabel('Mot de passe').fill('demo');
    await christelle.getByRole('button', { name: 'Se connecter' }).click();
    await christelle.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('reports the assigned count to the shell and shows no web notification of its own', async () => {
    const assigned = () =>
      christelle.evaluate(
        () => (window as unknown as { __assigned: { count: number; text: string }[] }).__assigned,
      );
    await expect.poll(async () => (await assigned()).length).toBeGreaterThan(0);
    expect((await assigned()).at(-1)?.count).toBe(0);

    const kiosk = apiClient(demo.server.url, demo.ca);
    try {
      const session = await kiosk.call<SessionDto>('POST', '/api/session', {
        deviceToken: 'demo-borne-accueil-0001',
      });
      kiosk.token = session.body.token;
      const checkin = await kiosk.call('POST', '/api/checkin', {
        idempotencyKey: 'desk-shell-joel',
        by: { kind: 'identity', lastName: 'MARTIN', birthDate: '1961-04-12' },
      });
      expect(checkin.status).toBe(200);
    } finally {
      await kiosk.close();
    }
    await christelle.getByRole('button', { name: 'Disponible' }).click();
    await christelle.getByText('Pour vous').waitFor();
    await expect.poll(async () => (await assigned()).at(-1)?.count).toBe(1);
    const last = (await assigned()).at(-1);
    // No name leaves the page towards the taskbar.
    expect(last?.text).toBe('Un consultant vous attend dans votre file.');
    expect(last?.text).not.toContain('MARTIN');
    expect(
      await christelle.evaluate(() => (window as unknown as { __notifications: unknown[] }).__notifications),
    ).toEqual([]);
  });
});
