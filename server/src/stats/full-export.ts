/**
 * Reversibility (CCTP): every table, as CSV files and as one XLSX workbook,
 * in a single zip archive, under French sheet and column names, with the
 * instants as local date-times and a « Dictionnaire » describing every
 * column, so a third party can take the data over. Secrets are left out:
 * sessions, password and token hashes. Zip with fflate (small, well-kept,
 * no native code).
 */
import type Database from 'better-sqlite3';
import { zipSync, strToU8 } from 'fflate';
import { DATA_DICTIONARY } from './data-dictionary.js';
import type { Cell, Column, Table } from './tables.js';
import { csvFileName, tableToCsv } from './csv-writer.js';
import { tablesToXlsx } from './xlsx-writer.js';

// The audit search's index (`events_search` and its shadow tables) is derived from `events`.
const SKIPPED_TABLES = new Set(['sessions', '__drizzle_migrations', 'sqlite_sequence']);
const derived = (name: string): boolean => name === 'events_search' || name.startsWith('events_search_');
const SECRET_COLUMNS = new Set([
  'password_hash',
  'token_hash',
  'totp_secret',
  'recovery_codes',
  'request_hash',
  'key_hash',
]);

/** A table as exported: its French name and columns, with the SQL names it came from. */
export interface ExportedTable extends Table {
  readonly sqlName: string;
  readonly sqlColumns: readonly string[];
}

function exportedTable(sqlite: Database.Database, sqlName: string): ExportedTable {
  const meaning = DATA_DICTIONARY[sqlName];
  const sqlColumns = (
    sqlite.prepare(`pragma table_info("${sqlName}")`).all() as { name: string; type: string }[]
  ).filter((c) => !SECRET_COLUMNS.has(c.name));
  const rows = (
    sqlite.prepare(`select * from "${sqlName}" order by rowid`).all() as Record<string, Cell>[]
  ).map((row) => sqlColumns.map((c) => row[c.name] ?? null));
  return {
    // A table the dictionary does not know yet keeps its SQL names rather than being left out.
    name: meaning?.label ?? sqlName,
    sqlName,
    sqlColumns: sqlColumns.map((c) => c.name),
    columns: sqlColumns.map(
      (c): Column =>
        meaning?.columns[c.name] ?? { label: c.name, type: c.type === 'integer' ? 'number' : 'text' },
    ),
    rows,
  };
}

export function allTables(sqlite: Database.Database): ExportedTable[] {
  return (
    sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all() as {
      name: string;
    }[]
  )
    .map((r) => r.name)
    .filter((name) => !SKIPPED_TABLES.has(name) && !derived(name))
    .map((name) => exportedTable(sqlite, name));
}

const TYPE_LABEL: Record<Column['type'], string> = {
  text: 'texte',
  number: 'nombre',
  date: 'date',
  time: 'heure',
  datetime: 'date et heure',
};

/** One row per exported column: where it is, what it holds, where it came from. */
export function dictionaryTable(tables: readonly ExportedTable[]): Table {
  const text = (label: string): Column => ({ label, type: 'text' });
  return {
    name: 'Dictionnaire',
    columns: [
      text('Feuille'),
      text('Fichier CSV'),
      text('Contenu de la feuille'),
      text('Colonne'),
      text('Type'),
      text('Description'),
      text('Table SQL'),
      text('Colonne SQL'),
      text('Donnée personnelle'),
    ],
    rows: tables.flatMap((table) =>
      table.columns.map((column, i) => {
        const sqlColumn = table.sqlColumns[i] as string;
        const meaning = DATA_DICTIONARY[table.sqlName]?.columns[sqlColumn];
        return [
          table.name,
          `csv/${csvFileName(table)}`,
          DATA_DICTIONARY[table.sqlName]?.description ?? 'Non décrite.',
          column.label,
          TYPE_LABEL[column.type],
          meaning?.description ?? 'Non décrite.',
          table.sqlName,
          sqlColumn,
          meaning?.personal ? 'oui, effacée après la durée de conservation' : 'non',
        ];
      }),
    ),
  };
}

/** One CSV file per table, named after it, under `folder`. */
export function csvFiles(tables: readonly Table[], folder: string): Record<string, Uint8Array> {
  return Object.fromEntries(
    tables.map((table) => [`${folder}${csvFileName(table)}`, strToU8(tableToCsv(table))]),
  );
}

export async function fullExportArchive(sqlite: Database.Database): Promise<Uint8Array> {
  const tables = allTables(sqlite);
  const dictionary = dictionaryTable(tables);
  return zipSync(
    {
      'gfa-export.xlsx': new Uint8Array(await tablesToXlsx([dictionary, ...tables])),
      'dictionnaire.csv': strToU8(tableToCsv(dictionary)),
      ...csvFiles(tables, 'csv/'),
    },
    { level: 6 },
  );
}

/** A period's statistics as CSV files in one zip (a browser downloads one file). */
export const csvArchive = (tables: readonly Table[]): Uint8Array =>
  zipSync(csvFiles(tables, ''), { level: 6 });
