/**
 * CSV parsing with csv-parse: quoted fields with embedded delimiters and line
 * breaks, the delimiter detected among ; , and tab, Excel's trailing empty
 * columns ignored, and the file line number where every row starts kept for reports.
 * Which row holds the headings is decided later (`header-row.ts`): agenda
 * exports often put a title and a date range above them.
 */
import { parse } from 'csv-parse/sync';

export type Delimiter = ';' | ',' | '\t';
const CANDIDATES: Delimiter[] = [';', '\t', ','];

export interface SheetRow {
  /** Line of the file (or row of the sheet) where the row starts, from 1. */
  readonly line: number;
  readonly cells: string[];
}

export interface ParsedCsv {
  readonly delimiter: Delimiter;
  readonly rows: SheetRow[];
}

/** Line breaks inside a (quoted) cell: CRLF, LF or a lone CR, each one line of the file. */
const breaksIn = (cell: string): number =>
  cell.includes('\n') || cell.includes('\r') ? (cell.match(/\r\n|\r|\n/g)?.length ?? 0) : 0;

/**
 * The records with the line each starts on. Without csv-parse's `info` (an object per record: half
 * of the parse's time): empty lines are kept as records of one empty cell, so that each record
 * starts on the line after the previous one ends — its start plus the line breaks of its cells.
 */
function records(text: string, delimiter: Delimiter, toLine?: number): SheetRow[] {
  const rows = parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    trim: true,
    ...(toLine ? { to_line: toLine } : {}),
  }) as string[][];
  let line = 1;
  return rows.map((cells) => {
    const row = { line, cells };
    line += 1 + cells.reduce((n, cell) => n + breaksIn(cell), 0);
    return row;
  });
}

const width = (row: SheetRow): number => row.cells.filter((c) => c !== '').length;

/** The delimiter that gives the widest rows, consistently over the first lines (title lines are narrow). */
function detectDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; score: number } = { delimiter: ';', score: 0 };
  for (const delimiter of CANDIDATES) {
    try {
      const sample = records(text, delimiter, 30);
      const widest = Math.max(0, ...sample.map(width));
      const consistent = sample.filter((r) => width(r) * 2 > widest).length;
      const score = widest > 1 ? widest * 1000 + consistent : 0;
      if (score > best.score) best = { delimiter, score };
    } catch {
      // This delimiter does not parse (e.g. quotes misplaced for it): not the one.
    }
  }
  return best.delimiter;
}

export function parseCsv(text: string): ParsedCsv {
  const delimiter = detectDelimiter(text);
  return { delimiter, rows: records(text, delimiter).filter((r) => r.cells.some((c) => c !== '')) };
}
