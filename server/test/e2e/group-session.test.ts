/**
 * An ETP collective session in real Chromium (rules Q-GROUP-*): Carole calls the group from her desk, the TV
 * shows ONE call for the room and no name, Marie joins, a latecomer joins before the start, Carole starts and
 * finishes the session; the administrator sees and changes « Séance collective » in the journey editor.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { JourneyTemplate, VisitDto } from '@gfa/shared';
import { startDemoServer, type DemoServer } from '../integration/support/demo-server.js';
import type { ApiClient } from '../integration/support/https-client.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { openAdminSection, openScreen, seriousAxeViolations, signInWorkstation } from './support/pages.js';

const built = ['display', 'workstation'].every((app) =>
  existsSync(resolve(import.meta.dirname, `../../../${app}/dist/index.html`)),
);

const PEOPLE = [
  ['Mme', 'Nathalie', 'DUBOIS'],
  ['M.', 'Alain', 'SIMON'],
  ['Mme', 'Sylvie', 'GARCIA'],
  ['M.', 'Éric', 'FOURNIER'],
] as const;

describe.runIf(built)('group session in the browser', () => {
  let demo: DemoServer;
  let browser: Browser;
  let sophie: ApiClient;
  let display: Page;
  let carole: Page;
  let marie: Page;

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    sophie = await demo.login('sophie');
    display = await openScreen(
      browser,
      `${demo.server.url}/display/?device=demo-ecran-salle-0001&hold=10000`,
    );
    carole = await signInWorkstation(browser, demo.server.url, 'carole');
    marie = await signInWorkstation(browser, demo.server.url, 'marie');
    for (const p of [carole, marie]) await p.getByRole('button', { name: 'Disponible' }).click();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  async function walkIn(n: number): Promise<void> {
    const [civility, firstName, lastName] = PEOPLE[n] as (typeof PEOPLE)[number];
    const res = await sophie.call<{ visit: VisitDto }>('POST', '/api/visits', {
      identity: { civility, firstName, lastName, birthDate: `196${n}-05-1${n}` },
      reasonId: 'etp-collectif',
    });
    expect(res.status).toBe(200);
  }

  const session = (p: Page) => p.getByRole('region', { name: 'Séance collective — Séance collective ETP' });

  it('the facilitator calls the group; the TV shows one call for the room, without names', async () => {
    for (let n = 0; n < 3; n += 1) await walkIn(n);
    const panel = session(carole);
    await panel.getByText('En attente de la prochaine séance (3)').waitFor();
    await expect.poll(() => panel.getByTestId('group-waiting').textContent()).toContain('DUBOIS');
    expect(await seriousAxeViolations(carole)).toEqual([]);
    await panel.getByRole('button', { name: 'Appeler le groupe' }).click();
    await panel.getByText('Appelés (3/10)').waitFor();
    const call = display.getByTestId('current-call');
    await call.getByText('Séance collective ETP', { exact: true }).waitFor();
    await call.getByText('Salle de soins 1', { exact: true }).waitFor();
    expect(await call.textContent()).toContain('Sont attendus');
    const history = display.getByRole('complementary', { name: 'Derniers appels' });
    await expect.poll(() => history.getByRole('listitem').count()).toBe(1);
    const shown = await display.locator('body').textContent();
    for (const [, , lastName] of PEOPLE) expect(shown).not.toContain(lastName);
    await screenshot(display, 'display-group-session');
    // Carole runs the session: no one-by-one call meanwhile.
    expect(await carole.getByRole('button', { name: 'Appeler le suivant' }).isDisabled()).toBe(true);
  }, 60_000);

  it('the second facilitator joins; a latecomer joins before the start', async () => {
    await session(marie).getByRole('button', { name: 'Rejoindre la séance' }).click();
    await session(carole)
      .getByText(/animée par Carole Petit et Marie Gauthier/)
      .waitFor();
    await walkIn(3);
    await session(carole).getByText('Appelés (4/10)').waitFor();
    await expect
      .poll(() => session(carole).getByTestId('group-participants').textContent())
      .toContain('FOURNIER');
    await screenshot(carole, 'workstation-group-called');
  });

  it('start then finish the session for all', async () => {
    await session(carole).getByRole('button', { name: 'Démarrer la séance' }).click();
    await session(marie).getByText('Présents (4/10)').waitFor();
    await screenshot(marie, 'workstation-group-running');
    await session(marie).getByRole('button', { name: 'Terminer la séance' }).click();
    await marie.getByText('Séance terminée.').waitFor();
    await expect.poll(() => session(carole).getByTestId('group-session').count()).toBe(0);
    expect(await carole.getByRole('button', { name: 'Appeler le suivant' }).isDisabled()).toBe(false);
  });

  it('the administrator sets « Séance collective » on a step in the journey editor', async () => {
    const admin = await signInWorkstation(browser, demo.server.url, 'admin');
    await openAdminSection(admin, 'Motifs et parcours');
    await admin.getByRole('button', { name: 'ETP — séance collective', exact: true }).click();
    const group = admin.getByLabel('Séance collective pour l’étape 1');
    expect(await group.isChecked()).toBe(true);
    const capacity = admin.getByLabel('Capacité de la séance de l’étape 1');
    expect(await capacity.inputValue()).toBe('10');
    await capacity.fill('8');
    await admin.getByLabel('Animateurs de la séance de l’étape 1').selectOption('1');
    await admin.getByRole('button', { name: 'Enregistrer le motif et son parcours' }).click();
    await admin.getByText('Motif et parcours enregistrés.').waitFor();
    const config = await sophie.call<{ templates: JourneyTemplate[] }>('GET', '/api/config');
    const steps = config.body.templates.find((t) => t.reasonId === 'etp-collectif')?.steps;
    expect(steps?.[0]?.group).toEqual({ capacity: 8, facilitators: 1 });
    // A plain step is not a session.
    await admin.getByRole('button', { name: 'Examen de prévention en santé', exact: true }).click();
    expect(await admin.getByLabel('Séance collective pour l’étape 1').isChecked()).toBe(false);
    await screenshot(admin, 'admin-group-step');
  });
});
