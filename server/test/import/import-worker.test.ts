/**
 * Issue 18: agenda files are read in a worker thread. A malformed file gives there the very
 * French report the in-process reading gives; a worker that dies gives a clean, French refusal
 * at once, never a request left waiting.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/db/config-store.js';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { STANDARD_PROFILE } from '../../src/import/profiles.js';
import { readAgendaFile } from '../../src/import/read-agenda.js';
import { readAgendaInWorker } from '../../src/import/read-in-worker.js';
import { largeAgendaCsv } from './fixtures/large-agenda.js';

const fixture = (name: string): Uint8Array => readFileSync(join(import.meta.dirname, 'fixtures', name));
let handle: OpenDatabase;

beforeEach(async () => {
  handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-import-worker-'))));
  await seedDemo(handle.db, '2026-11-24', Date.parse('2026-11-24T07:00:00Z'));
});
afterEach(() => handle.close());

describe('the import worker', () => {
  it.each([
    ['bad-date.csv', fixture('bad-date.csv')],
    ['bad-missing-column.csv', fixture('bad-missing-column.csv')],
    ['bad-empty.csv', fixture('bad-empty.csv')],
    ['damaged .xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])],
    ['binary file', Uint8Array.from([0x01, 0x00, 0x02, 0x00])],
  ])('refuses %s with the same French report as in-process', async (_name, bytes) => {
    const input = { bytes, profile: STANDARD_PROFILE, config: loadConfig(handle.db), source: 'standard' };
    const inWorker = await readAgendaInWorker(input);
    const inProcess = await readAgendaFile(input.bytes, input.profile, input.config, input.source);
    expect(inWorker.errors.length).toBeGreaterThan(0);
    expect(inWorker).toEqual(inProcess);
  });

  it('reads a good file into the same appointments as in-process', async () => {
    const input = {
      bytes: fixture('good-utf8-semicolon.csv'),
      profile: STANDARD_PROFILE,
      config: loadConfig(handle.db),
      source: 'standard',
    };
    const inWorker = await readAgendaInWorker(input);
    expect(inWorker.errors).toEqual([]);
    expect(inWorker).toEqual(await readAgendaFile(input.bytes, input.profile, input.config, input.source));
  });

  it('a worker that runs out of memory gives a clean French refusal, not a hung request', async () => {
    const reading = await readAgendaInWorker(
      {
        bytes: largeAgendaCsv(40_000, '2027-01-04'),
        profile: STANDARD_PROFILE,
        config: loadConfig(handle.db),
        source: 'standard',
      },
      { resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 } },
    );
    expect(reading.appointments).toEqual([]);
    expect(reading.errors).toEqual([
      expect.objectContaining({
        line: 1,
        message: expect.stringContaining('Lecture du fichier interrompue'),
      }),
    ]);
  }, 120_000);
});
