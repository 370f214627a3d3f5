/**
 * Rows of an `.xlsx` agenda export, read with read-excel-file (the `xlsx`
 * package has unfixed advisories on reading). Cells become the text a CSV
 * export would hold: dates `JJ/MM/AAAA`, times `HH:MM`, date-times both.
 * The reader is loaded only for a workbook: the import worker of a CSV file starts ~0.1 s sooner.
 */
import { UnreadableFile } from './decode.js';
import type { SheetRow } from './parse.js';

/** A zip archive (an Office Open XML workbook) starts with « PK\x03\x04 ». */
export const isWorkbook = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const two = (n: number): string => String(n).padStart(2, '0');

/** Excel stores wall-clock dates; read-excel-file gives them as UTC instants of that wall clock. */
function dateText(date: Date): string {
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}`;
  // A time-only cell is a date on Excel's day 0 (1899-12-30 or 31).
  if (date.getUTCFullYear() < 1900) return time;
  const day = `${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  return date.getUTCHours() || date.getUTCMinutes() ? `${day} ${time}` : day;
}

const cellText = (value: unknown): string =>
  value === null || value === undefined ? '' : value instanceof Date ? dateText(value) : String(value).trim();

/** The first sheet's non-empty rows, numbered as Excel numbers them. */
export async function readWorkbookRows(bytes: Uint8Array): Promise<SheetRow[]> {
  const { default: readXlsxFile } = await import('read-excel-file/node');
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new UnreadableFile(
      'Classeur Excel illisible : enregistrez-le à nouveau depuis Excel (.xlsx) ou en CSV.',
    );
  }
  const data = (sheets[0]?.data ?? []) as unknown[][];
  return data
    .map((row, i) => ({ line: i + 1, cells: row.map(cellText) }))
    .filter((r) => r.cells.some((c) => c !== ''));
}
