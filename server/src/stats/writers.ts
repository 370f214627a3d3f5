/**
 * Table writers: CSV as French Excel expects it (UTF-8 BOM, semicolons) with
 * csv-stringify, and XLSX with the `xlsx` package (writing only: it is never
 * used to read files), numbers stored as numbers.
 */
import { stringify } from 'csv-stringify/sync';
import * as XLSX from 'xlsx';
import type { Table } from './tables.js';

export function tableToCsv(table: Table): string {
  const rows = [table.columns.map((c) => c.label), ...table.rows.map((r) => r.map((cell) => cell ?? ''))];
  return `\uFEFF${stringify(rows, { delimiter: ';', record_delimiter: '\r\n' })}`;
}

export function tablesToXlsx(tables: readonly Table[]): Buffer {
  const book = XLSX.utils.book_new();
  for (const table of tables) {
    const sheet = XLSX.utils.aoa_to_sheet([
      table.columns.map((c) => c.label),
      ...table.rows.map((r) => [...r]),
    ]);
    XLSX.utils.book_append_sheet(book, sheet, table.name.slice(0, 31));
  }
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
