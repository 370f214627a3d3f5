/**
 * Issue 4 in real browsers. The supervisor sees a consultant's wait turn
 * into an alert (the server's clock is moved 31 minutes on; the default
 * "attente" rule is 30 minutes), acknowledges it and transfers the
 * consultant. The administrator creates a professional and a reason with a
 * three-step journey through the screens; a walk-in for that reason then
 * flows through the three steps, the last one at the new professional's desk.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { VisitDto } from '@gfa/shared';
import { clearOfMidnight, startDemoServer, type DemoServer } from '../integration/support/demo-server.js';
import type { ApiClient } from '../integration/support/https-client.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { signInWorkstation } from './support/pages.js';

const built = existsSync(resolve(import.meta.dirname, '../../../workstation/dist/index.html'));
const MINUTE = 60_000;

describe.runIf(built)('supervision and administration in the browser', () => {
  let demo: DemoServer;
  let browser: Browser;
  let offset = 0;
  let reception: ApiClient;

  beforeAll(async () => {
    // The 31 minutes this test moves on must not cross midnight (a day with no demo visits).
    const shift = clearOfMidnight();
    demo = await startDemoServer(() => Date.now() + shift + offset);
    browser = await launchBrowser();
    reception = await demo.login('sophie');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  const visits = async (): Promise<VisitDto[]> =>
    (await reception.call<{ visits: VisitDto[] }>('GET', '/api/visits')).body.visits;

  it('a wait too long becomes an alert; the supervisor acknowledges it and transfers the consultant', async () => {
    const expected = (await visits()).find((v) => v.state === 'expected' && v.reasonId === 'eps') as VisitDto;
    const name = expected.identity.lastName.toUpperCase();
    expect(
      (await reception.call('POST', '/api/visits', { appointmentId: expected.appointmentId })).status,
    ).toBe(200);

    const board = await signInWorkstation(browser, demo.server.url, 'virginie');
    await board.getByRole('table', { name: 'Consultants du jour' }).waitFor();
    const alerts = board.getByRole('region', { name: 'Alertes' });
    const alert = board
      .locator('.ws-alerts li')
      .filter({ hasText: `${name} ${expected.identity.firstName} attend depuis` });
    expect(await alert.count()).toBe(0);

    offset = 31 * MINUTE; // half an hour later, nobody has called this consultant
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.getAttribute('class')).toBe('active');
    await screenshot(board, 'supervision-alert');

    await alert.getByRole('button', { name: 'Acquitter' }).click();
    await expect.poll(() => alert.getAttribute('class'), { timeout: 10_000 }).toBe('acknowledged');
    await expect.poll(() => alert.getByRole('button', { name: 'Acquitter' }).count()).toBe(0);
    expect(await alerts.isVisible()).toBe(true);

    await alert.getByRole('button', { name: 'Voir' }).click();
    const panel = board.getByRole('region', { name: 'Déplacer le consultant' });
    await panel.getByLabel('Motif de l’intervention').fill('Accueil débordé, passage direct en soins');
    await panel.getByLabel('Transférer vers').selectOption({ label: 'File : Infirmier' });
    await screenshot(board, 'supervision-transfer');
    await panel.getByRole('button', { name: 'Transférer' }).click();
    await board.getByText('Consultant transféré.').waitFor();
    const moved = (await visits()).find((v) => v.id === expected.id);
    expect(moved?.queues).toContainEqual({ kind: 'category', categoryId: 'infirmier' });
  }, 90_000);

  it('the administrator creates a professional and a three-step reason; a walk-in flows through it', async () => {
    offset = 0;
    const admin = await signInWorkstation(browser, demo.server.url, 'admin');
    await admin.getByRole('button', { name: 'Administration' }).click();

    // A new professional: Zoé, dietician, in Bureau 12.
    const account = admin.getByRole('form', { name: 'Compte' });
    await account.getByLabel('Nom affiché').fill('Zoé Martin');
    await account.getByLabel('Identifiant').fill('zoe');
    await account.getByLabel(/^Mot de passe/).fill('Nutrition-2026!');
    await account.getByRole('checkbox', { name: 'Diététicien' }).check();
    await account.getByLabel('Salle par défaut').selectOption({ label: 'Bureau 12' });
    await screenshot(admin, 'admin-new-user');
    await account.getByRole('button', { name: 'Enregistrer le compte' }).click();
    await admin.getByText('Compte enregistré.').waitFor();
    await admin.getByRole('table', { name: 'Comptes' }).getByText('Zoé Martin').waitFor();

    // A new reason whose journey is reception desk → nurse → Zoé.
    await admin.getByRole('button', { name: 'Motifs et parcours' }).click();
    const reason = admin.getByRole('form', { name: 'Motif' });
    await reason.getByLabel('Libellé', { exact: true }).fill('Bilan nutrition');
    await reason.getByLabel('Code').fill('NUTRI');
    const steps: [string, string][] = [
      ['Accueil administratif', 'Catégorie : Agent administratif'],
      ['Mesures', 'Catégorie : Infirmier'],
      ['Entretien diététique', 'Zoé Martin'],
    ];
    for (const [i, [label, target]] of steps.entries()) {
      await reason.getByRole('button', { name: 'Ajouter une étape' }).click();
      await reason.getByLabel(`Libellé de l’étape ${i + 1}`).fill(label);
      await reason.getByLabel(`Destinataire de l’étape ${i + 1}`).selectOption({ label: target });
    }
    await screenshot(admin, 'admin-journey-editor');
    await reason.getByRole('button', { name: 'Enregistrer le motif et son parcours' }).click();
    await admin.getByText('Motif et parcours enregistrés.').waitFor();

    // Reception registers a walk-in for the new reason.
    const config = (await reception.call<{ reasons: { id: string; code: string }[] }>('GET', '/api/config'))
      .body;
    const reasonId = config.reasons.find((r) => r.code === 'NUTRI')?.id as string;
    const registered = await reception.call<{ visit: VisitDto }>('POST', '/api/visits', {
      identity: { civility: 'Mme', firstName: 'Alice', lastName: 'Nouveau', birthDate: '1980-05-06' },
      reasonId,
    });
    expect(registered.status).toBe(200);
    const visitId = registered.body.visit.id;
    expect(registered.body.visit.steps.map((s) => s.label)).toEqual(steps.map(([label]) => label));

    // Steps 1 and 2 at the reception desk and with the nurse (their API, as their screens do).
    for (const login of ['christelle', 'carole']) {
      const pro = await demo.login(login);
      await pro.call('POST', '/api/desk/presence', { state: 'available' });
      for (const type of ['call', 'start', 'finish']) {
        const res = await pro.call('POST', `/api/visits/${visitId}/actions`, { type });
        expect(res.status, `${login} ${type}`).toBe(200);
      }
    }

    // Step 3 at Zoé's own desk, in her browser.
    const zoe: Page = await signInWorkstation(browser, demo.server.url, 'zoe', 'Nutrition-2026!');
    await zoe.getByRole('button', { name: 'Disponible' }).click();
    await zoe.getByRole('button', { name: 'Appeler le suivant' }).click();
    await zoe.getByRole('button', { name: 'Commencer la prise en charge' }).click();
    await zoe.getByRole('button', { name: 'Terminer la prise en charge' }).click();
    await zoe.getByText('Prise en charge terminée.').waitFor();
    await expect.poll(async () => (await visits()).find((v) => v.id === visitId)?.state).toBe('done');
    await admin.getByRole('button', { name: 'Règles et écrans' }).click();
    await admin.getByRole('region', { name: 'Règles d’alerte' }).waitFor();
    await screenshot(admin, 'admin-rules');
  }, 120_000);

  it('the administrator checks a bad file (line-by-line report, « Importer » stays disabled), then imports a good one', async () => {
    const fixtures = resolve(import.meta.dirname, '../import/fixtures');
    const admin = await signInWorkstation(browser, demo.server.url, 'admin');
    await admin.getByRole('button', { name: 'Administration' }).click();
    await admin.getByRole('button', { name: 'Import des rendez-vous' }).click();
    const form = admin.getByRole('region', { name: 'Import des rendez-vous' });
    const file = form.getByLabel('Fichier exporté de l’agenda (CSV, texte ou Excel .xlsx)');
    const importButton = form.getByRole('button', { name: 'Importer', exact: true });

    await file.setInputFiles(resolve(fixtures, 'bad-date.csv'));
    // Nothing is imported before a check passed.
    expect(await importButton.isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Vérifier le fichier' }).click();
    const errors = form.getByRole('table', { name: 'Erreurs du fichier' });
    await errors.waitFor();
    expect(await errors.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await errors.locator('tbody tr').first().locator('td').first().textContent()).toMatch(/^\d+$/);
    expect(await importButton.isDisabled()).toBe(true);

    await file.setInputFiles(resolve(fixtures, 'good-utf8-semicolon.csv'));
    await form.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await form.getByText(/^Fichier valide : \d+ à créer/).waitFor();
    await importButton.click();
    await form.getByText(/^Importé : \d+ créés/).waitFor();
    await admin.getByText('Import terminé.').waitFor();
    await admin
      .getByRole('region', { name: 'Derniers imports' })
      .getByText(/\d+ créés?,/)
      .waitFor();
    await screenshot(admin, 'admin-import');

    // A column profile for another agenda, saved once, then offered in the list.
    const mapping = admin.getByRole('region', { name: 'Correspondance des colonnes' });
    await mapping.getByLabel('Nom du profil').fill('agenda-2');
    await mapping.getByLabel('Téléphone').fill('Tél.');
    await mapping.getByRole('button', { name: 'Enregistrer le profil' }).click();
    await admin.getByText('Profil « agenda-2 » enregistré.').waitFor();
    expect(await form.getByLabel('Correspondance des colonnes').inputValue()).toBe('agenda-2');

    // Statistics of the day with their charts, and the XLSX download.
    await admin.getByRole('button', { name: 'Statistiques et exports' }).click();
    await admin.getByRole('button', { name: 'Afficher' }).click();
    const chart = admin.getByRole('figure', { name: 'Prises en charge par professionnel' });
    await chart.waitFor();
    expect(await chart.locator('.ws-bar').count()).toBeGreaterThan(0); // the earlier tests' cares
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: 'Exporter en XLSX' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gfa-statistiques-.*\.xlsx$/);
    await screenshot(admin, 'admin-statistics');
  }, 60_000);

  it('the administrator sets the watched folder and the backup passphrase, then runs both jobs now', async () => {
    const fixtures = resolve(import.meta.dirname, '../import/fixtures');
    const watched = join(demo.dataDir, 'entrant');
    mkdirSync(watched);
    copyFileSync(resolve(fixtures, 'good-cp1252-semicolon.csv'), join(watched, 'rdv-demain.csv'));
    const admin = await signInWorkstation(browser, demo.server.url, 'admin');
    await admin.getByRole('button', { name: 'Administration' }).click();
    await admin.getByRole('button', { name: 'Tâches planifiées' }).click();
    const settings = admin.getByRole('region', { name: 'Conservation et dossiers' });
    await settings.getByLabel('Dossier surveillé').fill(watched);
    await settings.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await admin.getByText('Réglages des données enregistrés.').waitFor();
    await settings
      .getByLabel('Nouvelle phrase de passe (12 caractères au moins)')
      .fill('une phrase de passe solide');
    await settings.getByRole('button', { name: 'Enregistrer la phrase de passe' }).click();
    await settings.getByText('Une phrase de passe est définie.').waitFor();

    const jobs = admin.getByRole('region', { name: 'Tâches planifiées' });
    for (const id of ['import', 'backup']) {
      const row = jobs.locator(`tr[data-job="${id}"]`);
      await row.getByRole('button', { name: 'Lancer maintenant' }).click();
      await row.getByText(/^Réussie : /).waitFor();
    }
    expect(await jobs.locator('tr[data-job="import"]').innerText()).toContain('1 fichier importé :');
    expect(await jobs.locator('tr[data-job="backup"]').innerText()).toMatch(
      /Sauvegarde gfa-\d{8}-\d{6}\.gfabak/,
    );
    expect(readdirSync(watched)).toEqual(['importés']);
    expect(readdirSync(join(demo.dataDir, 'backups'))).toHaveLength(1);
    await screenshot(admin, 'admin-jobs');
  }, 60_000);
});
