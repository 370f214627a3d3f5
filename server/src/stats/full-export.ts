/**
 * Reversibility (CCTP): every table, as CSV files and as one XLSX workbook,
 * in a single zip archive. Secrets are left out: sessions, password and
 * token hashes. Zip with fflate (small, well-kept, no native code).
 */
import type Database from 'better-sqlite3';
import { zipSync, strToU8 } from 'fflate';
import type { Cell, Table } from './tables.js';
import { tableToCsv, tablesToXlsx } from './writers.js';

const SKIPPED_TABLES = new Set(['sessions', '__drizzle_migrations', 'sqlite_sequence']);
const SECRET_COLUMNS = new Set([
  'password_hash',
  'token_hash',
  'totp_secret',
  'recovery_codes',
  'request_hash',
]);

export function allTables(sqlite: Database.Database): Table[] {
  const names = (
    sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all() as {
      name: string;
    }[]
  )
    .map((r) => r.name)
    .filter((name) => !SKIPPED_TABLES.has(name));
  return names.map((name) => {
    const columns = (
      sqlite.prepare(`pragma table_info("${name}")`).all() as { name: string; type: string }[]
    ).filter((c) => !SECRET_COLUMNS.has(c.name));
    const rows = (
      sqlite.prepare(`select * from "${name}" order by rowid`).all() as Record<string, Cell>[]
    ).map((row) => columns.map((c) => row[c.name] ?? null));
    return {
      name,
      columns: columns.map((c) => ({
        label: c.name,
        type: c.type === 'integer' ? ('number' as const) : ('text' as const),
      })),
      rows,
    };
  });
}

/** One CSV file per table, named after it, under `folder`. */
export function csvFiles(tables: readonly Table[], folder: string): Record<string, Uint8Array> {
  return Object.fromEntries(
    tables.map((table) => [
      `${folder}${table.name.toLowerCase().replace(/\s+/g, '-')}.csv`,
      strToU8(tableToCsv(table)),
    ]),
  );
}

export function fullExportArchive(sqlite: Database.Database): Uint8Array {
  const tables = allTables(sqlite);
  return zipSync(
    { 'gfa-export.xlsx': new Uint8Array(tablesToXlsx(tables)), ...csvFiles(tables, 'csv/') },
    { level: 6 },
  );
}

/** A period's statistics as CSV files in one zip (a browser downloads one file). */
export const csvArchive = (tables: readonly Table[]): Uint8Array =>
  zipSync(csvFiles(tables, ''), { level: 6 });
