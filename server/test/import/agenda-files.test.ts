/**
 * Agenda exports as the CES really sends them (issue 15, items 1–5; issue 13 item 7): fixtures written as
 * Excel on a French Windows writes them (`fixtures/generate-excel-fr.ts`), imported into a real SQLite file
 * holding the demo centre's configuration.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProfile, ImportReport } from '@gfa/shared';
import { appointmentsOfDay, findByIdentity } from '../../src/db/appointment-store.js';
import { loadConfig } from '../../src/db/config-store.js';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { entriesSince, lastSeq } from '../../src/db/journal-store.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { decodeCsv } from '../../src/import/decode.js';
import { importAgendaFile, importAppointments } from '../../src/import/import-appointments.js';
import { STANDARD_PROFILE, findProfile, saveValueMaps } from '../../src/import/profiles.js';

const DAY = '2026-12-01';
const fixture = (name: string): Uint8Array => readFileSync(join(import.meta.dirname, 'fixtures', name));
const admin = { kind: 'user' as const, id: 'admin' };
const CONSTANCES: ImportProfile = { ...STANDARD_PROFILE, name: 'constances' };
let handle: OpenDatabase;

beforeEach(async () => {
  handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-agenda-'))));
  await seedDemo(handle.db, '2026-11-24', Date.parse('2026-11-24T07:00:00Z'));
});
afterEach(() => handle.close());

const run = (
  file: string,
  options: { bytes?: Uint8Array; profile?: ImportProfile; dryRun?: boolean; confirm?: number } = {},
): ImportReport =>
  importAppointments(
    handle.db,
    loadConfig(handle.db),
    {
      file,
      bytes: options.bytes ?? fixture(file),
      profile: options.profile ?? STANDARD_PROFILE,
      dryRun: options.dryRun ?? false,
      ...(options.confirm !== undefined ? { confirmCancellations: options.confirm } : {}),
    },
    admin,
    Date.now(),
  );
const scheduled = () => appointmentsOfDay(handle.db, DAY).filter((a) => a.status === 'scheduled');
const names = () =>
  scheduled()
    .map((a) => a.identity.lastName)
    .sort();
const time = (at: number): string => new Date(at).toTimeString().slice(0, 5);

describe('decoding (item 2)', () => {
  it('Windows-1252 bytes 0x80–0x9F are the characters Excel-FR meant', () => {
    const text = '’ Œ œ € – … „ Ÿ';
    expect(decodeCsv(iconv.encode(`Nom\r\n${text}`, 'windows-1252'))).toEqual({
      encoding: 'windows-1252',
      text: `Nom\r\n${text}`,
    });
  });

  it('an Excel-FR semicolon CSV keeps N’Diaye, Lœvenbruck, CŒUR, the dash, the ellipsis and €', () => {
    expect(run('excel-fr-cp1252-ligatures.csv')).toMatchObject({
      encoding: 'windows-1252',
      created: 4,
      errors: [],
    });
    const stored = scheduled().map((a) => [a.identity.lastName, a.identity.firstName, a.reference]);
    expect(stored.sort()).toEqual([
      ['CŒUR', 'Anne–Sophie', 'RDV…103'],
      ['Lœvenbruck', 'Noël', 'RDV–102'],
      ['N’Diaye', 'Awa', 'RDV–101'],
      ['Œuvray', 'Léa', 'RDV-€104'],
    ]);
  });

  for (const [file, encoding] of [
    ['excel-fr-texte-unicode.txt', 'utf-16le'],
    ['utf16be-bom.txt', 'utf-16be'],
  ] as const) {
    it(`${file}: UTF-16 with its BOM, tab-separated, is read`, () => {
      expect(run(file)).toMatchObject({ encoding, delimiter: '\t', created: 1, errors: [] });
      expect(names()).toEqual(['N’Diaye']);
    });
  }
});

describe('matching folds ligatures and apostrophes on both sides (item 3)', () => {
  it("the kiosk finds CŒUR typed COEUR, N’DIAYE typed N’DIAYE, N'DIAYE or NDIAYE, Lœvenbruck typed LOEVENBRUCK", () => {
    run('excel-fr-cp1252-ligatures.csv');
    const found = (typed: string, birth: string) =>
      findByIdentity(handle.db, DAY, typed, birth).map((a) => a.identity.lastName);
    expect(found('COEUR', '1980-01-01')).toEqual(['CŒUR']);
    expect(found('CŒUR', '1980-01-01')).toEqual(['CŒUR']);
    for (const typed of ['N’DIAYE', "N'DIAYE", 'NDIAYE', 'N DIAYE', 'ndiaye'])
      expect(found(typed, '1970-06-05')).toEqual(['N’Diaye']);
    expect(found('LOEVENBRUCK', '1955-07-14')).toEqual(['Lœvenbruck']);
    expect(found('OEUVRAY', '1990-02-02')).toEqual(['Œuvray']);
  });
});

describe('per-source import (item 1)', () => {
  it('two agendas the same day keep both; each cancels only its own missing appointments', () => {
    expect(run('excel-fr-cp1252-ligatures.csv')).toMatchObject({
      source: 'standard',
      created: 4,
      cancelled: 0,
    });
    // The Constances agenda numbers its appointments like the EPS one (EPS-101): still two appointments.
    expect(run('agenda-constances.csv', { profile: CONSTANCES })).toMatchObject({
      source: 'constances',
      created: 2,
      updated: 0,
      cancelled: 0,
    });
    expect(names()).toEqual(['CŒUR', 'Garnier', 'Lœvenbruck', 'N’Diaye', 'Roussel', 'Œuvray']);
    // The demo's 80 appointments of another day are untouched; the demo day itself has none of these sources.
    // Tomorrow's EPS file no longer lists CŒUR: only CŒUR is cancelled, never a Constances appointment.
    const eps = iconv.decode(Buffer.from(fixture('excel-fr-cp1252-ligatures.csv')), 'windows-1252');
    const without = iconv.encode(
      eps
        .split('\r\n')
        .filter((l) => !l.startsWith('CŒUR'))
        .join('\r\n'),
      'windows-1252',
    );
    const report = run('eps-maj.csv', { bytes: without });
    expect(report).toMatchObject({ created: 0, updated: 0, cancelled: 1, errors: [] });
    expect(report.toCancel).toEqual([
      { at: expect.any(Number), name: 'Mme Anne–Sophie CŒUR', reasonId: 'eps' },
    ]);
    expect(names()).toEqual(['Garnier', 'Lœvenbruck', 'N’Diaye', 'Roussel', 'Œuvray']);
  });

  it('appointments stored by the demo (no source) are never cancelled by an agenda file', async () => {
    await seedDemo(handle.db, DAY, Date.parse('2026-12-01T06:00:00Z'));
    expect(scheduled()).toHaveLength(80);
    expect(run('agenda-constances.csv', { profile: CONSTANCES })).toMatchObject({ created: 2, cancelled: 0 });
    expect(scheduled()).toHaveLength(82);
  });

  const many = (n: number): Buffer =>
    Buffer.from(
      [
        'Nom;Prénom;Civilité;Date de naissance;Date RDV;Heure RDV;Motif;Identifiant',
        ...Array.from(
          { length: n },
          (_, i) =>
            `Nom${i};Prénom;Mme;01/01/1960;01/12/2026;${String(8 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')};EPS;T-${i}`,
        ),
      ].join('\r\n'),
    );

  it('more cancellations than the threshold: listed, refused until confirmed with their count', () => {
    run('twelve.csv', { bytes: many(12) });
    const check = run('one.csv', { bytes: many(1), dryRun: true });
    expect(check).toMatchObject({ cancelled: 11, confirmationNeeded: true, errors: [] });
    expect(check.toCancel.map((c) => c.name)).toEqual(
      Array.from({ length: 11 }, (_, i) => `Mme Prénom Nom${i + 1}`),
    );

    const before = lastSeq(handle.db);
    const refused = run('one.csv', { bytes: many(1) });
    expect(refused.errors).toEqual([
      {
        line: 1,
        column: '',
        message:
          'Ce fichier annulerait 11 rendez-vous (plus de 10) : vérifiez la liste puis confirmez l’annulation.',
      },
    ]);
    expect(scheduled()).toHaveLength(12);
    // A confirmation of another count (the file changed since the check) is no confirmation.
    expect(run('one.csv', { bytes: many(1), confirm: 10 }).errors).toHaveLength(1);
    expect(entriesSince(handle.db, before).map((e) => e.type)).toEqual([
      'import.rejected',
      'import.rejected',
    ]);
    expect(run('one.csv', { bytes: many(1), confirm: 11 })).toMatchObject({ cancelled: 11, errors: [] });
    expect(scheduled()).toHaveLength(1);
  });
});

describe('value mapping per profile (item 4)', () => {
  it('an unknown value refuses the file with its lines, then the saved mapping imports it', () => {
    const refused = run('agenda-unmapped-values.csv');
    expect(refused.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'Motif'],
      [3, 'Motif'],
      [4, 'Motif'],
      [4, 'Professionnel'],
    ]);
    expect(refused.unknownValues).toEqual([
      { field: 'reason', value: 'Examen de prévention en santé (EPS)', lines: [2] },
      { field: 'reason', value: 'Agenda EPS', lines: [3] },
      { field: 'reason', value: 'Entretien individuel', lines: [4] },
      { field: 'professional', value: 'IDE - Carole PETIT', lines: [4] },
    ]);
    expect(scheduled()).toEqual([]);

    saveValueMaps(handle.db, 'standard', {
      reasons: {
        'Examen de prévention en santé (EPS)': 'eps',
        'Agenda EPS': 'eps',
        'Entretien individuel': 'eip',
      },
      professionals: { 'IDE - Carole PETIT': 'carole' },
    });
    const profile = findProfile(handle.db, 'standard') as ImportProfile;
    expect(run('agenda-unmapped-values.csv', { profile })).toMatchObject({
      created: 3,
      errors: [],
      unknownValues: [],
    });
    expect(
      scheduled()
        .map((a) => [a.identity.lastName, a.reasonId, a.professionalId])
        .sort(),
    ).toEqual([
      ['Blanc', 'eps', null],
      ['Noir', 'eip', 'carole'],
      ['Petit', 'eps', null],
    ]);
  });
});

describe('other shapes of real exports (item 5)', () => {
  it('title lines, optional columns absent, date and time in one cell, « Annulé » rows cancel', () => {
    const report = run('agenda-eps-title-lines.csv');
    expect(report).toMatchObject({ encoding: 'utf-8', rows: 3, created: 2, cancelled: 0, errors: [] });
    expect(
      scheduled()
        .map((a) => [a.identity.lastName, time(a.at), a.externalId, a.reference])
        .sort(),
    ).toEqual([
      ['Lefèvre', '08:30', null, null],
      ['Martin', '08:00', null, null],
    ]);
    // The agenda then cancels Martin's appointment: the row stays, its status says « Annulé ».
    const text = readFileSync(join(import.meta.dirname, 'fixtures', 'agenda-eps-title-lines.csv'), 'utf8');
    const cancelled = Buffer.from(text.replace('EPS;Confirmé\r\nLefèvre', 'EPS;Annulé\r\nLefèvre'));
    expect(run('annule.csv', { bytes: cancelled })).toMatchObject({ created: 0, cancelled: 1, errors: [] });
    expect(names()).toEqual(['Lefèvre']);
  });

  it('Excel date serials, with the time as a fraction or in the same cell', () => {
    expect(run('agenda-serials.csv')).toMatchObject({ created: 2, errors: [] });
    expect(
      scheduled()
        .map((a) => [a.identity.lastName, a.identity.birthDate, a.day, time(a.at)])
        .sort(),
    ).toEqual([
      ['Lefèvre', '1958-11-03', DAY, '09:00'],
      ['Martin', '1961-04-12', DAY, '08:15'],
    ]);
  });

  it('two-digit years are refused with a clear message', () => {
    expect(run('agenda-two-digit-year.csv').errors).toEqual([
      {
        line: 2,
        column: 'Date de naissance',
        message:
          'Date de naissance avec l’année sur deux chiffres : « 12/04/61 ». Enregistrez les dates avec l’année complète (JJ/MM/AAAA) : « 61 » peut être 1961 ou 2061.',
      },
      {
        line: 2,
        column: 'Date RDV',
        message:
          'Date du rendez-vous avec l’année sur deux chiffres : « 01/12/26 ». Enregistrez les dates avec l’année complète (JJ/MM/AAAA) : « 26 » peut être 1926 ou 2026.',
      },
    ]);
  });

  it('a row repeated word for word (no agenda id) is one appointment', () => {
    expect(run('agenda-duplicate-rows.csv')).toMatchObject({
      rows: 3,
      created: 2,
      duplicates: 1,
      errors: [],
    });
    expect(run('agenda-duplicate-rows.csv')).toMatchObject({
      created: 0,
      updated: 0,
      cancelled: 0,
      duplicates: 1,
    });
    expect(names()).toEqual(['Lefèvre', 'Martin']);
  });

  it('an .xlsx export with a title row and typed date cells is read with read-excel-file', async () => {
    const report = await importAgendaFile(
      handle.db,
      loadConfig(handle.db),
      {
        file: 'agenda-eps.xlsx',
        bytes: fixture('agenda-eps.xlsx'),
        profile: STANDARD_PROFILE,
        dryRun: false,
      },
      admin,
      Date.now(),
    );
    expect(report).toMatchObject({ encoding: 'xlsx', rows: 2, created: 2, errors: [] });
    expect(
      scheduled()
        .map((a) => [a.identity.lastName, a.identity.birthDate, time(a.at), a.externalId])
        .sort(),
    ).toEqual([
      ['Lœvenbruck', '1955-07-14', '08:20', 'X-2'],
      ['N’Diaye', '1970-06-05', '08:00', 'X-1'],
    ]);
  });

  it('a damaged .xlsx is refused with a French message, nothing imported', async () => {
    const broken = Buffer.from(fixture('agenda-eps.xlsx')).subarray(0, 400);
    const report = await importAgendaFile(
      handle.db,
      loadConfig(handle.db),
      { file: 'abime.xlsx', bytes: broken, profile: STANDARD_PROFILE, dryRun: false },
      admin,
      Date.now(),
    );
    expect(report.errors).toEqual([
      {
        line: 1,
        column: '',
        message: 'Classeur Excel illisible : enregistrez-le à nouveau depuis Excel (.xlsx) ou en CSV.',
      },
    ]);
  });
});

describe('the protocol’s field limits on import (issue 13, item 7)', () => {
  const HEADER = 'Nom;Prénom;Civilité;Date de naissance;Date RDV;Heure RDV;Motif;Identifiant';
  it('a name longer than the protocol’s 80 characters is refused with its line', () => {
    const long = 'A'.repeat(81);
    const report = run('long.csv', {
      bytes: Buffer.from(
        [
          HEADER,
          'Martin;Joël;M.;12/04/1961;01/12/2026;08:00;EPS;L-1',
          `${long};Jean;M.;01/01/1950;01/12/2026;09:00;EPS;L-2`,
        ].join('\r\n'),
      ),
    });
    expect(report.errors).toEqual([
      { line: 3, column: 'Nom', message: 'Valeur trop longue : 81 caractères, 80 au plus.' },
    ]);
    expect(scheduled()).toEqual([]);
  });

  it('a 4.5 MB cell is refused cleanly: a short message, nothing stored', () => {
    const huge = 'x'.repeat(4_500_000);
    const report = run('huge.csv', {
      bytes: Buffer.from([HEADER, `Martin;${huge};M.;12/04/1961;01/12/2026;08:00;EPS;H-1`].join('\r\n')),
    });
    expect(report.errors).toEqual([
      {
        line: 2,
        column: 'Prénom',
        message: 'Valeur trop longue : 4\u202f500\u202f000 caractères, 80 au plus.',
      },
    ]);
    expect(scheduled()).toEqual([]);
  });
});
