/** The day's appointments and the kiosk's look-ups (by identity or by convocation reference). */
import { and, eq, inArray } from 'drizzle-orm';
import type { Appointment, Civility } from '@gfa/shared';
import type { Db } from './database.js';
import * as t from './schema.js';

/** Upper-case, accent-free, single-spaced: "Lefèvre-d'Été " → "LEFEVRE-D'ETE". */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

type Row = typeof t.appointments.$inferSelect;

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
    contact: { birthName: row.birthName, phone: row.phone, email: row.email },
    status: row.status,
  };
}

export function upsertAppointments(db: Db, list: readonly Appointment[]): void {
  db.transaction((tx) => {
    for (const a of list) {
      const row = {
        id: a.id,
        externalId: a.externalId,
        reference: a.reference,
        day: a.day,
        at: a.at,
        reasonId: a.reasonId,
        professionalId: a.professionalId,
        ...a.identity,
        birthName: a.contact?.birthName ?? null,
        phone: a.contact?.phone ?? null,
        email: a.contact?.email ?? null,
        lastNameKey: nameKey(a.identity.lastName),
        status: a.status,
      };
      tx.insert(t.appointments).values(row).onConflictDoUpdate({ target: t.appointments.id, set: row }).run();
    }
  });
}

export function appointmentsOfDay(db: Db, day: string): Appointment[] {
  return db.select().from(t.appointments).where(eq(t.appointments.day, day)).all().map(toAppointment);
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

export function findByExternalId(db: Db, externalId: string): Appointment | undefined {
  const row = db.select().from(t.appointments).where(eq(t.appointments.externalId, externalId)).get();
  return row ? toAppointment(row) : undefined;
}

/** Appointments whose consultant has already checked in (their visit left `expected`). */
export function startedAppointmentIds(db: Db, days: readonly string[]): Set<string> {
  if (days.length === 0) return new Set();
  const rows = db
    .select({ id: t.visits.appointmentId, state: t.visits.state })
    .from(t.visits)
    .where(inArray(t.visits.day, [...days]))
    .all();
  // A withdrawn visit (`cancelled`) never began: its appointment may change again.
  const notBegun = ['expected', 'cancelled'];
  return new Set(rows.filter((r) => r.id && !notBegun.includes(r.state)).map((r) => r.id as string));
}
