/** The day's appointments and the kiosk's look-ups (by identity or by convocation reference). */
import type Database from 'better-sqlite3';
import { and, eq, getTableColumns } from 'drizzle-orm';
import { APPOINTMENT_FIELDS, CONTACT_KEYS, type Appointment, type Civility } from '@gfa/shared';
import { clientOf, type Db } from './db-handle.js';
import { nameKey } from './name-key.js';
import { upsertClause } from './row-writer.js';
import * as t from './schema.js';

type Row = typeof t.appointments.$inferSelect;
/** Each contact field is stored in the column of its name (the compiler checks the schema has it). */
type Contact = Pick<Row, (typeof CONTACT_KEYS)[number]>;

function toAppointment(row: Row): Appointment {
  return {
    id: row.id,
    externalId: row.externalId,
    reference: row.reference,
    day: row.day,
    at: row.at,
    reasonId: row.reasonId,
    professionalId: row.professionalId,
    identity: {
      civility: row.civility as Civility,
      firstName: row.firstName,
      lastName: row.lastName,
      birthDate: row.birthDate,
    },
    contact: Object.fromEntries(CONTACT_KEYS.map((key) => [key, row[key]])) as Contact,
    source: row.source,
    status: row.status,
  };
}

/** The columns of `appointments` in the order `appointmentValues` gives them. */
export const APPOINTMENT_COLUMNS = [
  'id',
  'external_id',
  'reference',
  'day',
  'at',
  'reason_id',
  'professional_id',
  'civility',
  'first_name',
  'last_name',
  'last_name_key',
  'birth_date',
  // The contact fields' columns come from the declared field table, in CONTACT_KEYS order.
  ...CONTACT_KEYS.map((key) => APPOINTMENT_FIELDS[key].columns[0] as string),
  'source',
  'status',
];

/**
 * The upsert of one appointment, a plain statement the connection keeps prepared
 * (`statement-cache.ts`): drizzle builds its SQL again for every row (~10× slower on imports).
 */
const UPSERT = `insert into appointments (${APPOINTMENT_COLUMNS.join(', ')}) values (${APPOINTMENT_COLUMNS.map(() => '?').join(', ')})${upsertClause(['id'], APPOINTMENT_COLUMNS)}`;

const upsertStatement = (db: Db): Database.Statement => clientOf(db).prepare(UPSERT);

/** One appointment's values, in `APPOINTMENT_COLUMNS` order. */
export const appointmentValues = (a: Appointment): unknown[] => [
  a.id,
  a.externalId ?? null,
  a.reference ?? null,
  a.day,
  a.at,
  a.reasonId,
  a.professionalId ?? null,
  a.identity.civility,
  a.identity.firstName,
  a.identity.lastName,
  nameKey(a.identity.lastName),
  a.identity.birthDate ?? null,
  ...CONTACT_KEYS.map((key) => a.contact?.[key] ?? null),
  a.source ?? null,
  a.status,
];

/** Creates or replaces one appointment (call it inside the caller's transaction). */
export function upsertAppointment(db: Db, a: Appointment): void {
  upsertStatement(db).run(...appointmentValues(a));
}

export function upsertAppointments(db: Db, list: readonly Appointment[]): void {
  db.transaction(() => {
    for (const a of list) upsertAppointment(db, a);
  });
}

export function appointmentsOfDay(db: Db, day: string): Appointment[] {
  return db.select().from(t.appointments).where(eq(t.appointments.day, day)).all().map(toAppointment);
}

/** Every column of `appointments` under its drizzle key, as `db.select()` names them. */
const ROW = Object.entries(getTableColumns(t.appointments))
  .map(([key, column]) => `a.${column.name} as "${key}"`)
  .join(', ');

/**
 * Plain statements of the import's look-ups, kept prepared by the connection (`statement-cache.ts`):
 * drizzle builds its SQL anew at each call (one per day and per slice of ids cost ~150 ms for a
 * 10,000-row file).
 * The list is bound as ONE JSON array (`json_each`): no limit on bound parameters, one statement.
 */
const LOOK_UPS = {
  // Day by day, in the list's order, each day's rows in storage order: what `appointmentsOfDay` gives, concatenated.
  ofDays: `select ${ROW} from json_each(?) as d join appointments a on a.day = d.value order by d.key, a.rowid`,
  byExternalIds: `select ${ROW} from appointments a where a.external_id in (select value from json_each(?))`,
  started: `select distinct v.appointment_id as id from visits v
    where v.day in (select value from json_each(?)) and v.appointment_id is not null
      and v.state not in ('expected', 'cancelled')`,
};

function lookUp(db: Db, which: keyof typeof LOOK_UPS, list: readonly string[]): unknown[] {
  return clientOf(db).prepare(LOOK_UPS[which]).all(JSON.stringify(list));
}

/** The appointments of these days, day by day in the list's order (one statement). */
export function appointmentsOfDays(db: Db, days: readonly string[]): Appointment[] {
  return (lookUp(db, 'ofDays', days) as Row[]).map(toAppointment);
}

export function findByIdentity(db: Db, day: string, lastName: string, birthDate: string): Appointment[] {
  return db
    .select()
    .from(t.appointments)
    .where(
      and(
        eq(t.appointments.day, day),
        eq(t.appointments.lastNameKey, nameKey(lastName)),
        eq(t.appointments.birthDate, birthDate),
        eq(t.appointments.status, 'scheduled'),
      ),
    )
    .all()
    .map(toAppointment);
}

export function findByReference(db: Db, day: string, reference: string): Appointment | undefined {
  const row = db
    .select()
    .from(t.appointments)
    .where(
      and(
        eq(t.appointments.day, day),
        eq(t.appointments.reference, reference.trim()),
        eq(t.appointments.status, 'scheduled'),
      ),
    )
    .get();
  return row ? toAppointment(row) : undefined;
}

/** The appointments bearing one of these agenda ids (any source: the caller keeps those it owns). */
export function findByExternalIds(db: Db, externalIds: readonly string[]): Appointment[] {
  return (lookUp(db, 'byExternalIds', externalIds) as Row[]).map(toAppointment);
}

/** Recomputes every look-up key after the key's definition changed (run once by the migration). */
export function rekeyAppointments(db: Db): void {
  const rows = db
    .select({ id: t.appointments.id, lastName: t.appointments.lastName })
    .from(t.appointments)
    .all();
  db.transaction((tx) => {
    for (const row of rows) {
      tx.update(t.appointments)
        .set({ lastNameKey: nameKey(row.lastName) })
        .where(eq(t.appointments.id, row.id))
        .run();
    }
  });
}

/** Appointments whose consultant has already checked in (their visit left `expected`; a withdrawn one never began). */
export function startedAppointmentIds(db: Db, days: readonly string[]): Set<string> {
  return new Set((lookUp(db, 'started', days) as { id: string }[]).map((r) => r.id));
}
