/**
 * Issue 18: agenda files are read, planned and committed in a worker thread, on its own
 * connection. A malformed file gives there the very French report the in-process import gives,
 * a good file the same counts and the same rows; a worker that dies gives a clean, French
 * refusal at once, never a request left waiting.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CentreConfig } from '@gfa/shared';
import { appointmentsOfDay } from '../../src/db/appointment-store.js';
import { loadConfig } from '../../src/db/config-store.js';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { latestEntriesOf } from '../../src/db/journal-store.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { runImport } from '../../src/import/import-appointments.js';
import { AGENDA_WORKER, importInWorker } from '../../src/import/import-in-worker.js';
import { SPARE_DELAY_MS, takeSpare } from '../../src/import/spare-worker.js';
import { STANDARD_PROFILE } from '../../src/import/profiles.js';
import { readAgendaFile } from '../../src/import/read-agenda.js';
import { largeAgendaCsv } from './fixtures/large-agenda.js';

const fixture = (name: string): Uint8Array => readFileSync(join(import.meta.dirname, 'fixtures', name));
const actor = { kind: 'user' as const, id: 'admin' };
let handle: OpenDatabase;
let config: CentreConfig;

beforeEach(async () => {
  handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-import-worker-'))));
  await seedDemo(handle.db, '2026-11-24', Date.parse('2026-11-24T07:00:00Z'));
  config = loadConfig(handle.db);
});
afterEach(() => handle.close());

const inWorker = (file: string, bytes: Uint8Array, dryRun: boolean) =>
  importInWorker({
    database: handle.sqlite.name,
    bytes,
    request: { file, profile: STANDARD_PROFILE, dryRun },
    config,
    actor,
    now: Date.parse('2026-11-30T18:00:00Z'),
  });
const inProcess = async (file: string, bytes: Uint8Array, dryRun: boolean) =>
  runImport(
    handle.db,
    { file, profile: STANDARD_PROFILE, dryRun },
    await readAgendaFile(bytes, STANDARD_PROFILE, config, 'standard'),
    actor,
    Date.parse('2026-11-30T18:00:00Z'),
  );

describe('the import worker', () => {
  it.each([
    ['bad-date.csv', fixture('bad-date.csv')],
    ['bad-missing-column.csv', fixture('bad-missing-column.csv')],
    ['bad-empty.csv', fixture('bad-empty.csv')],
    ['damaged .xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])],
    ['binary file', Uint8Array.from([0x01, 0x00, 0x02, 0x00])],
  ])('refuses %s with the same French report as in-process', async (name, bytes) => {
    const worker = await inWorker(name, bytes, true);
    expect('report' in worker && worker.report.errors.length).toBeGreaterThan(0);
    expect(worker).toEqual({ report: await inProcess(name, bytes, true), phases: null });
  });

  it('imports a good file with the counts, rows and journal entry of the in-process import', async () => {
    const bytes = fixture('good-utf8-semicolon.csv');
    const dry = await inProcess('good.csv', bytes, true);
    const worker = await inWorker('good.csv', bytes, false);
    if (!('report' in worker)) throw new Error('worker interrupted');
    expect(worker.report).toEqual({ ...dry, dryRun: false });
    expect(worker.phases?.commitMs).toBeGreaterThan(0);
    expect(appointmentsOfDay(handle.db, '2026-12-01').filter((a) => a.source === 'standard')).toHaveLength(
      dry.created,
    );
    // The worker's connection appended to the chain the server's connection reads.
    expect(latestEntriesOf(handle.db, ['import.completed'], 1)[0]?.data).toMatchObject({
      file: 'good.csv',
      created: dry.created,
    });
  });

  it('leaves a spare worker for the next import, which reads a file as a fresh worker does', async () => {
    const bytes = fixture('good-utf8-semicolon.csv');
    const spareStarted = () => new Promise((r) => setTimeout(r, SPARE_DELAY_MS + 100));
    const first = await inWorker('good.csv', bytes, true);
    await spareStarted();
    // The import started a spare: taken (and ended) here, the next import starts a worker of its own.
    const spare = takeSpare(AGENDA_WORKER);
    expect(spare).toBeDefined();
    await spare?.terminate();
    const fresh = await inWorker('good.csv', bytes, true);
    await spareStarted();
    const fromSpare = await inWorker('good.csv', bytes, true);
    expect(fresh).toEqual(first);
    expect(fromSpare).toEqual(first);
    expect(fromSpare).toEqual({ report: await inProcess('good.csv', bytes, true), phases: null });
  });

  it('a worker that runs out of memory gives a clean French refusal, not a hung request', async () => {
    const result = await importInWorker(
      {
        database: handle.sqlite.name,
        bytes: largeAgendaCsv(40_000, '2027-01-04'),
        request: { file: 'gros.csv', profile: STANDARD_PROFILE, dryRun: false },
        config,
        actor,
        now: Date.now(),
      },
      { resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 } },
    );
    expect(result).toEqual({
      interrupted: expect.objectContaining({
        appointments: [],
        errors: [
          expect.objectContaining({
            line: 1,
            message: expect.stringContaining('Lecture du fichier interrompue'),
          }),
        ],
      }),
    });
    expect(
      handle.sqlite
        .prepare(`select count(*) from appointments where external_id like 'LARGE-%'`)
        .pluck()
        .get(),
    ).toBe(0);
  }, 120_000);
});
