/** Appointment CSV import against a real SQLite file with the demo centre's configuration. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Appointment, ImportReport } from '@gfa/shared';
import { appointmentsOfDay } from '../../src/db/appointment-store.js';
import { loadConfig } from '../../src/db/config-store.js';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { entriesSince, lastSeq } from '../../src/db/journal-store.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { importAppointments } from '../../src/import/import-appointments.js';
import { STANDARD_PROFILE } from '../../src/import/profiles.js';

const DAY = '2026-12-01';
const fixture = (name: string): Uint8Array => readFileSync(join(import.meta.dirname, 'fixtures', name));
const admin = { kind: 'user' as const, id: 'admin' };
let handle: OpenDatabase;

beforeEach(async () => {
  handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-import-'))));
  await seedDemo(handle.db, '2026-11-24', Date.parse('2026-11-24T07:00:00Z'));
});
afterEach(() => handle.close());

const run = (file: string, bytes = fixture(file), dryRun = false): ImportReport =>
  importAppointments(
    handle.db,
    loadConfig(handle.db),
    { file, bytes, profile: STANDARD_PROFILE, dryRun },
    admin,
    Date.now(),
  );

const summary = (list: Appointment[]) =>
  list
    .map((a) => ({
      name: `${a.identity.civility} ${a.identity.firstName} ${a.identity.lastName}`,
      birth: a.identity.birthDate,
      time: new Date(a.at).toTimeString().slice(0, 5),
      reason: a.reasonId,
      pro: a.professionalId,
      ext: a.externalId,
      ref: a.reference,
    }))
    .sort((x, y) => x.time.localeCompare(y.time));

const EXPECTED = [
  {
    name: 'M. Joël Martin',
    birth: '1961-04-12',
    time: '08:00',
    reason: 'eps',
    pro: null,
    ext: 'SA-1',
    ref: 'RDV-A1',
  },
  {
    name: 'Mme Hélène Lefèvre',
    birth: '1958-11-03',
    time: '08:30',
    reason: 'eip',
    pro: 'carole',
    ext: 'SA-2',
    ref: 'RDV-A2',
  },
  {
    name: 'M. Jean-\nPierre Dupont; de la Tour',
    birth: '1960-02-29',
    time: '09:15',
    reason: 'eps',
    pro: null,
    ext: 'SA-3',
    ref: 'RDV-A3',
  },
];

describe('good files import exactly', () => {
  for (const [file, encoding, delimiter] of [
    ['good-utf8-semicolon.csv', 'utf-8', ';'],
    ['good-utf8-bom-comma.csv', 'utf-8', ','],
    ['good-cp1252-semicolon.csv', 'windows-1252', ';'],
    ['good-utf8-tab.tsv', 'utf-8', '\t'],
  ] as const) {
    it(file, () => {
      const report = run(file);
      expect(report).toMatchObject({
        encoding,
        delimiter,
        rows: 3,
        errors: [],
        created: 3,
        updated: 0,
        cancelled: 0,
      });
      expect(summary(appointmentsOfDay(handle.db, DAY))).toEqual(EXPECTED);
    });
  }
});

describe('bad files import nothing and report the right lines', () => {
  const cases: [string, ImportReport['errors']][] = [
    ['bad-missing-column.csv', [{ line: 1, column: 'Motif', message: 'Colonne manquante : « Motif ».' }]],
    [
      'bad-date.csv',
      [
        {
          line: 3,
          column: 'Date de naissance',
          message: 'Date de naissance invalide : « 31/02/1961 » (attendu JJ/MM/AAAA).',
        },
      ],
    ],
    [
      'bad-duplicate-id.csv',
      [{ line: 4, column: 'Identifiant', message: 'Identifiant en double : « SA-1 » (déjà ligne 2).' }],
    ],
    ['bad-empty.csv', [{ line: 1, column: '', message: 'Le fichier est vide.' }]],
  ];
  for (const [file, errors] of cases) {
    it(file, () => {
      const before = lastSeq(handle.db);
      const report = run(file);
      expect(report.errors).toEqual(errors);
      expect(report.created + report.updated + report.cancelled).toBe(0);
      expect(appointmentsOfDay(handle.db, DAY)).toEqual([]);
      expect(entriesSince(handle.db, before).map((e) => e.type)).toEqual(['import.rejected']);
    });
  }

  it('a 10 MB file is refused whole', () => {
    const line = 'Martin;Joël;M.;12/04/1961;01/12/2026;08:00;EPS;;SA-X;RDV-X\r\n';
    const big = Buffer.from(
      fixture('good-utf8-semicolon.csv').toString() + line.repeat(Math.ceil(10e6 / line.length)),
    );
    expect(big.length).toBeGreaterThan(10e6);
    const report = run('big.csv', big);
    expect(report.errors[0]?.message).toMatch(/^Fichier trop volumineux \(10\.\d Mo, 5 Mo au plus\)/);
    expect(appointmentsOfDay(handle.db, DAY)).toEqual([]);
  });
});

describe('re-import', () => {
  it('the same file again changes nothing and duplicates nothing', () => {
    run('good-utf8-semicolon.csv');
    const again = run('good-cp1252-semicolon.csv');
    expect(again).toMatchObject({ created: 0, updated: 0, cancelled: 0, kept: 0 });
    expect(appointmentsOfDay(handle.db, DAY)).toHaveLength(3);
  });

  it('an updated file updates by external id, cancels what disappeared, never touches a started visit', () => {
    run('good-utf8-semicolon.csv');
    const [joel] = appointmentsOfDay(handle.db, DAY).filter((a) => a.externalId === 'SA-1');
    // Joël has already checked in: his visit must not be changed by the new file.
    handle.sqlite
      .prepare(
        `insert into visits (id, day, appointment_id, reason_id, template_id, template_version, civility, first_name, last_name, state, priority_class)
         values ('v1', ?, ?, 'eps', 'tpl-eps', 1, 'M.', 'Joël', 'Martin', 'waiting', 1)`,
      )
      .run(DAY, joel?.id);
    const updated = Buffer.from(
      [
        'Nom;Prénom;Civilité;Date de naissance;Date RDV;Heure RDV;Motif;Professionnel;Identifiant;Référence',
        'Martin;Joël;M.;12/04/1961;01/12/2026;14:00;EPS;;SA-1;RDV-A1',
        'Lefèvre;Hélène;Mme;03/11/1958;01/12/2026;10:30;EIP;Carole Petit;SA-2;RDV-A2',
      ].join('\r\n'),
    );
    const dry = run('maj.csv', updated, true);
    expect(dry).toMatchObject({ dryRun: true, created: 0, updated: 1, cancelled: 1, kept: 1 });
    expect(summary(appointmentsOfDay(handle.db, DAY)).map((a) => a.time)).toEqual([
      '08:00',
      '08:30',
      '09:15',
    ]);
    const report = run('maj.csv', updated);
    expect(report).toMatchObject({ created: 0, updated: 1, cancelled: 1, kept: 1 });
    const after = appointmentsOfDay(handle.db, DAY);
    expect(after).toHaveLength(3);
    expect(after.find((a) => a.externalId === 'SA-1')?.at).toBe(joel?.at);
    expect(new Date(after.find((a) => a.externalId === 'SA-2')?.at ?? 0).toTimeString().slice(0, 5)).toBe(
      '10:30',
    );
    expect(after.find((a) => a.externalId === 'SA-3')?.status).toBe('cancelled');
  });
});

describe('optional identification columns', () => {
  const profile = {
    ...STANDARD_PROFILE,
    name: 'avec-contact',
    columns: {
      ...STANDARD_PROFILE.columns,
      birthName: 'Nom de naissance',
      phone: 'Téléphone',
      email: 'Courriel',
    },
  };
  const file = (rows: string[]) =>
    Buffer.from(
      [
        'Nom;Prénom;Civilité;Date de naissance;Date RDV;Heure RDV;Motif;Professionnel;Identifiant;Référence;Nom de naissance;Téléphone;Courriel',
        ...rows,
      ].join('\r\n'),
    );
  const importWith = (bytes: Buffer) =>
    importAppointments(
      handle.db,
      loadConfig(handle.db),
      { file: 'c.csv', bytes, profile, dryRun: false },
      admin,
      Date.now(),
    );

  it('birth name, phone and e-mail are stored only when the profile maps them', () => {
    const report = importWith(
      file([
        'Martin;Joëlle;Mme;12/04/1961;01/12/2026;08:00;EPS;;SA-9;RDV-9;Durand;05 56 00 11 22;joelle@example.fr',
      ]),
    );
    expect(report).toMatchObject({ created: 1, errors: [] });
    expect(appointmentsOfDay(handle.db, DAY)[0]?.contact).toEqual({
      birthName: 'Durand',
      phone: '05 56 00 11 22',
      email: 'joelle@example.fr',
    });
    // Without those columns in the profile, nothing of the kind is kept.
    run('good-utf8-semicolon.csv');
    expect(appointmentsOfDay(handle.db, DAY).map((a) => a.contact)).toContainEqual({
      birthName: null,
      phone: null,
      email: null,
    });
  });

  it('a bad e-mail or phone refuses the file with its line', () => {
    const report = importWith(
      file([
        'Martin;Joëlle;Mme;12/04/1961;01/12/2026;08:00;EPS;;SA-9;RDV-9;;05 56 00 11 22;joelle-at-example',
        'Petit;Jean;M.;01/01/1950;01/12/2026;09:00;EPS;;SA-10;RDV-10;;appelez-moi;',
      ]),
    );
    expect(report.errors).toEqual([
      { line: 2, column: 'Courriel', message: 'Adresse e-mail invalide : « joelle-at-example ».' },
      { line: 3, column: 'Téléphone', message: 'Numéro de téléphone invalide : « appelez-moi ».' },
    ]);
    expect(appointmentsOfDay(handle.db, DAY)).toEqual([]);
  });
});
