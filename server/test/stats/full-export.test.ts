/**
 * Reversibility: the archive holds every table as CSV and as a sheet under
 * French names, with a dictionary describing every column, instants as local
 * date-times, and no secrets; read back by openpyxl.
 */
process.env.TZ = 'Europe/Paris';

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../src/db/database.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { csvFileName } from '../../src/stats/csv-writer.js';
import { DATA_DICTIONARY } from '../../src/stats/data-dictionary.js';
import { allTables, fullExportArchive } from '../../src/stats/full-export.js';

describe('full export', () => {
  it('every table is in the zip, as CSV and as a French sheet with the same row count; no password or token hash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gfa-full-'));
    const handle = openDatabase(databaseFile(dir));
    await seedDemo(handle.db, '2026-11-24', Date.parse('2026-11-24T07:00:00Z'));
    const tables = allTables(handle.sqlite);
    const rowCount = (sqlName: string): number =>
      (handle.sqlite.prepare(`select count(*) as n from "${sqlName}"`).get() as { n: number }).n;
    const sheets = Object.fromEntries(tables.map((t) => [t.name, rowCount(t.sqlName)]));
    const csvs = Object.fromEntries(tables.map((t) => [`csv/${csvFileName(t)}`, rowCount(t.sqlName)]));
    const archive = join(dir, 'export.zip');
    writeFileSync(archive, await fullExportArchive(handle.sqlite));
    handle.close();
    const script = `
import io, json, sys, zipfile, openpyxl
z = zipfile.ZipFile(sys.argv[1])
book = openpyxl.load_workbook(io.BytesIO(z.read('gfa-export.xlsx')), read_only=True)
sheets = {ws.title: sum(1 for _ in ws.iter_rows()) - 1 for ws in book.worksheets}
csvs = {n: z.read(n).decode('utf-8-sig').count('\\r\\n') - 1 for n in z.namelist() if n.startswith('csv/')}
first = [list(r) for r in book['Rendez-vous'].iter_rows(max_row=2)]
types = {str(h.value): type(c.value).__name__ for h, c in zip(first[0], first[1])}
print(json.dumps({'sheets': sheets, 'csvs': csvs, 'appointmentTypes': types,
  'text': ''.join(z.read(n).decode('utf-8-sig') for n in z.namelist() if n.endswith('.csv'))}))`;
    const read = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', script, archive], { encoding: 'utf8' }),
    ) as {
      sheets: Record<string, number>;
      csvs: Record<string, number>;
      appointmentTypes: Record<string, string>;
      text: string;
    };
    expect(read.csvs).toEqual(csvs);
    expect(read.sheets).toEqual({
      Dictionnaire: tables.reduce((n, t) => n + t.columns.length, 0),
      ...sheets,
    });
    expect(read.csvs['csv/rendez-vous.csv']).toBe(80);
    expect(read.appointmentTypes).toMatchObject({
      Jour: 'datetime',
      'Heure du rendez-vous': 'datetime',
      Nom: 'str',
    });
    expect(read.text).not.toContain('$argon2id$');
    expect(read.text).not.toContain('password_hash');
    // Instants are local date-times, not epoch milliseconds.
    expect(read.text).toMatch(/;2026-11-24 \d{2}:\d{2}:\d{2};/);
    expect(read.text).not.toMatch(/;1\d{12};/);
  });

  it('the dictionary describes every table and column of the schema (describe a new column when adding it)', () => {
    const handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-dict-'))));
    const tables = allTables(handle.sqlite);
    handle.close();
    const undescribed = tables.flatMap((t) =>
      t.sqlColumns.filter((c) => !DATA_DICTIONARY[t.sqlName]?.columns[c]).map((c) => `${t.sqlName}.${c}`),
    );
    expect(undescribed).toEqual([]);
    const names = tables.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((name) => name.length <= 31)).toBe(true);
  });
});
