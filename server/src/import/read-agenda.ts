/**
 * Everything an import does before it looks at the database: decode, parse,
 * find the headings, read every row through the profile. Pure (no database,
 * no clock), so the import worker runs it off the event loop and the tests
 * run it in-process; a file with any error ends here with its French report.
 */
import type { CentreConfig, ImportProfile } from '@gfa/shared';
import { UnreadableFile, decodeCsv } from './decode.js';
import { locateHeader } from './header-row.js';
import { parseCsv, type SheetRow } from './parse.js';
import { readRows, type ImportError, type ReadRows } from './rows.js';
import { isWorkbook, readWorkbookRows } from './xlsx-rows.js';

/** What a source of appointments (file, sheet, push) gives: rows, and how its text was read. */
export interface ReadSource {
  readonly encoding: string;
  readonly delimiter: string;
  readonly rows: SheetRow[];
}

/** The rows read from a source, or why none can be imported (`errors` not empty). */
export interface AgendaReading extends ReadRows {
  readonly encoding: string;
  readonly delimiter: string;
  /** Data rows under the headings. */
  readonly rows: number;
}

/** A day of the centre is ~80 appointments (a few kB); a larger file is surely not an agenda export. */
export const MAX_BYTES = 5_000_000;

const rejected = (errors: ImportError[], sheet?: ReadSource): AgendaReading => ({
  encoding: sheet?.encoding ?? '',
  delimiter: sheet?.delimiter ?? '',
  rows: 0,
  appointments: [],
  errors,
  unknownValues: [],
  duplicates: 0,
});

const unreadable = (error: unknown): AgendaReading =>
  rejected([
    {
      line: 1,
      column: '',
      message: error instanceof UnreadableFile ? error.message : 'Fichier CSV illisible.',
    },
  ]);

export function tooLarge(bytes: Uint8Array): AgendaReading | null {
  return bytes.length > MAX_BYTES
    ? unreadable(
        new UnreadableFile(
          `Fichier trop volumineux (${(bytes.length / 1e6).toFixed(1)} Mo, 5 Mo au plus) : est-ce bien l'export des rendez-vous ?`,
        ),
      )
    : null;
}

/** Reads the rows `read` gives (it may throw `UnreadableFile`) through the profile. */
export function readAgenda(
  read: () => ReadSource,
  profile: ImportProfile,
  config: CentreConfig,
  source: string,
): AgendaReading {
  let sheet: ReadSource;
  try {
    sheet = read();
  } catch (error) {
    return unreadable(error);
  }
  const located = locateHeader(sheet.rows, profile);
  if (!located.table) return rejected(located.errors, sheet);
  const rows = located.table.records.length;
  if (rows === 0)
    return rejected([{ line: 1, column: '', message: 'Aucun rendez-vous dans ce fichier.' }], sheet);
  try {
    const read = readRows(located.table, profile, config, source);
    return { encoding: sheet.encoding, delimiter: sheet.delimiter, rows, ...read };
  } catch (error) {
    return unreadable(error);
  }
}

/** A CSV or text file (a workbook must go through `readAgendaFile`). */
export function readTextFile(bytes: Uint8Array): ReadSource {
  if (isWorkbook(bytes))
    throw new UnreadableFile(
      'Classeur Excel (.xlsx) : importez-le depuis l’écran d’import ou le dossier surveillé.',
    );
  const { encoding, text } = decodeCsv(bytes);
  const csv = parseCsv(text);
  return { encoding, delimiter: csv.delimiter, rows: csv.rows };
}

/** A CSV, text or `.xlsx` file (reading a workbook is asynchronous). */
export async function readAgendaFile(
  bytes: Uint8Array,
  profile: ImportProfile,
  config: CentreConfig,
  source: string,
): Promise<AgendaReading> {
  const large = tooLarge(bytes);
  if (large) return large;
  if (!isWorkbook(bytes)) return readAgenda(() => readTextFile(bytes), profile, config, source);
  const rows = await readWorkbookRows(bytes).catch((error: unknown) => error as Error);
  return readAgenda(
    () => {
      if (rows instanceof Error) throw rows;
      return { encoding: 'xlsx', delimiter: '', rows };
    },
    profile,
    config,
    source,
  );
}
