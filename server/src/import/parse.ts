/**
 * CSV parsing with csv-parse: quoted fields with embedded delimiters and line
 * breaks, the delimiter detected among ; , and tab, Excel's trailing empty
 * columns ignored, and the file line number of every record kept for reports.
 */
import { parse } from 'csv-parse/sync';

export type Delimiter = ';' | ',' | '\t';
const CANDIDATES: Delimiter[] = [';', '\t', ','];

export interface CsvRecord {
  /** Line of the file where the record starts (1 = header). */
  readonly line: number;
  readonly cells: string[];
}

export interface ParsedCsv {
  readonly delimiter: Delimiter;
  readonly header: string[];
  readonly records: CsvRecord[];
}

function records(text: string, delimiter: Delimiter, toLine?: number): { line: number; cells: string[] }[] {
  const rows = parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    trim: true,
    ...(toLine ? { to_line: toLine } : {}),
  }) as unknown as { record: string[]; info: { lines: number; records: number } }[];
  return rows.map((row) => {
    // info.lines is the line where the record ENDS; embedded line breaks make it span several lines.
    const breaks = row.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    return { line: row.info.lines - breaks, cells: row.record };
  });
}

/** The delimiter that gives the header the most columns, consistently over the first lines. */
function detectDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; score: number } = { delimiter: ';', score: 0 };
  for (const delimiter of CANDIDATES) {
    try {
      const sample = records(text, delimiter, 20);
      const width = sample[0]?.cells.filter((c) => c !== '').length ?? 0;
      const consistent = sample.filter((r) => r.cells.length >= width).length;
      const score = width > 1 ? width * 1000 + consistent : 0;
      if (score > best.score) best = { delimiter, score };
    } catch {
      // This delimiter does not parse (e.g. quotes misplaced for it): not the one.
    }
  }
  return best.delimiter;
}

export function parseCsv(text: string): ParsedCsv {
  const delimiter = detectDelimiter(text);
  const [head, ...rest] = records(text, delimiter);
  const header = (head?.cells ?? []).map((h) => h.trim());
  while (header.length > 0 && header.at(-1) === '') header.pop();
  return {
    delimiter,
    header,
    records: rest
      .filter((r) => r.cells.some((c) => c !== ''))
      .map((r) => ({ line: r.line, cells: r.cells.slice(0, header.length) })),
  };
}
