/**
 * The one CSV writer and the one XLSX writer behind every export, read back
 * by other readers: csv-parse set as French Excel reads (`;`, BOM, decimal
 * comma) and Debian's python3-openpyxl for the workbook. The centre's time
 * zone is Europe/Paris: local times must come out as the wall clock there.
 */
process.env.TZ = 'Europe/Paris';

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditRecord } from '@gfa/shared';
import { auditTable } from '../../src/audit/audit-search.js';
import { loadConfig } from '../../src/db/config-store.js';
import type { OpenDatabase } from '../../src/db/database.js';
import { exportNominativeDays } from '../../src/retention/nominative-export.js';
import { csvFileName, neutraliseFormula, tableToCsv } from '../../src/stats/csv-writer.js';
import { fullExportArchive } from '../../src/stats/full-export.js';
import { tablesToXlsx } from '../../src/stats/xlsx-writer.js';
import { DAY } from '../domain/fixtures.js';
import { ARRIVED, ESCAPED, HOSTILE, readCsv, sample, SAMPLE_ROW_READ_BACK } from './export-samples.js';
import { openDayWithGhislaine } from '../retention/day-with-ghislaine.js';

describe('CSV', () => {
  it('neutralises every formula start OWASP lists, full-width forms included, and nothing else', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'])
      expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    for (const safe of ['Dupont', 'N’Diaye', "L'Hôte", '2 + 3', 'a=b'])
      expect(neutraliseFormula(safe)).toBe(safe);
  });

  it('French: BOM, semicolons, CRLF, decimal comma, local date and times, formula names escaped', () => {
    const csv = tableToCsv(sample);
    expect(csv.startsWith('\uFEFFNom;')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(sample.rows.length + 2);
    const [header, dupont, ...hostile] = readCsv(csv);
    expect(header).toEqual(sample.columns.map((c) => c.label));
    expect(dupont).toEqual(['Dupont', '12,5', '-2,25', '2026-11-24', '14:05', '2026-11-24 14:05:09']);
    // Every number cell reads as a French decimal, never with a point.
    expect(dupont?.slice(1, 3).every((cell) => /^-?\d+(,\d+)?$/.test(cell))).toBe(true);
    expect(hostile.map((row) => row[0])).toEqual(ESCAPED);
  });

  it('file names are plain ASCII', () => {
    expect(csvFileName({ ...sample, name: 'Étapes des visites' })).toBe('etapes-des-visites.csv');
    expect(csvFileName({ ...sample, name: 'Demandes d’enrôlement' })).toBe('demandes-d-enrolement.csv');
  });
});

describe('every CSV export escapes formula-leading names', () => {
  let handle: OpenDatabase | undefined;
  afterEach(() => handle?.close());

  it('audit export', () => {
    const records: AuditRecord[] = HOSTILE.map((actorLabel, i) => ({
      seq: i + 1,
      at: ARRIVED,
      type: 'export.created',
      actor: { kind: 'user', id: 'u' },
      actorLabel,
      visitId: null,
      stepId: null,
      professionalId: null,
      data: {},
      hash: 'h',
    }));
    const rows = readCsv(tableToCsv(auditTable(records))).slice(1);
    expect(rows.map((r) => r[3])).toEqual(ESCAPED);
    expect(rows[0]?.[1]).toBe('2026-11-24 14:05:09');
  });

  it('nominative export (CSV) and full export', async () => {
    handle = await openDayWithGhislaine();
    handle.sqlite.prepare('update visits set last_name = ?, first_name = ?').run(HOSTILE[0], HOSTILE[3]);
    handle.sqlite
      .prepare('update appointments set last_name = ?, birth_name = ?')
      .run(HOSTILE[1], HOSTILE[2]);
    const folder = mkdtempSync(join(tmpdir(), 'gfa-nominatif-'));
    const days = await exportNominativeDays(handle.db, loadConfig(handle.db), {
      folder,
      format: 'csv',
      today: '2026-12-31',
    });
    expect(days).toEqual([DAY]);
    const [file] = readdirSync(folder);
    const [header, ghislaine] = readCsv(readFileSync(join(folder, file as string)));
    const at = (label: string) => ghislaine?.[header?.indexOf(label) ?? -1];
    expect(at('Nom')).toBe(ESCAPED[0]);
    expect(at('Prénom')).toBe(ESCAPED[3]);
    expect(at('Date de naissance')).toBe('1944-07-14');

    const archive = unzipSync(await fullExportArchive(handle.sqlite));
    const appointments = readCsv(strFromU8(archive['csv/rendez-vous.csv'] as Uint8Array));
    const col = (label: string) => appointments[0]?.indexOf(label) ?? -1;
    expect(appointments[1]?.[col('Nom')]).toBe(ESCAPED[1]);
    expect(appointments[1]?.[col('Nom de naissance')]).toBe(ESCAPED[2]);
    const visits = readCsv(strFromU8(archive['csv/visites.csv'] as Uint8Array));
    expect(visits[1]?.[visits[0]?.indexOf('Nom') ?? -1]).toBe(ESCAPED[0]);
  });
});

describe('XLSX', () => {
  it('typed numbers, dates and times, French sheet name, bold frozen header, widths (read by openpyxl)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gfa-xlsx-')), 'essai.xlsx');
    writeFileSync(file, await tablesToXlsx([sample, { ...sample, rows: [] }]));
    const script = `
import json, sys, datetime, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in book.worksheets:
    rows = [[{'type': type(c.value).__name__, 'value': c.value.isoformat() if hasattr(c.value, 'isoformat') else c.value} for c in r] for r in ws.iter_rows()]
    out[ws.title] = {'rows': rows, 'frozen': ws.freeze_panes, 'bold': [c.font.b for c in ws[1]],
                     'widths': [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(ws.max_column)]}
print(json.dumps(out))`;
    const read = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }),
    ) as Record<
      string,
      { rows: { type: string; value: unknown }[][]; frozen: string; bold: boolean[]; widths: number[] }
    >;
    // `:` is not allowed in a sheet name; the second sheet of the same name gets a number.
    expect(Object.keys(read)).toEqual(['Essai - données', 'Essai - données 2']);
    const sheet = read['Essai - données'];
    expect(sheet?.frozen).toBe('A2');
    expect(sheet?.bold.every(Boolean)).toBe(true);
    expect(sheet?.widths.every((w) => w >= 8)).toBe(true);
    expect(sheet?.widths[1]).toBeGreaterThanOrEqual('Attente moyenne (min)'.length);
    expect(sheet?.rows[1]).toEqual(SAMPLE_ROW_READ_BACK);
    // Strings stay strings in a workbook: nothing to neutralise, nothing evaluated.
    expect(sheet?.rows.slice(2).map((r) => r[0])).toEqual(HOSTILE.map((value) => ({ type: 'str', value })));
  });
});
