/**
 * The alert rules screen offers, for each rule, only the settings its kind
 * honours (`ALERT_KIND_FILTERS`): a kind without a category filter shows no
 * category picker, and switching kinds clears a scope the new kind ignores
 * before it is saved. Revoking an agenda's key asks first, as revoking a
 * device does (one component). Real Chromium on the built workstation.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AlertRule } from '@gfa/shared';
import { startDemoServer, type DemoServer } from '../integration/support/demo-server.js';
import { launchBrowser } from './support/browser.js';
import { openAdminSection, signInWorkstation } from './support/pages.js';

const built = existsSync(resolve(import.meta.dirname, '../../../workstation/dist/index.html'));

describe.runIf(built)('admin screens offer only what applies', () => {
  let demo: DemoServer;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    admin = await signInWorkstation(browser, demo.server.url, 'admin');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('a kind without a category filter shows no category picker; switching to it clears the category', async () => {
    await openAdminSection(admin, 'Règles et écrans');
    const rules = admin.getByRole('region', { name: 'Règles d’alerte' });
    await rules.getByRole('button', { name: 'Ajouter une règle' }).click();
    const row = rules.locator('tbody tr').last();
    await row.getByLabel('Type d’alerte').selectOption({ label: 'Attente trop longue' });
    const category = row.getByLabel('Catégorie de l’alerte Attente trop longue');
    await category.selectOption({ index: 1 });
    expect(await row.getByRole('combobox').count()).toBe(3);

    await row.getByLabel('Type d’alerte').selectOption({ label: 'Parcours trop long' });
    await row.getByLabel('Motif de l’alerte Parcours trop long').waitFor();
    expect(await row.getByLabel(/^Catégorie de l’alerte/).count()).toBe(0);
    expect(await row.getByRole('combobox').count()).toBe(2);

    await row.getByLabel('Type d’alerte').selectOption({ label: 'Auto-prélèvement non reçu' });
    await row.getByLabel('Seuil de l’alerte Auto-prélèvement non reçu').waitFor();
    expect(await row.getByRole('combobox').count()).toBe(1);

    const request = admin.waitForRequest(
      (r) => r.method() === 'PUT' && r.url().endsWith('/api/admin/alert-rules'),
    );
    await rules.getByRole('button', { name: 'Enregistrer les alertes' }).click();
    await admin.getByText('Règles d’alerte enregistrées.').waitFor();
    const sent = (await request).postDataJSON() as { rules: AlertRule[] };
    expect(sent.rules.at(-1)).toMatchObject({
      kind: 'self_sample_not_received',
      categoryId: null,
      reasonId: null,
    });
  }, 60_000);

  it('revoking an agenda key asks for confirmation; « Annuler » keeps the key', async () => {
    await openAdminSection(admin, 'Import des rendez-vous');
    const section = admin.getByRole('region', { name: 'Intégrations d’agenda' });
    await section.getByLabel('Nom de l’intégration', { exact: true }).fill('Agenda Doctolib');
    await section.getByRole('button', { name: 'Créer la clé d’API' }).click();
    const row = section.getByRole('row').filter({ hasText: 'Agenda Doctolib' });
    await row.getByRole('button', { name: 'Révoquer' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Révoquer la clé d’API' });
    await dialog.getByText(/ne pourra plus envoyer de rendez-vous/).waitFor();
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    expect(await row.getByRole('button', { name: 'Révoquer' }).count()).toBe(1);
    await row.getByRole('button', { name: 'Révoquer' }).click();
    await dialog.getByRole('button', { name: 'Révoquer' }).click();
    await row.getByText(/^révoquée le/).waitFor();
  }, 60_000);
});
