/**
 * A real morning with people's usual mistakes, in real Chromium (issue 14):
 * Sophie marks Joël « Non venu » by mistake and he checks in late at the
 * kiosk; she sees him out, he comes back to the kiosk, she takes the
 * departure back; Christelle is offered a consultant (the chime repeats, the
 * tab title counts), sends one back as absent with others waiting and is
 * given someone else, unticks a wrong ECG tick and is told where the
 * consultant goes next; Sophie cannot create a twin at the walk-in form.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { VisitDto } from '@gfa/shared';
import { startDemoServer, type DemoServer } from '../integration/support/demo-server.js';
import type { ApiClient } from '../integration/support/https-client.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { openScreen, seriousAxeViolations, signInWorkstation } from './support/pages.js';

const built = ['kiosk', 'workstation'].every((app) =>
  existsSync(resolve(import.meta.dirname, `../../../${app}/dist/index.html`)),
);

/** Counts the chimes a page plays (each chime starts two oscillators). */
const COUNT_CHIMES = `(() => {
  window.__oscillators = 0;
  const create = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () {
    window.__oscillators += 1;
    return create.call(this);
  };
})()`;

describe.runIf(built)('a morning with mistakes, in the browser', () => {
  let demo: DemoServer;
  let browser: Browser;
  let reception: ApiClient;
  let kiosk: Page;
  let sophie: Page;
  let christelle: Page;
  let visits: VisitDto[] = [];

  const fullName = (v: VisitDto) => `${v.identity.lastName.toUpperCase()} ${v.identity.firstName}`;
  const row = (v: VisitDto) => sophie.getByRole('row', { name: new RegExp(fullName(v)) });
  const adminFirst = (v: VisitDto) =>
    v.steps.some((s) => s.target.kind === 'category' && s.target.categoryId === 'administratif');
  const joel = () => visits.find((v) => v.identity.lastName === 'MARTIN') as VisitDto;

  beforeAll(async () => {
    demo = await startDemoServer();
    const admin = await demo.login('admin');
    const saved = await admin.call('PUT', '/api/admin/policy', {
      maxWaitMinutes: 45,
      autoAssign: true,
      requeueCooldownMinutes: 5,
      offerChimeRepeatSeconds: 1,
    });
    expect(saved.status).toBe(200);
    reception = await demo.login('sophie');
    visits = (await reception.call<{ visits: VisitDto[] }>('GET', '/api/visits')).body.visits;
    browser = await launchBrowser();
    kiosk = await openScreen(browser, `${demo.server.url}/kiosk/?device=demo-borne-accueil-0001&reset=3000`);
    sophie = await signInWorkstation(browser, demo.server.url, 'sophie');
    await sophie.setViewportSize({ width: 1366, height: 768 });
    await sophie.getByRole('button', { name: /^Accueil/ }).click();
    christelle = await signInWorkstation(browser, demo.server.url, 'christelle');
    await christelle.evaluate(COUNT_CHIMES);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  async function joelAtKiosk(): Promise<void> {
    await kiosk
      .getByRole('button', { name: 'Je tape mon nom et ma date de naissance' })
      .click({ timeout: 10_000 });
    for (const letter of 'MARTIN') await kiosk.getByRole('button', { name: letter, exact: true }).click();
    await kiosk.getByRole('button', { name: 'Continuer' }).click();
    for (const digit of '12041961') await kiosk.getByRole('button', { name: digit, exact: true }).click();
    await kiosk.getByRole('button', { name: 'Valider' }).click();
  }

  it('the desk says « personne en attente » and counts journeys begun and in progress apart', async () => {
    await expect.poll(() => christelle.getByTestId('next-wait').textContent()).toBe('personne en attente');
    const summary = (await christelle.locator('.ws-summary').textContent()) ?? '';
    expect(summary).toMatch(/Parcours commencés aujourd’hui : 0 · en cours : 0/);
  });

  it('« Non venu » asks first; marked by mistake, Joël checks in late at the kiosk and is routed', async () => {
    await row(joel()).getByRole('button', { name: 'Non venu' }).click();
    const question = sophie.getByRole('group', { name: 'M. MARTIN non venu ?' });
    await question.waitFor();
    expect(await seriousAxeViolations(sophie)).toEqual([]);
    await screenshot(sophie, 'reception-confirm-no-show');
    await question.getByRole('button', { name: 'Oui, confirmer' }).click();
    await row(joel()).getByRole('button', { name: 'Annuler « Non venu »' }).waitFor();
    await expect.poll(() => row(joel()).textContent()).toContain('Non venu');
    await screenshot(sophie, 'reception-no-show-undo');

    await joelAtKiosk();
    await kiosk.getByText('Votre arrivée est enregistrée').waitFor();
    await expect.poll(() => row(joel()).textContent()).toContain('En attente');
  });

  it('seen out by mistake, Joël is sent to reception by the kiosk; Sophie takes the departure back', async () => {
    await row(joel()).getByRole('button', { name: 'Raccompagner (départ)' }).click();
    await sophie
      .getByRole('group', { name: 'Départ de M. MARTIN ?' })
      .getByRole('button', { name: 'Oui, confirmer' })
      .click();
    await expect.poll(() => row(joel()).textContent()).toContain('Parti');
    await joelAtKiosk();
    await kiosk.getByText("Merci de vous présenter à l'accueil").waitFor();
    await sophie.getByRole('alert').filter({ hasText: "envoyée(s) à l'accueil" }).waitFor();
    await row(joel()).getByRole('button', { name: 'Reprendre le parcours' }).click();
    await expect.poll(() => row(joel()).textContent()).toContain('En attente');
  });

  it('offered a consultant, Christelle hears the chime again and sees the count in the tab title', async () => {
    const others = visits.filter((v) => v.state === 'expected' && adminFirst(v) && v.id !== joel().id);
    for (const v of others.slice(0, 3)) {
      expect((await reception.call('POST', '/api/visits', { appointmentId: v.appointmentId })).status).toBe(
        200,
      );
    }
    await christelle.getByRole('button', { name: 'Disponible' }).click();
    await christelle.getByText('Pour vous').waitFor();
    await expect.poll(() => christelle.title()).toMatch(/^\(1\) /);
    const chimes = () =>
      christelle.evaluate(() => (window as unknown as { __oscillators: number }).__oscillators);
    await expect.poll(chimes, { timeout: 5_000 }).toBeGreaterThanOrEqual(6);
  });

  it('an absent consultant sent back is not called again before the three others', async () => {
    await christelle.getByRole('button', { name: 'Appeler le suivant' }).click();
    const panel = christelle.getByRole('region', { name: 'Consultant en cours' });
    const first = (await panel.getByRole('heading', { level: 2 }).textContent()) ?? '';
    expect(first).not.toBe('');
    // Acting stops the chime and the count.
    await expect.poll(() => christelle.title()).not.toMatch(/^\(/);
    const chimes = () =>
      christelle.evaluate(() => (window as unknown as { __oscillators: number }).__oscillators);
    const afterCall = await chimes();
    await christelle.waitForTimeout(2_500);
    expect(await chimes()).toBe(afterCall);

    await panel.getByRole('button', { name: 'Absent : remettre en file' }).click();
    const requeued = christelle.getByRole('listitem').filter({ hasText: 'Remis en file' });
    await requeued.waitFor();
    expect(await requeued.count()).toBe(1);
    await screenshot(christelle, 'workstation-requeued');
    await christelle.getByRole('button', { name: 'Appeler le suivant' }).click();
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent()).not.toBe(first);
    const second = await panel.getByRole('heading', { level: 2 }).textContent();
    expect(second).not.toBe(first);
  });

  it('a wrong ECG tick is unticked; after care the desk says where the consultant goes', async () => {
    const panel = christelle.getByRole('region', { name: 'Consultant en cours' });
    await panel.getByRole('button', { name: 'Commencer la prise en charge' }).click();
    const tick = panel.getByRole('button', { name: /ECG : lecture/ });
    await tick.click();
    await expect.poll(() => tick.getAttribute('aria-pressed')).toBe('true');
    await tick.click();
    await expect.poll(() => tick.getAttribute('aria-pressed')).toBe('false');
    await panel.getByRole('button', { name: 'Terminer la prise en charge' }).click();
    const notice = christelle.getByRole('status', { name: 'Où va le consultant' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('salle d’attente');
    expect(await notice.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(christelle)).toEqual([]);
    await screenshot(christelle, 'workstation-after-care');
    // The next action replaces the notice.
    await christelle.getByRole('button', { name: 'En pause' }).click();
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('the walk-in form proposes today’s appointment instead of a twin, empties itself, refuses 2030', async () => {
    const form = sophie.getByRole('form', { name: 'Consultant sans rendez-vous' });
    const booked =
      visits.find(
        (v) => v.state === 'expected' && v.identity.birthDate && v.id !== joel().id && !adminFirst(v),
      ) ??
      (visits.filter((v) => v.state === 'expected' && adminFirst(v) && v.id !== joel().id)[5] as VisitDto);
    const fill = async (first: string, last: string, birth: string) => {
      await form.getByLabel('Prénom').fill(first);
      await form.getByLabel('Nom', { exact: true }).fill(last);
      await form.getByLabel('Date de naissance').fill(birth);
    };
    await fill(
      booked.identity.firstName.toUpperCase(),
      booked.identity.lastName.toLowerCase(),
      booked.identity.birthDate ?? '',
    );
    const known = form.getByRole('region', { name: 'Consultant déjà connu aujourd’hui' });
    await known.getByText('a un rendez-vous aujourd’hui').waitFor();
    expect(await form.getByRole('button', { name: 'Enregistrer', exact: true }).isDisabled()).toBe(true);
    expect(await seriousAxeViolations(sophie)).toEqual([]);
    await screenshot(sophie, 'reception-walkin-known');
    await known.getByRole('button', { name: 'Enregistrer son arrivée sur ce rendez-vous' }).click();
    await expect.poll(() => row(booked).textContent()).not.toContain('Attendu');
    await expect.poll(() => form.getByLabel('Nom', { exact: true }).inputValue()).toBe('');

    await fill('Paul', 'DURAND', '1958-09-30');
    await form.getByLabel('Motif').selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await sophie.getByText('Consultant enregistré.').waitFor();
    await expect.poll(() => form.getByLabel('Nom', { exact: true }).inputValue()).toBe('');
    await fill('Paul', 'Durand', '1958-09-30');
    await form.getByText('est déjà dans le centre').waitFor();
    expect(await sophie.getByRole('row', { name: /DURAND Paul/ }).count()).toBe(1);

    await fill('Léo', 'PETIT', '2030-01-01');
    await form.getByRole('alert').getByText('La date de naissance ne peut pas être dans le futur.').waitFor();
    await screenshot(sophie, 'reception-walkin-future');
  });
});
