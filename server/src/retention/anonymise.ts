/**
 * Nominative data is kept N days (7 by default), then anonymised in place:
 * the personal fields of the appointments and their copies in the visits
 * (as the field table declares them: names, birth dates, birth names,
 * phones, e-mails, external ids, convocation references), notes and what
 * visitors typed at the kiosk (reception alerts) are replaced or removed, and
 * satisfaction answers lose their link to the visit; ids, reasons, journeys and times stay, so statistics
 * over the whole contract are unchanged. Idempotent: run every night.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, lt, ne } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { appendEntry } from '../db/journal-store.js';
import { purgeReceptionAlertsBefore } from '../db/reception-alert-store.js';
import { unlinkSatisfactionBefore } from '../db/satisfaction-store.js';
import * as t from '../db/schema.js';
import { rollUpDaysBefore } from '../stats/rollups.js';
import { writeTransaction } from '../db/tx.js';
import { erasureOf } from './erasure.js';

export const ANONYMOUS = 'ANONYME';

/** A stable pseudonym: the same visit always gets the same one, and it reveals nothing. */
export const pseudonym = (id: string): string =>
  `${ANONYMOUS}-${createHash('sha256').update(id).digest('hex').slice(0, 10).toUpperCase()}`;

export interface AnonymiseResult {
  readonly cutoffDay: string;
  readonly visits: number;
  readonly appointments: number;
  readonly notes: number;
}

/** Anonymises everything dated before `cutoffDay` (YYYY-MM-DD) in one transaction, and journals it. */
export function anonymiseBefore(db: Db, cutoffDay: string, now: number): AnonymiseResult {
  return writeTransaction(db, (tx) => {
    const visits = tx
      .select({ id: t.visits.id })
      .from(t.visits)
      .where(and(lt(t.visits.day, cutoffDay), ne(t.visits.firstName, '')))
      .all();
    for (const { id } of visits) {
      tx.update(t.visits)
        .set(erasureOf(t.visits, true, pseudonym(id)))
        .where(eq(t.visits.id, id))
        .run();
    }
    // A subquery, not a list of ids: after a year and a half the old visits outnumber SQLite's bound variables.
    const oldVisitIds = tx.select({ id: t.visits.id }).from(t.visits).where(lt(t.visits.day, cutoffDay));
    const notes = tx
      .delete(t.notes)
      .where(inArray(t.notes.visitId, oldVisitIds))
      .returning({ id: t.notes.id })
      .all().length;
    const appointments = tx
      .select({ id: t.appointments.id })
      .from(t.appointments)
      .where(and(lt(t.appointments.day, cutoffDay), ne(t.appointments.firstName, '')))
      .all();
    for (const { id } of appointments) {
      tx.update(t.appointments)
        .set(erasureOf(t.appointments, false, pseudonym(id)))
        .where(eq(t.appointments.id, id))
        .run();
    }
    // What visitors typed at the kiosk is nominative too.
    purgeReceptionAlertsBefore(tx, cutoffDay);
    // A satisfaction answer keeps its reason and journey time, no longer which visit gave it.
    unlinkSatisfactionBefore(tx, cutoffDay);
    tx.delete(t.checkinKeys)
      .where(lt(t.checkinKeys.at, Date.parse(`${cutoffDay}T00:00:00Z`)))
      .run();
    // The day's figures can no longer change: its statistics are read from the rollup from now on.
    rollUpDaysBefore(tx, cutoffDay, now);
    const result = { cutoffDay, visits: visits.length, appointments: appointments.length, notes };
    appendEntry(tx, {
      type: 'retention.anonymised',
      at: now,
      actor: { kind: 'system', id: 'retention' },
      visitId: null,
      stepId: null,
      professionalId: null,
      data: { ...result },
    });
    return result;
  });
}

/** The first day still kept nominative, `days` days before `today`. */
export function cutoffDay(today: string, days: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}
