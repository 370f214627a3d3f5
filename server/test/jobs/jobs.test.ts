/**
 * The scheduled jobs on a real database file and real folders: catch-up in
 * order (import, nominative export, anonymisation, backup) when the box was
 * off, once; a refused file; the daily times.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataSettings } from '@gfa/shared';
import { writeBackupPassphrase } from '../../src/backup/passphrase-store.js';
import type { OpenDatabase } from '../../src/db/database.js';
import { nextOccurrence, previousOccurrence } from '../../src/jobs/daily-schedule.js';
import { dataJobs } from '../../src/jobs/data-jobs.js';
import { DEFAULT_DATA_SETTINGS } from '../../src/settings/settings-registry.js';
import { STANDARD_PROFILE, saveProfile } from '../../src/import/profiles.js';
import { JobRegistry } from '../../src/jobs/job-registry.js';
import { nominativeFileName } from '../../src/retention/nominative-export.js';
import { QueueService } from '../../src/service/queue-service.js';
import { DAY } from '../domain/fixtures.js';
import { openDayWithGhislaine } from '../retention/day-with-ghislaine.js';

const fixtures = resolve(import.meta.dirname, '../import/fixtures');
let handle: OpenDatabase | undefined;
afterEach(() => handle?.close());

const count = (sql: string): number => (handle?.sqlite.prepare(sql).get() as { n: number }).n;

async function setUp(now: number, settings: (dir: string) => DataSettings) {
  const dataDir = mkdtempSync(join(tmpdir(), 'gfa-jobs-'));
  handle = await openDayWithGhislaine(dataDir);
  const service = new QueueService(handle.db, () => now);
  const chosen = settings(dataDir);
  const registry = new JobRegistry(
    handle.db,
    () => now,
    dataJobs({ db: handle.db, sqlite: handle.sqlite, dataDir, service, settings: () => chosen }),
  );
  return { dataDir, registry, chosen };
}

const folders = (dir: string): DataSettings => ({
  ...DEFAULT_DATA_SETTINGS,
  import: { ...DEFAULT_DATA_SETTINGS.import, folder: join(dir, 'entrant') },
  nominativeExport: {
    ...DEFAULT_DATA_SETTINGS.nominativeExport,
    folder: join(dir, 'nominatif'),
    format: 'csv',
  },
  backup: { ...DEFAULT_DATA_SETTINGS.backup, copyTo: join(dir, 'usb') },
});

describe('daily times', () => {
  const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).getTime();
  it('the last time at or before now, and the next one after, across midnight', () => {
    expect(previousOccurrence(['07:00', '19:00'], at(24, 9))).toBe(at(24, 7));
    expect(previousOccurrence(['07:00', '19:00'], at(24, 6))).toBe(at(23, 19));
    expect(previousOccurrence(['02:00'], at(24, 2))).toBe(at(24, 2));
    expect(nextOccurrence(['07:00', '19:00'], at(24, 9))).toBe(at(24, 19));
    expect(nextOccurrence(['07:00', '19:00'], at(24, 20))).toBe(at(25, 7));
  });
});

describe('scheduled jobs', () => {
  // Ten days after the old consultant's visit, at 10:00: every job's last time has passed.
  const now = Date.parse('2026-12-04T10:00:00');

  it('catch up at start in order, once: import, nominative export, anonymisation, backup', async () => {
    const { dataDir, registry, chosen } = await setUp(now, folders);
    mkdirSync(chosen.import.folder as string, { recursive: true });
    copyFileSync(join(fixtures, 'good-utf8-semicolon.csv'), join(chosen.import.folder as string, 'rdv.csv'));
    writeBackupPassphrase(dataDir, 'une phrase de passe solide');

    await registry.start();
    await registry.stop();

    const statuses = registry.statuses();
    expect(statuses.map((s) => [s.id, s.lastRun?.ok, s.lastRun?.trigger])).toEqual([
      ['import', true, 'catch-up'],
      ['nominative-export', true, 'catch-up'],
      ['retention', true, 'catch-up'],
      ['backup', true, 'catch-up'],
    ]);
    // The imported file left the folder; its appointments are in the database.
    expect(readdirSync(chosen.import.folder as string)).toEqual(['importés']);
    expect(count("select count(*) as n from appointments where external_id like 'SA-%'")).toBeGreaterThan(1);
    // The old day was exported with its names BEFORE being anonymised.
    const exported = readFileSync(
      join(chosen.nominativeExport.folder as string, nominativeFileName(DAY, 'csv')),
      'utf8',
    );
    expect(exported).toContain('Vieuxnom');
    expect(exported).toContain('Ghislaine');
    expect(count("select count(*) as n from visits where last_name = 'Vieuxnom'")).toBe(0);
    // The backup is in the data folder and in the second folder.
    const backups = readdirSync(join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(existsSync(join(chosen.backup.copyTo as string, backups[0] as string))).toBe(true);
    expect(statuses.find((s) => s.id === 'backup')?.lastRun?.summary).toMatch(/^Sauvegarde gfa-.*\.gfabak/);

    // A second start at the same moment runs nothing again.
    await registry.start();
    await registry.stop();
    expect(count("select count(*) as n from events where type in ('job.completed', 'job.failed')")).toBe(4);
  });

  it('jobs that are not set up do not run at start; run now says why', async () => {
    const { registry } = await setUp(now, () => DEFAULT_DATA_SETTINGS);
    await registry.start();
    await registry.stop();
    const statuses = registry.statuses();
    expect(statuses.map((s) => [s.id, s.notReady, s.lastRun?.ok ?? null])).toEqual([
      ['import', 'Dossier surveillé non choisi.', null],
      ['nominative-export', 'Dossier de l’export non choisi.', null],
      ['retention', null, true],
      ['backup', 'Phrase de passe des sauvegardes non définie.', null],
    ]);
    const manual = await registry.run('backup', 'manual');
    expect(manual.lastRun).toMatchObject({
      ok: false,
      trigger: 'manual',
      summary: 'Phrase de passe des sauvegardes non définie.',
    });
    expect(manual.nextRun).toBe(new Date(2026, 11, 5, 3, 0).getTime());
  });

  it('a refused file imports nothing, waits in "refusés" and the run is reported failed', async () => {
    const { registry, chosen } = await setUp(now, folders);
    const folder = chosen.import.folder as string;
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(fixtures, 'bad-date.csv'), join(folder, 'mauvais.csv'));
    const before = count('select count(*) as n from appointments');
    const status = await registry.run('import', 'manual');
    expect(status.lastRun).toMatchObject({ ok: false });
    expect(status.lastRun?.summary).toContain('mauvais.csv');
    expect(count('select count(*) as n from appointments')).toBe(before);
    expect(readdirSync(join(folder, 'refusés'))).toEqual([expect.stringMatching(/-mauvais\.csv$/)]);
    expect(count("select count(*) as n from events where type = 'import.rejected'")).toBe(1);
  });

  it('the watched folder refuses a file cancelling more than the threshold, unless its profile allows it', async () => {
    const { registry, chosen } = await setUp(now, folders);
    const folder = chosen.import.folder as string;
    mkdirSync(folder, { recursive: true });
    const agenda = (n: number): string =>
      [
        'Nom;Prénom;Civilité;Date de naissance;Date RDV;Heure RDV;Motif;Identifiant',
        ...Array.from(
          { length: n },
          (_, i) => `Nom${i};Eva;Mme;01/01/1960;15/12/2026;${10 + (i % 8)}:00;EPS;J-${i}`,
        ),
      ].join('\r\n');
    writeFileSync(join(folder, '1-jour.csv'), agenda(12));
    expect((await registry.run('import', 'manual')).lastRun).toMatchObject({ ok: true });
    const scheduled = () =>
      count("select count(*) as n from appointments where day = '2026-12-15' and status = 'scheduled'");
    expect(scheduled()).toBe(12);

    // Tonight's file lists one appointment: 11 cancellations, nobody to confirm them.
    writeFileSync(join(folder, '2-jour.csv'), agenda(1));
    const refused = await registry.run('import', 'manual');
    expect(refused.lastRun).toMatchObject({ ok: false });
    expect(refused.lastRun?.summary).toContain('2-jour.csv');
    expect(scheduled()).toBe(12);
    expect(readdirSync(join(folder, 'refusés'))).toEqual([expect.stringMatching(/-2-jour\.csv$/)]);

    saveProfile(handle?.db as OpenDatabase['db'], {
      ...STANDARD_PROFILE,
      name: 'nuit',
      unattendedCancellations: true,
    });
    chosen.import.profile = 'nuit';
    writeFileSync(join(folder, '3-jour.csv'), agenda(1));
    expect((await registry.run('import', 'manual')).lastRun).toMatchObject({ ok: true });
  });
});
