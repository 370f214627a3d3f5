/**
 * The declared field table (`APPOINTMENT_FIELDS`) is the one list of the
 * appointment and identity fields: its columns exist in the schema, each
 * personal field is erased by the anonymiser and marked personal in the
 * export's dictionary, and no column of the schema holds identity data
 * without being declared there (or reviewed below).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { APPOINTMENT_FIELDS, FIELD_KEYS, PushedAppointment, type Erasure } from '@gfa/shared';
import type { OpenDatabase } from '../../src/db/database.js';
import { STANDARD_PROFILE } from '../../src/import/profiles.js';
import { anonymiseBefore, cutoffDay, pseudonym } from '../../src/retention/anonymise.js';
import { DATA_DICTIONARY } from '../../src/stats/data-dictionary.js';
import { openDayWithGhislaine } from '../retention/day-with-ghislaine.js';

let handle: OpenDatabase;
afterEach(() => handle?.close());

const columnsOf = (table: string): string[] =>
  (handle.sqlite.prepare(`pragma table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);

const tables = (): string[] =>
  (
    handle.sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]
  ).map((t) => t.name);

/** Where each field of the table is stored: `appointments`, and `visits` for the copies a visit keeps. */
const declared = (table: 'appointments' | 'visits'): Map<string, Erasure | false> =>
  new Map(
    FIELD_KEYS.flatMap((k) => {
      const field = APPOINTMENT_FIELDS[k];
      if (table === 'visits' && !field.visit) return [];
      const columns = table === 'visits' ? field.columns.slice(0, 1) : field.columns;
      return columns.map((c): [string, Erasure | false] => [c, field.personal]);
    }),
  );

/** Names that look like identity data but are not a consultant's, or are erased another way (reviewed). */
const REVIEWED: Readonly<Record<string, string>> = {
  'sqlite_sequence.name': 'SQLite’s own table',
  'sites.name': 'name of a building',
  'devices.name': 'name an administrator gave a kiosk or screen',
  'integrations.name': 'name of an agenda integration',
  'users.display_name': 'staff name, shown on purpose',
  'reception_alerts.typed_last_name': 'typed at the kiosk: rows deleted whole by the purge',
  'reception_alerts.typed_birth_date': 'typed at the kiosk: rows deleted whole by the purge',
  'settings_migrations.name': 'name of a settings step of GFA itself',
};

const IDENTITY_LOOKING = /(^|_)(name|first_name|last_name|birth|phone|e?mail|civility|address|nir)(_|$)/;

describe('the declared appointment field table', () => {
  it('every column it declares exists in the schema, a visit copy in visits too', async () => {
    handle = await openDayWithGhislaine();
    const missing = (['appointments', 'visits'] as const).flatMap((table) =>
      [...declared(table).keys()].filter((c) => !columnsOf(table).includes(c)).map((c) => `${table}.${c}`),
    );
    expect(missing).toEqual([]);
  });

  it('every personal field is erased by the anonymiser as the table declares, the others are kept', async () => {
    handle = await openDayWithGhislaine();
    // Fill every declared column of the old appointment and visit with a value of its own.
    const values = new Map<string, unknown>();
    for (const table of ['appointments', 'visits'] as const) {
      const row = handle.sqlite.prepare(`select * from ${table} where day < '2026-11-25'`).get() as Record<
        string,
        unknown
      >;
      for (const [column, personal] of declared(table)) {
        const value =
          personal === false ? row[column] : column === 'birth_date' ? '1944-07-14' : `Ghislaine-${column}`;
        handle.sqlite.prepare(`update ${table} set "${column}" = ? where day < '2026-11-25'`).run(value);
        values.set(`${table}.${column}`, value);
      }
    }
    anonymiseBefore(handle.db, cutoffDay('2026-12-02', 7), Date.now());

    for (const table of ['appointments', 'visits'] as const) {
      const row = handle.sqlite.prepare(`select * from ${table} where day < '2026-11-25'`).get() as Record<
        string,
        unknown
      >;
      const name = pseudonym(String(row.id));
      const erased: Record<Erasure, unknown> = { pseudonym: name, empty: '', null: null };
      for (const [column, personal] of declared(table)) {
        const expected = personal === false ? values.get(`${table}.${column}`) : erased[personal];
        expect(row[column], `${table}.${column}`).toEqual(expected);
      }
    }
  });

  it('every personal field is listed as personal in the export dictionary, and only those', () => {
    for (const table of ['appointments', 'visits'] as const) {
      const marked = Object.entries(DATA_DICTIONARY[table]?.columns ?? {})
        .filter(([, m]) => m.personal)
        .map(([c]) => c)
        .sort();
      const personal = [...declared(table)]
        .filter(([, p]) => p !== false)
        .map(([c]) => c)
        .sort();
      expect(marked, table).toEqual(personal);
    }
  });

  it('no column of the schema holds identity data unless the table declares it (or it is reviewed)', async () => {
    handle = await openDayWithGhislaine();
    const undeclared = tables().flatMap((table) =>
      columnsOf(table)
        .filter((c) => IDENTITY_LOOKING.test(c))
        .map((c) => `${table}.${c}`)
        .filter((qualified) => {
          const [table, column] = qualified.split('.') as [string, string];
          const inTable = (table === 'appointments' || table === 'visits') && declared(table).has(column);
          return !inTable && !(qualified in REVIEWED);
        }),
    );
    expect(undeclared).toEqual([]);
  });

  it('the standard profile, the push API and the editor are read from it', () => {
    const pushed = FIELD_KEYS.filter((k) => APPOINTMENT_FIELDS[k].push !== null);
    expect(Object.keys(PushedAppointment.shape).sort()).toEqual(
      pushed.map((k) => APPOINTMENT_FIELDS[k].push?.key).sort(),
    );
    expect(STANDARD_PROFILE.columns).toEqual(
      Object.fromEntries(
        FIELD_KEYS.flatMap((k) => {
          const heading: string | null = APPOINTMENT_FIELDS[k].heading;
          return heading === null ? [] : [[k, heading]];
        }),
      ),
    );
  });
});
