/**
 * Finds the headings row of an agenda export: the first of the top rows that
 * holds every column the profile requires (title lines, a date range or an
 * empty line may come first). Optional columns may be absent from the file.
 */
import { REQUIRED_FIELDS, type FieldKey, type ImportProfile, type ImportReport } from '@gfa/shared';
import { labelKey } from '../db/name-key.js';
import type { SheetRow } from './parse.js';

type ImportError = ImportReport['errors'][number];

/** How far down a title block may push the headings. */
const SEARCH_ROWS = 30;

export interface AgendaTable {
  /** Column index of each field found in the headings (optional fields may be missing). */
  readonly columns: Partial<Record<FieldKey, number>>;
  readonly records: SheetRow[];
}

export function locateHeader(
  rows: readonly SheetRow[],
  profile: ImportProfile,
): { table: AgendaTable; errors: [] } | { table: null; errors: ImportError[] } {
  const mapped = Object.entries(profile.columns) as [FieldKey, string][];
  let best: { at: number; found: Partial<Record<FieldKey, number>> } | null = null;
  for (let at = 0; at < Math.min(rows.length, SEARCH_ROWS); at += 1) {
    const keys = (rows[at]?.cells ?? []).map(labelKey);
    const found: Partial<Record<FieldKey, number>> = {};
    for (const [field, column] of mapped) {
      const index = keys.indexOf(labelKey(column));
      if (index >= 0) found[field] = index;
    }
    if (REQUIRED_FIELDS.every((f) => found[f] !== undefined))
      return { table: { columns: found, records: rows.slice(at + 1) }, errors: [] };
    if (!best || Object.keys(found).length > Object.keys(best.found).length) best = { at, found };
  }
  const line = best ? (rows[best.at]?.line ?? 1) : 1;
  return {
    table: null,
    errors: REQUIRED_FIELDS.filter((f) => best?.found[f] === undefined).map((f) => ({
      line,
      column: profile.columns[f] ?? f,
      message: `Colonne manquante : « ${profile.columns[f]} ».`,
    })),
  };
}
