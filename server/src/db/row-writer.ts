/**
 * Writes whole rows of one drizzle table through a plain prepared statement: the SQL text is made
 * once from the table's own columns, each value goes through the column's own driver mapping
 * (JSON, booleans), so the schema stays the one description of a row. Why not drizzle's builder:
 * on the live path (every professional's click rewrites a visit, its steps, notes and checks),
 * building each query — `is()` checks, SQL assembly — was ~1.4 ms of CPU per action in a profile
 * of bench:server, for ~15 statements that SQLite runs in a few µs each.
 */
import type { RunResult } from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { clientOf, type Db } from './db-handle.js';

type Row<T extends SQLiteTable> = T['$inferInsert'];
/**
 * Every column named, null where empty: the statement writes every column, so a column the caller
 * forgot (one added to the table later) must not compile rather than be silently written null.
 */
type WholeRow<T extends SQLiteTable> = { [K in keyof Row<T>]-?: Row<T>[K] | null };

export interface RowWriter<T extends SQLiteTable> {
  /** Inserts `row`; with `conflictOn`, a row already stored under that key is replaced in place. */
  write(db: Db, row: WholeRow<T>): RunResult;
  /** Deletes the rows whose `column` equals `value`. */
  deleteWhere(db: Db, column: keyof Row<T> & string, value: unknown): void;
}

/**
 * `on conflict (keys) do update set c = excluded.c` for every other column: the upsert clause of
 * this writer, of the appointments' own statement and of the import's set-based apply.
 */
export function upsertClause(keys: readonly string[], columns: readonly string[]): string {
  return ` on conflict (${keys.map(quoted).join(', ')}) do update set ${columns
    .filter((c) => !keys.includes(c))
    .map((c) => `${quoted(c)} = excluded.${quoted(c)}`)
    .join(', ')}`;
}

const quoted = (column: string): string => `"${column}"`;

/**
 * The writer of `table`. `conflictOn` (property names of the key): an upsert on that key, every
 * other column set from the new row — what `insert().onConflictDoUpdate({ set: row })` did.
 */
export function rowWriter<T extends SQLiteTable>(
  table: T,
  conflictOn?: readonly (keyof Row<T> & string)[],
): RowWriter<T> {
  const byKey = getTableColumns(table) as Record<string, SQLiteColumn>;
  const columns = Object.entries(byKey);
  const columnOf = (key: string): SQLiteColumn => {
    const column = byKey[key];
    if (!column) throw new Error(`${getTableName(table)}: no column ${key}`);
    return column;
  };
  const names = columns.map(([, c]) => c.name);
  const into = `insert into ${quoted(getTableName(table))} (${names.map(quoted).join(', ')})
    values (${names.map(() => '?').join(', ')})`;
  const insert = conflictOn
    ? into +
      upsertClause(
        conflictOn.map((key) => columnOf(key).name),
        names,
      )
    : into;
  const values = (row: WholeRow<T>): unknown[] =>
    columns.map(([key, column]) => {
      const value = (row as Record<string, unknown>)[key];
      return value === undefined || value === null ? null : column.mapToDriverValue(value);
    });
  // One delete text per key column, made on first use (a live action deletes a visit's children).
  const deletes = new Map<string, string>();
  const deleteOf = (key: string): string => {
    let text = deletes.get(key);
    if (text === undefined) {
      text = `delete from ${quoted(getTableName(table))} where ${quoted(columnOf(key).name)} = ?`;
      deletes.set(key, text);
    }
    return text;
  };
  return {
    // The connection keeps each SQL text prepared (`statement-cache.ts`).
    write: (db, row) => clientOf(db).prepare(insert).run(values(row)),
    deleteWhere: (db, key, value) =>
      void clientOf(db).prepare(deleteOf(key)).run(columnOf(key).mapToDriverValue(value)),
  };
}
