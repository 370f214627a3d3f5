/**
 * The one XLSX writer of every export, with write-excel-file (maintained, no
 * advisory; `xlsx` 0.18.5 from the registry has unfixed ones): typed numbers,
 * dates and times in the centre's local time, columns sized to their content,
 * a bold header row kept in view (frozen).
 */
import writeXlsxFile, { type Cell as XlsxCell } from 'write-excel-file/node';
import type { Cell, Column, Table } from './tables.js';

const DAY_FORMAT = 'dd/mm/yyyy';
const TIME_FORMAT = 'hh:mm';
const DATETIME_FORMAT = 'dd/mm/yyyy hh:mm:ss';
const MINUTES_PER_DAY = 24 * 60;
/** The workbook overload's sheets (the package does not export its file-content type). */
type Sheets = Parameters<typeof writeXlsxFile>[0];

/**
 * Spreadsheet dates have no time zone: the cell must hold the local wall
 * clock, which write-excel-file reads from the UTC fields of the Date.
 */
function wallClock(ms: number): Date {
  const d = new Date(ms);
  return new Date(
    Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()),
  );
}

function dayOf(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

function xlsxCell(column: Column, cell: Cell): XlsxCell {
  if (cell === null) return null;
  if (typeof cell === 'string') {
    const day = column.type === 'date' ? dayOf(cell) : null;
    return day ? { value: day, type: Date, format: DAY_FORMAT } : { value: cell, type: String };
  }
  if (column.type === 'datetime') return { value: wallClock(cell), type: Date, format: DATETIME_FORMAT };
  if (column.type === 'time') {
    // A time of day is the fraction of a day, as Excel stores it.
    const d = new Date(cell);
    return {
      value: (d.getHours() * 60 + d.getMinutes()) / MINUTES_PER_DAY,
      type: Number,
      format: TIME_FORMAT,
    };
  }
  return { value: cell, type: Number };
}

const DISPLAY_WIDTH: Partial<Record<Column['type'], number>> = { date: 10, time: 5, datetime: 19 };

/** Wide enough for the header and the longest cell, within reason. */
function columnWidth(table: Table, index: number): number {
  const column = table.columns[index] as Column;
  let widest = column.label.length;
  for (const row of table.rows) {
    const cell = row[index];
    if (cell === null || cell === undefined) continue;
    widest = Math.max(widest, DISPLAY_WIDTH[column.type] ?? String(cell).length);
  }
  return Math.min(60, Math.max(8, widest + 2));
}

/** Excel's sheet names: at most 31 characters, none of `[ ] : * ? / \`, unique in the workbook. */
function sheetNames(tables: readonly Table[]): string[] {
  const used = new Set<string>();
  return tables.map((table) => {
    const base = table.name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 28)} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

export async function tablesToXlsx(tables: readonly Table[]): Promise<Buffer> {
  const names = sheetNames(tables);
  const sheets: Sheets = tables.map((table, t) => ({
    sheet: names[t],
    stickyRowsCount: 1,
    columns: table.columns.map((_, i) => ({ width: columnWidth(table, i) })),
    data: [
      table.columns.map((c) => ({ value: c.label, type: String, fontWeight: 'bold' as const })),
      ...table.rows.map((row) => table.columns.map((column, i) => xlsxCell(column, row[i] ?? null))),
    ],
  }));
  return writeXlsxFile(sheets).toBuffer();
}
