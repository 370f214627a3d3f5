/**
 * The TV display: prevention videos cached locally, a discreet offline marker
 * while the server is down, reconnection by itself after a restart.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CheckinResponse, SessionDto } from '@gfa/shared';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { apiClient } from '../integration/support/https-client.js';
import { startDemoServer, type DemoServer } from '../integration/support/demo-server.js';
import { launchBrowser, screenshot } from './support/browser.js';

const built = existsSync(resolve(import.meta.dirname, '../../../display/dist/index.html'));

describe.runIf(built)('TV display', () => {
  let demo: DemoServer;
  let restarted: RunningServer | null = null;
  let browser: Browser;
  let display: Page;

  beforeAll(async () => {
    demo = await startDemoServer();
    mkdirSync(join(demo.dataDir, 'media'), { recursive: true });
    writeFileSync(join(demo.dataDir, 'media', '01-depistage.mp4'), randomBytes(64 * 1024));
    browser = await launchBrowser();
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 1920, height: 1080 },
    });
    display = await context.newPage();
    await display.goto(`${demo.server.url}/display/?device=demo-ecran-salle-0001&hold=200`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await restarted?.close();
  });

  it('caches the prevention videos and plays them between calls', async () => {
    const video = display.getByTestId('prevention-video');
    await expect.poll(() => video.getAttribute('data-name'), { timeout: 10_000 }).toBe('01-depistage.mp4');
    const cached = await display.evaluate(async () =>
      (await (await caches.open('gfa-media')).keys()).map((r) => new URL(r.url).pathname),
    );
    expect(cached).toEqual(['/media/01-depistage.mp4']);
    expect(await video.getAttribute('src')).toMatch(/^blob:/);
  });

  it('shows an offline marker when the server stops, and reconnects by itself', async () => {
    const port = demo.server.port;
    await demo.close();
    await display.getByText('Hors ligne').waitFor({ timeout: 10_000 });
    await screenshot(display, 'display-offline');
    // Videos keep playing from the cache meanwhile.
    expect(await display.getByTestId('prevention-video').getAttribute('src')).toMatch(/^blob:/);

    restarted = await startServer({ dataDir: demo.dataDir, host: '127.0.0.1', port });
    await display.getByText('Hors ligne').waitFor({ state: 'detached', timeout: 40_000 });

    const ca = demo.ca;
    const kiosk = apiClient(restarted.url, ca);
    kiosk.token = (
      await kiosk.call<SessionDto>('POST', '/api/session', { deviceToken: 'demo-borne-accueil-0001' })
    ).body.token;
    const res = await kiosk.call<CheckinResponse>('POST', '/api/checkin', {
      idempotencyKey: 'display-test-0001',
      by: { kind: 'reference', reference: 'RDV-0001' },
    });
    const visitId = res.body.outcome === 'recognised' ? res.body.visitId : '';
    const christelle = apiClient(restarted.url, ca);
    christelle.token = (
      await christelle.call<SessionDto>('POST', '/api/session', { login: 'christelle', password: 'demo' })
    ).body.token;
    expect((await christelle.call('POST', `/api/visits/${visitId}/actions`, { type: 'call' })).status).toBe(
      200,
    );
    await display.getByTestId('current-call').getByText('Box 1').waitFor({ timeout: 2_000 });
    await kiosk.close();
    await christelle.close();
    // The display retries with a backoff of up to 15 s: allow for two rounds on a busy machine.
  }, 60_000);

  it("applies the administrator's display settings live (name format)", async () => {
    const server = restarted as RunningServer;
    const admin = apiClient(server.url, demo.ca);
    admin.token = (
      await admin.call<SessionDto>('POST', '/api/session', { login: 'admin', password: 'demo' })
    ).body.token;
    const saved = await admin.call('PUT', '/api/settings/display', { speech: true, nameFormat: 'initial' });
    expect(saved).toEqual({ status: 200, body: { speech: true, nameFormat: 'initial' } });
    await display.getByLabel('Derniers appels').getByText('J. MARTIN').waitFor({ timeout: 5_000 });
    await admin.close();
  });
});
