/**
 * The one CSV writer of every export (statistics, audit, nominative days,
 * full export): as French Excel and LibreOffice read it — UTF-8 BOM, `;`,
 * CRLF, decimal comma, local dates — and safe to open: a text cell that a
 * spreadsheet would take for a formula is neutralised (OWASP « CSV Injection »).
 */
import { stringify } from 'csv-stringify/sync';
import { fold, localClock, localDateTime } from '@gfa/shared';
import type { Cell, ColumnType, Table } from './tables.js';

/** `=`, `+`, `-`, `@`, tab, carriage return, and the full-width `＝ ＋ － ＠` that Excel also evaluates. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** A leading apostrophe makes the spreadsheet show the text instead of running it. */
export const neutraliseFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

function csvCell(type: ColumnType, cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (type === 'datetime') return localDateTime(cell);
    if (type === 'time') return localClock(cell);
    // Written by us from a number: a leading minus is a sign, not a formula.
    return String(cell).replace('.', ',');
  }
  return neutraliseFormula(cell);
}

/** A table's CSV file name, plain ASCII so every zip tool and share keeps it (`Étapes des visites` → `etapes-des-visites.csv`). */
export const csvFileName = (table: Table): string =>
  `${fold(table.name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.csv`;

export function tableToCsv(table: Table): string {
  const rows = [
    table.columns.map((c) => neutraliseFormula(c.label)),
    ...table.rows.map((row) => row.map((cell, i) => csvCell(table.columns[i]?.type ?? 'text', cell))),
  ];
  return `\uFEFF${stringify(rows, { delimiter: ';', record_delimiter: '\r\n' })}`;
}
