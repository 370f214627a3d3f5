/**
 * What the anonymiser writes over a row: every personal field of the
 * declared field table (`APPOINTMENT_FIELDS`), erased as it declares, in
 * each of its columns the SQL table holds — so a personal field added to
 * the table is erased without touching the anonymiser.
 */
import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { APPOINTMENT_FIELDS, FIELD_KEYS, type Erasure } from '@gfa/shared';

const ERASED: Record<Erasure, (pseudonym: string) => string | null> = {
  pseudonym: (name) => name,
  empty: () => '',
  null: () => null,
};

/** The drizzle key of each SQL column of `table`. */
const keysBySqlName = (table: SQLiteTable): Map<string, string> =>
  new Map(Object.entries(getTableColumns(table)).map(([key, column]) => [column.name, key]));

/** SQL column → erasing value, for every personal column of the table; `visits` holds the copies. */
export function personalColumns(table: SQLiteTable, copiesOnly: boolean): Map<string, Erasure> {
  const present = keysBySqlName(table);
  const columns = new Map<string, Erasure>();
  for (const key of FIELD_KEYS) {
    const field = APPOINTMENT_FIELDS[key];
    if (field.personal === false || (copiesOnly && !field.visit)) continue;
    for (const column of field.columns) if (present.has(column)) columns.set(column, field.personal);
  }
  return columns;
}

/** The `set` of an update erasing a row of `table`, `pseudonym` standing for the name. */
export function erasureOf(
  table: SQLiteTable,
  copiesOnly: boolean,
  pseudonym: string,
): Record<string, string | null> {
  const keys = keysBySqlName(table);
  return Object.fromEntries(
    [...personalColumns(table, copiesOnly)].map(([column, how]) => [
      keys.get(column),
      ERASED[how](pseudonym),
    ]),
  );
}
