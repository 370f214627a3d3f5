/** Tables and names shared by the export tests: what the public can type, and how French Excel reads CSV. */
import { parse } from 'csv-parse/sync';
import type { Table } from '../../src/stats/tables.js';

/** What a public booking form lets anyone type as a name. */
export const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x","Cliquez")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd|x',
  '-2+3',
];
export const ESCAPED = HOSTILE.map((name) => `'${name}`);

/** As LibreOffice-FR or Excel-FR reads it: `;`, BOM, CRLF. */
export const readCsv = (csv: string | Buffer): string[][] =>
  parse(csv, {
    delimiter: ';',
    bom: true,
    record_delimiter: '\r\n',
    relax_column_count: false,
  }) as string[][];

/** 14:05:09 in Paris on 24 November 2026 (UTC+1). */
export const ARRIVED = Date.parse('2026-11-24T13:05:09Z');

export const sample: Table = {
  name: 'Essai : données',
  columns: [
    { label: 'Nom', type: 'text' },
    { label: 'Attente moyenne (min)', type: 'number' },
    { label: 'Écart (min)', type: 'number' },
    { label: 'Jour', type: 'date' },
    { label: 'Arrivée', type: 'time' },
    { label: 'Horodatage', type: 'datetime' },
  ],
  rows: [
    ['Dupont', 12.5, -2.25, '2026-11-24', ARRIVED, ARRIVED],
    ...HOSTILE.map((name) => [name, 3, 0, null, null, null]),
  ],
};

/** Row 1 of `sample` as a spreadsheet must hold it, read back by openpyxl: typed number, date, time, date-time. */
export const SAMPLE_ROW_READ_BACK = [
  { type: 'str', value: 'Dupont' },
  { type: 'float', value: 12.5 },
  { type: 'float', value: -2.25 },
  { type: 'datetime', value: '2026-11-24T00:00:00' },
  { type: 'time', value: '14:05:00' },
  { type: 'datetime', value: '2026-11-24T14:05:09' },
];
