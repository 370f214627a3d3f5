/**
 * The exports opened by a French office suite: LibreOffice Calc (headless,
 * French locale and French CSV import settings) converts them, then
 * openpyxl reads what LibreOffice understood. CI installs libreoffice-calc
 * and the fr_FR.UTF-8 locale (`.ci/run`, about a minute), so this test
 * never skips. Each conversion starts LibreOffice (several seconds).
 */
process.env.TZ = 'Europe/Paris';

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/db/database.js';
import { tableToCsv } from '../../src/stats/csv-writer.js';
import { allTables, fullExportArchive } from '../../src/stats/full-export.js';
import { openDayWithGhislaine } from '../retention/day-with-ghislaine.js';
import { ESCAPED, sample, SAMPLE_ROW_READ_BACK } from './export-samples.js';

/** `;` separator, `"` quote, UTF-8 (76), from line 1, language French (1036), detect special numbers. */
const FRENCH_CSV_IMPORT = 'CSV:59,34,76,1,,1036,false,true';

/** Converts `file` to XLSX with LibreOffice in French and returns the new file's path. */
function throughLibreOffice(file: string, infilter?: string): string {
  const out = mkdtempSync(join(tmpdir(), 'gfa-lo-out-'));
  const profile = mkdtempSync(join(tmpdir(), 'gfa-lo-profile-'));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      'xlsx',
      '--outdir',
      out,
      file,
    ],
    { env: { ...process.env, LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8' }, stdio: 'pipe', timeout: 120_000 },
  );
  return join(out, file.replace(/^.*\//, '').replace(/\.\w+$/, '.xlsx'));
}

type ReadCell = { type: string; value: unknown; formula: boolean };
/** Every sheet's cells as openpyxl sees them: Python type, value, and whether it is a formula. */
function readWorkbook(file: string): Record<string, ReadCell[][]> {
  const script = `
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: [[{'type': type(c.value).__name__, 'formula': c.data_type == 'f',
  'value': c.value.isoformat() if hasattr(c.value, 'isoformat') else c.value} for c in r] for r in ws.iter_rows()]
  for ws in book.worksheets}))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as Record<
    string,
    ReadCell[][]
  >;
}

describe('LibreOffice Calc in French', () => {
  let handle: OpenDatabase | undefined;
  afterEach(() => handle?.close());

  it('reads our CSV: decimal comma as numbers, local date-times as dates, formula names as text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gfa-lo-csv-'));
    const ours = join(dir, 'export.csv');
    writeFileSync(ours, tableToCsv(sample));
    // The same file without the neutralising apostrophes, to show LibreOffice would run them.
    mkdirSync(join(dir, 'raw'));
    const raw = join(dir, 'raw', 'export.csv');
    writeFileSync(raw, tableToCsv(sample).replace(/(^|;|")'(?=[=+\-@])/gm, '$1'));

    const [sheet] = Object.values(readWorkbook(throughLibreOffice(ours, FRENCH_CSV_IMPORT)));
    expect(sheet?.[1]?.map(({ type, value }) => ({ type, value }))).toEqual(SAMPLE_ROW_READ_BACK);
    expect(sheet?.slice(2).map((row) => row[0])).toEqual(
      ESCAPED.map((value) => ({ type: 'str', value, formula: false })),
    );

    const [unsafe] = Object.values(readWorkbook(throughLibreOffice(raw, FRENCH_CSV_IMPORT)));
    expect(unsafe?.slice(2).some((row) => row[0]?.formula)).toBe(true);
  }, 120_000);

  it('reads the full export workbook: every French sheet, every row, typed date-times', async () => {
    handle = await openDayWithGhislaine();
    const tables = allTables(handle.sqlite);
    const dir = mkdtempSync(join(tmpdir(), 'gfa-lo-full-'));
    const workbook = join(dir, 'gfa-export.xlsx');
    writeFileSync(
      workbook,
      unzipSync(await fullExportArchive(handle.sqlite))['gfa-export.xlsx'] as Uint8Array,
    );

    const read = readWorkbook(throughLibreOffice(workbook));
    expect(Object.keys(read)).toEqual(['Dictionnaire', ...tables.map((t) => t.name)]);
    for (const table of tables) expect(read[table.name]?.length).toBe(table.rows.length + 1);
    const visits = read['Visites'] as ReadCell[][];
    const arrived = visits[0]?.findIndex((c) => c.value === 'Arrivée') ?? -1;
    expect(visits[1]?.[arrived]?.type).toBe('datetime');
    const day = visits[0]?.findIndex((c) => c.value === 'Jour') ?? -1;
    expect(visits[1]?.[day]).toMatchObject({ type: 'datetime', value: '2026-11-24T00:00:00' });
  }, 120_000);
});
