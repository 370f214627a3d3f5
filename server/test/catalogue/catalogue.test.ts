/** Issue 15 item 7: a fresh install is offered the tender's catalogue, editable, applied in one journaled step. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyCatalogue, catalogueOffer } from '../../src/catalogue/apply-catalogue.js';
import { loadConfig } from '../../src/db/config-store.js';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { entriesSince, lastSeq } from '../../src/db/journal-store.js';

const admin = { kind: 'user' as const, id: 'admin' };
let handle: OpenDatabase | null = null;
const fresh = (dir = mkdtempSync(join(tmpdir(), 'gfa-catalogue-'))): OpenDatabase => {
  handle = openDatabase(databaseFile(dir));
  return handle;
};
afterEach(() => handle?.close());

describe('the tender’s catalogue', () => {
  it('is offered on a fresh install with the tender’s reasons and their journeys', () => {
    const { db } = fresh();
    const offer = catalogueOffer(db);
    expect(offer.applicable).toBe(true);
    expect(offer.catalogue.reasons.map((r) => r.code)).toEqual([
      'EPS',
      'EPS_CONSTANCES',
      'EPS_2',
      'EIP',
      'MBP',
      'TABAC',
      'ETP_INDIVIDUEL',
      'ETP_COLLECTIF',
    ]);
    expect(offer.catalogue.categories.map((c) => c.label)).toContain('Médecin');
    expect(Object.keys(offer.catalogue.journeys).sort()).toEqual(
      offer.catalogue.reasons.map((r) => r.id).sort(),
    );
  });

  it('is applied in one transaction with one journal entry, then no more offered', () => {
    const { db } = fresh();
    const before = lastSeq(db);
    applyCatalogue(db, catalogueOffer(db).catalogue, admin, Date.now());
    const config = loadConfig(db);
    expect(config.reasons).toHaveLength(8);
    expect(config.templates).toHaveLength(8);
    expect(config.templates.find((t) => t.reasonId === 'eps')?.steps.map((s) => s.key)).toEqual([
      'admin',
      'medecin',
      'infirmier',
      'preleveur',
    ]);
    expect(entriesSince(db, before)).toMatchObject([
      { type: 'config.changed', actor: admin, data: { subject: 'catalogue' } },
    ]);
    expect(catalogueOffer(db).applicable).toBe(false);
    expect(() => applyCatalogue(db, catalogueOffer(db).catalogue, admin, Date.now())).toThrow(
      /ne s’applique qu’à une installation neuve/,
    );
  });

  it('an edited catalogue is applied as edited; an inconsistent one is refused whole in French', () => {
    const { db } = fresh();
    const { catalogue } = catalogueOffer(db);
    const withoutDentist = {
      ...catalogue,
      categories: catalogue.categories.filter((c) => c.id !== 'dentiste'),
      reasons: catalogue.reasons.map((r) => (r.id === 'tabac' ? { ...r, label: 'Sevrage tabagique' } : r)),
    };
    const broken = { ...catalogue, categories: catalogue.categories.filter((c) => c.id !== 'medecin') };
    const before = lastSeq(db);
    expect(() => applyCatalogue(db, broken, admin, Date.now())).toThrow(
      'Parcours « Examen de prévention en santé » : Étape « Consultation médicale » : destinataire inconnu.',
    );
    expect(loadConfig(db).categories).toEqual([]);
    expect(lastSeq(db)).toBe(before);
    applyCatalogue(db, withoutDentist, admin, Date.now());
    const config = loadConfig(db);
    expect(config.categories.map((c) => c.id)).not.toContain('dentiste');
    expect(config.reasons.find((r) => r.id === 'tabac')?.label).toBe('Sevrage tabagique');
  });

  it('gfa init --print writes it, gfa init --file applies the edited file', () => {
    const bin = resolve(import.meta.dirname, '../../bin/gfa.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'gfa-init-'));
    const gfa = (args: string[]) =>
      spawnSync(process.execPath, [bin, ...args, '--data-dir', dir], { encoding: 'utf8', timeout: 120_000 });
    const printed = gfa(['init', '--print']);
    expect(printed.status).toBe(0);
    const catalogue = JSON.parse(printed.stdout) as ReturnType<typeof catalogueOffer>['catalogue'];
    const file = join(dir, 'catalogue.json');
    const reasons = catalogue.reasons.map((r) =>
      r.id === 'tabac' ? { ...r, label: 'Sevrage tabagique' } : r,
    );
    writeFileSync(file, JSON.stringify({ ...catalogue, reasons }));
    const applied = gfa(['init', '--file', file]);
    expect(applied.stdout).toContain('Catalogue appliqué : 8 catégories, 8 motifs avec leur parcours');
    const again = gfa(['init']);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('installation neuve');
    const { db } = fresh(dir);
    expect(loadConfig(db).reasons.find((r) => r.id === 'tabac')?.label).toBe('Sevrage tabagique');
  }, 300_000);
});

describe('the CLI applies the protocol’s field limits (issue 13, item 7)', () => {
  it('gfa user add refuses a login or a name longer than the screens accept, in French', () => {
    const bin = resolve(import.meta.dirname, '../../bin/gfa.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'gfa-limits-'));
    const add = (login: string, name: string) =>
      spawnSync(
        process.execPath,
        [bin, 'user', 'add', '--login', login, '--name', name, '--password-stdin', '--data-dir', dir],
        {
          encoding: 'utf8',
          input: 'Secret-2026!x',
          timeout: 120_000,
        },
      );
    const long = add('l'.repeat(65), 'Léa');
    expect(long.status).not.toBe(0);
    expect(long.stderr).toContain('Identifiant trop long : 64 caractères au plus.');
    const name = add('lea', 'L'.repeat(121));
    expect(name.stderr).toContain('Nom affiché trop long : 120 caractères au plus.');
  }, 300_000);
});
