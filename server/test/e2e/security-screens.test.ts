/**
 * Issue 6 screens in a real browser against the real demo server. The
 * administrator makes two-factor login mandatory for supervisors; a
 * supervisor sets it up from the QR page, with codes computed by Debian's
 * `oathtool` (an independent TOTP implementation), and logs in again with a
 * fresh code and with a recovery code. A device enrols as a shell would
 * (HTTPS with the centre's CA), the administrator pairs it by its code and
 * revokes it, which closes its WebSocket at once. The audit screen lists
 * all of it and exports it, and turns red once a record is altered on disk.
 * Sessions ended by the server (logout everywhere, idle timeout) bring the
 * workstation back to its login page with the reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { EnrolmentStatus, EnrolmentTicket, SessionDto } from '@gfa/shared';
import { databaseFile } from '../../src/db/database.js';
import { startDemoServer, type DemoServer } from '../integration/support/demo-server.js';
import { apiClient, type ApiClient } from '../integration/support/https-client.js';
import { connectWs } from '../integration/support/ws-client.js';
import { launchBrowser, screenshot } from './support/browser.js';
import {
  openAdminSection,
  seriousAxeViolations,
  signInWorkstation,
  submitPassword,
} from './support/pages.js';

const built = existsSync(resolve(import.meta.dirname, '../../../workstation/dist/index.html'));

/** The TOTP code of `secret`, `aheadS` seconds from now, as an authenticator app would show it. */
const oathtool = (secret: string, aheadS = 0): string =>
  execFileSync('oathtool', ['--totp', '-b', secret, '-N', `@${Math.floor(Date.now() / 1000) + aheadS}`], {
    encoding: 'utf8',
  }).trim();

describe.runIf(built)('security screens in the browser', () => {
  let demo: DemoServer;
  let browser: Browser;
  let admin: Page;
  let shell: ApiClient;
  /** Moves the server's clock (the idle test only: TOTP codes come from the real clock). */
  let offset = 0;

  beforeAll(async () => {
    demo = await startDemoServer(() => Date.now() + offset);
    browser = await launchBrowser();
    shell = apiClient(demo.server.url, demo.ca);
    admin = await signInWorkstation(browser, demo.server.url, 'admin');
  }, 60_000);

  afterAll(async () => {
    await shell?.close();
    await browser?.close();
    await demo?.close();
  });

  it('a supervisor must set up two-factor login, then logs in with a fresh code and with a recovery code', async () => {
    await openAdminSection(admin, 'Sécurité');
    const rules = admin.getByRole('form', { name: 'Sécurité' });
    await rules.getByLabel('Superviseur').waitFor();
    expect(await seriousAxeViolations(admin)).toEqual([]);
    await rules.getByLabel('Superviseur').check();
    await rules.getByRole('button', { name: 'Enregistrer les règles' }).click();
    await admin.getByText('Règles de sécurité enregistrées.').waitFor();

    const page = await submitPassword(browser, demo.server.url, 'virginie');
    await page.getByText('La double authentification est obligatoire pour votre compte.').waitFor();
    // The QR code is an image that the strict CSP lets load (img-src data:).
    const qr = page.getByRole('img', { name: 'QR code à scanner avec l’application' });
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const shown = (await page.getByLabel('Clé secrète').textContent()) ?? '';
    expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const secret = shown.replace(/ /g, '');
    await screenshot(page, 'security-totp-setup');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Code à 6 chiffres de l’application').fill(oathtool(secret));
    await page.getByRole('button', { name: 'Activer la double authentification' }).click();
    const notice = page.getByRole('region', { name: 'Codes de secours' });
    await notice.getByText(/Notez ces codes de secours/).waitFor();
    const codes = await notice.locator('li').allTextContents();
    expect(codes).toHaveLength(8);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await screenshot(page, 'security-recovery-codes');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await notice.getByRole('button', { name: /J’ai noté mes codes/ }).click();
    await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();

    // The setup's code was used: the next step's code (within the server's tolerance) avoids the replay guard.
    await page.getByLabel('Identifiant').fill('virginie');
    await page.getByLabel('Mot de passe').fill('demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const codeField = page.getByLabel(
      /Code de l’application d’authentification \(6 chiffres\) ou code de secours/,
    );
    await codeField.fill('000000');
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByRole('alert').waitFor();
    await codeField.fill(oathtool(secret, 30));
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByRole('button', { name: 'Mon compte' }).click();
    const account = page.getByRole('region', { name: 'Double authentification' });
    await account.getByText('Activée', { exact: false }).waitFor();
    await account.getByText('Obligatoire pour votre compte.').waitFor();
    await account.getByText('Codes de secours restants : 8').waitFor();
    await screenshot(page, 'security-account');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A second workstation, opened with a recovery code (single use: 7 left).
    const other = await submitPassword(browser, demo.server.url, 'virginie');
    await other.getByLabel(/ou code de secours/).fill(codes[0] as string);
    await other.getByRole('button', { name: 'Valider' }).click();
    await other.getByRole('button', { name: 'Mon compte' }).click();
    const otherAccount = other.getByRole('region', { name: 'Double authentification' });
    await otherAccount.getByText('Codes de secours restants : 7').waitFor();
    await other.getByRole('region', { name: 'Sessions' }).getByText('Sessions ouvertes : 2').waitFor();

    // « Se déconnecter de tous les postes » there: both workstations are back at the login page.
    await other.getByRole('button', { name: 'Se déconnecter de tous les postes' }).click();
    await other.getByRole('button', { name: 'Se connecter' }).waitFor();
    await page.getByRole('button', { name: 'Se connecter' }).waitFor({ timeout: 10_000 });
    await page
      .getByRole('alert')
      .getByText(/Votre session a pris fin/)
      .waitFor();
    await screenshot(page, 'security-session-ended');
    await other.context().close();
    await page.context().close();
  }, 90_000);

  it('the administrator resets the supervisor’s second factor: the next login sets it up again', async () => {
    await openAdminSection(admin, 'Comptes');
    await admin
      .getByRole('table', { name: 'Comptes' })
      .getByRole('button', { name: 'Réinitialiser la double authentification de Virginie Leroy' })
      .click();
    const dialog = admin.getByRole('dialog', { name: 'Réinitialiser la double authentification' });
    await dialog.getByRole('button', { name: 'Réinitialiser', exact: true }).click();
    await admin.getByText(/Double authentification de Virginie Leroy réinitialisée/).waitFor();
    expect(await dialog.count()).toBe(0);

    const page = await submitPassword(browser, demo.server.url, 'virginie');
    await page.getByText('La double authentification est obligatoire pour votre compte.').waitFor();
    await page.context().close();
  }, 30_000);

  it('a professional turns two-factor login on from « Mon compte »', async () => {
    const page = await signInWorkstation(browser, demo.server.url, 'luc');
    await page.getByRole('button', { name: 'Mon compte' }).click();
    const account = page.getByRole('region', { name: 'Double authentification' });
    await account.getByText('Non activée.').waitFor();
    expect(await account.getByText('Obligatoire pour votre compte.').count()).toBe(0);
    await account.getByRole('button', { name: 'Activer la double authentification' }).click();

    const secret = ((await account.getByLabel('Clé secrète').textContent()) ?? '').replace(/ /g, '');
    // A wrong code is refused with a 401 that must not read as "session ended".
    await account.getByLabel('Code à 6 chiffres de l’application').fill('000000');
    await account
      .getByRole('form', { name: 'Activation de la double authentification' })
      .getByRole('button', { name: 'Activer la double authentification' })
      .click();
    await page.getByRole('alert').getByText('Code incorrect ou expiré.').waitFor();
    expect(await page.getByRole('button', { name: 'Mon compte' }).count()).toBe(1);
    await account.getByLabel('Code à 6 chiffres de l’application').fill(oathtool(secret));
    await account
      .getByRole('form', { name: 'Activation de la double authentification' })
      .getByRole('button', { name: 'Activer la double authentification' })
      .click();
    await page.getByText('Double authentification activée.').waitFor();
    const notice = account.getByRole('region', { name: 'Codes de secours' });
    expect(await notice.locator('li').count()).toBe(8);
    await notice.getByRole('button', { name: /J’ai noté mes codes/ }).click();
    expect(await notice.count()).toBe(0);
    await account.getByText('Codes de secours restants : 8').waitFor();
    await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();

    // From now on his login asks for the code.
    await page.getByLabel('Identifiant').fill('luc');
    await page.getByLabel('Mot de passe').fill('demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByLabel(/ou code de secours/).waitFor();
    await page.context().close();
  }, 30_000);

  it('the administrator pairs a device by its code and revokes it, which closes its WebSocket', async () => {
    const asked = await shell.call<EnrolmentTicket>('POST', '/api/enrolments', {
      kind: 'kiosk',
      hostname: 'BORNE-HALL-2',
    });
    expect(asked.status).toBe(201);
    const { requestId, code } = asked.body;

    await openAdminSection(admin, 'Appareils');
    const pending = admin.getByRole('region', { name: 'Demandes d’appairage' });
    const request = pending.getByRole('row').filter({ hasText: 'BORNE-HALL-2' });
    await request.waitFor();
    expect(await request.textContent()).toContain('Borne d’accueil');
    await screenshot(admin, 'security-devices-pending');
    expect(await seriousAxeViolations(admin)).toEqual([]);

    const form = admin.getByRole('form', { name: 'Appairer un appareil' });
    await form.getByLabel('Code affiché sur l’appareil').fill(code);
    await form.getByLabel('Nom de l’appareil').fill('Borne du hall 2');
    await form.getByLabel('Type').selectOption({ label: 'Borne d’accueil' });
    await form.getByRole('button', { name: 'Appairer' }).click();
    await admin.getByText('Appareil appairé.').waitFor();
    await expect.poll(() => request.count()).toBe(0);

    // The shell's poll collects the token once.
    const status = await shell.call<EnrolmentStatus>('GET', `/api/enrolments/${requestId}`);
    expect(status.body).toMatchObject({ status: 'approved', name: 'Borne du hall 2', kind: 'kiosk' });
    const deviceToken = status.body.status === 'approved' ? status.body.deviceToken : '';
    expect((await shell.call('GET', `/api/enrolments/${requestId}`)).status).toBe(404);

    const device = apiClient(demo.server.url, demo.ca);
    const session = await device.call<SessionDto>('POST', '/api/session', { deviceToken });
    expect(session.status).toBe(200);
    const socket = await connectWs(demo.server.url, demo.ca, { token: session.body.token, client: 'kiosk' });
    await socket.waitFor((m) => m.type === 'welcome');

    const row = admin
      .getByRole('region', { name: 'Appareils', exact: true })
      .getByRole('row')
      .filter({ hasText: 'Borne du hall 2' });
    await row.getByText('Actif').waitFor();
    await row.getByRole('button', { name: 'Révoquer' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Révoquer l’appareil' });
    await screenshot(admin, 'security-devices-revoke');
    await dialog.getByRole('button', { name: 'Révoquer' }).click();

    const closed = await Promise.race([
      socket.closed,
      new Promise<null>((done) => setTimeout(() => done(null), 5_000)),
    ]);
    expect(closed?.code).toBe(4001);
    await row.getByText(/Révoqué le/).waitFor();
    expect((await device.call('POST', '/api/session', { deviceToken })).status).toBe(401);
    await device.close();

    // A request nobody expected is refused; the shell learns it at its next poll.
    const stranger = await shell.call<EnrolmentTicket>('POST', '/api/enrolments', {
      kind: 'display',
      hostname: 'PC-INCONNU',
    });
    const strangerRow = pending.getByRole('row').filter({ hasText: 'PC-INCONNU' });
    await strangerRow.waitFor({ timeout: 8_000 }); // the list refreshes itself every 5 s
    await strangerRow.getByRole('button', { name: 'Refuser' }).click();
    await admin.getByText('Demande refusée.').waitFor();
    expect((await shell.call('GET', `/api/enrolments/${stranger.body.requestId}`)).body).toEqual({
      status: 'refused',
    });
  }, 60_000);

  it('the audit screen lists these actions with an intact chain and exports them', async () => {
    await openAdminSection(admin, 'Journal d’audit');
    const screen = admin.getByRole('region', { name: 'Journal d’audit' });
    await screen.getByText(/^Journal intègre : \d+ enregistrements$/).waitFor();
    const table = screen.getByRole('table', { name: 'Enregistrements du journal' });
    for (const type of [
      'Configuration modifiée',
      'Double authentification activée',
      'Code de secours utilisé',
      'Déconnexion de tous les postes',
      'Double authentification réinitialisée',
      'Demande d’appairage',
      'Appareil appairé',
      'Appareil révoqué',
      'Appairage refusé',
    ])
      await table.getByRole('cell', { name: type, exact: true }).first().waitFor();

    const search = screen.getByRole('form', { name: 'Recherche dans le journal' });
    await search.getByLabel('Type').selectOption({ label: 'Double authentification activée' });
    await search.getByRole('button', { name: 'Rechercher' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    expect(await table.locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining('luc'),
      expect.stringContaining('virginie'),
    ]);

    await search.getByLabel('Type').selectOption({ label: 'Tous' });
    await search.getByLabel('Recherche').fill('device');
    await search.getByRole('button', { name: 'Rechercher' }).click();
    await expect
      .poll(() => table.getByRole('cell', { name: 'Double authentification activée' }).count())
      .toBe(0);
    await table.getByRole('cell', { name: 'Appareil révoqué', exact: true }).waitFor();
    await screenshot(admin, 'security-audit');
    expect(await seriousAxeViolations(admin)).toEqual([]);

    const [csv] = await Promise.all([
      admin.waitForEvent('download'),
      search.getByRole('button', { name: 'Exporter CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^gfa-audit-.*\.csv$/);
    const text = readFileSync(await csv.path(), 'utf8');
    for (const needle of [
      'device.enrolment_requested',
      'device.approved',
      'device.revoked',
      'Borne du hall 2',
    ])
      expect(text).toContain(needle);
    expect(text).not.toContain('auth.totp_enabled');

    const [xlsx] = await Promise.all([
      admin.waitForEvent('download'),
      search.getByRole('button', { name: 'Exporter XLSX' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  }, 60_000);

  it('a record altered behind the server’s back turns the banner red', async () => {
    // Debian's sqlite3, as someone with access to the disk would: the chain no longer matches.
    execFileSync('sqlite3', [
      databaseFile(demo.dataDir),
      "update events set data = json_set(data, '$.hostname', 'PC-CONNU') where type = 'device.refused'",
    ]);
    await openAdminSection(admin, 'Journal d’audit');
    await admin.getByRole('button', { name: 'Rechercher' }).click();
    const banner = admin.getByRole('alert').filter({ hasText: 'Journal altéré' });
    await banner.getByText(/^Journal altéré : enregistrement n° \d+ modifié/).waitFor();
    expect(await banner.getAttribute('class')).toContain('broken');
    expect(await banner.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(176, 0, 32)');
    await screenshot(admin, 'security-audit-altered');
  }, 30_000);

  it('the administrator sets the kiosks’ exit code; a kiosk then gets its exit from the server', async () => {
    await openAdminSection(admin, 'Sécurité');
    const form = admin.getByRole('form', { name: 'Code de sortie des bornes' });
    await form.getByText(/Aucun code défini/).waitFor();
    await form.getByLabel('Nouveau code (4 à 12 chiffres)').fill('73a91');
    expect(await form.getByLabel('Nouveau code (4 à 12 chiffres)').inputValue()).toBe('7391');
    await form.getByRole('button', { name: 'Enregistrer le code' }).click();
    await admin.getByText('Code de sortie des bornes enregistré.').waitFor();
    await form.getByText(/Un code est défini/).waitFor();
    expect(await seriousAxeViolations(admin)).toEqual([]);

    const kiosk = await demo.device('kiosk');
    const exit = (code: string) => kiosk.call<{ verdict: string }>('POST', '/api/kiosk/exit', { code });
    expect((await exit('1111')).body.verdict).toBe('wrong-code');
    expect((await exit('7391')).body.verdict).toBe('exit');
  }, 30_000);

  it('an idle session ends: the workstation goes back to the login page and says why', async () => {
    await openAdminSection(admin, 'Sécurité');
    const rules = admin.getByRole('form', { name: 'Sécurité' });
    await rules.getByLabel('Déconnexion après inactivité (minutes)').fill('5');
    await rules.getByRole('button', { name: 'Enregistrer les règles' }).click();
    await admin.getByText('Règles de sécurité enregistrées.').waitFor();

    const desk = await signInWorkstation(browser, demo.server.url, 'sophie');
    offset = 6 * 60_000; // six minutes without a request
    // Either her next request is refused (401) or the 30 s WebSocket re-check comes first (4001):
    // both must bring the login page back, so the click may find the app already gone.
    await desk
      .getByRole('button', { name: 'Mon compte' })
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    await desk.getByRole('button', { name: 'Se connecter' }).waitFor({ timeout: 10_000 });
    await desk
      .getByRole('alert')
      .getByText(/Votre session a pris fin/)
      .waitFor();
    await desk.context().close();
  }, 30_000);
});
