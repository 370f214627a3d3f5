/** Reversibility: the archive holds every table as CSV and in one workbook, without secrets. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../src/db/database.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { fullExportArchive } from '../../src/stats/full-export.js';

describe.runIf(existsSync('/usr/bin/python3'))('full export', () => {
  it('every table is in the zip, as CSV and as a sheet with the same row count; no password or token hash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gfa-full-'));
    const handle = openDatabase(databaseFile(dir));
    await seedDemo(handle.db, '2026-11-24', Date.parse('2026-11-24T07:00:00Z'));
    const counts = Object.fromEntries(
      (
        handle.sqlite.prepare("select name from sqlite_master where type = 'table'").all() as {
          name: string;
        }[]
      )
        .filter(({ name }) => !['sessions', '__drizzle_migrations', 'sqlite_sequence'].includes(name))
        .map(({ name }) => [
          name,
          (handle.sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n,
        ]),
    );
    const archive = join(dir, 'export.zip');
    writeFileSync(archive, fullExportArchive(handle.sqlite));
    handle.close();
    const script = `
import io, json, sys, zipfile, openpyxl
z = zipfile.ZipFile(sys.argv[1])
book = openpyxl.load_workbook(io.BytesIO(z.read('gfa-export.xlsx')), read_only=True)
sheets = {ws.title: sum(1 for _ in ws.iter_rows()) - 1 for ws in book.worksheets}
csvs = {n[4:-4]: z.read(n).decode('utf-8-sig').count('\\r\\n') - 1 for n in z.namelist() if n.startswith('csv/')}
print(json.dumps({'sheets': sheets, 'csvs': csvs, 'text': ''.join(z.read(n).decode('utf-8-sig') for n in z.namelist() if n.endswith('.csv'))}))`;
    const read = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', script, archive], { encoding: 'utf8' }),
    ) as {
      sheets: Record<string, number>;
      csvs: Record<string, number>;
      text: string;
    };
    expect(read.csvs).toEqual(counts);
    expect(read.sheets).toEqual(counts);
    expect(read.csvs.appointments).toBe(80);
    expect(read.text).not.toContain('$argon2id$');
    expect(read.text).not.toContain('password_hash');
  });
});
