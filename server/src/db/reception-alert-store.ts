/**
 * The kiosk's alerts for reception, with what the visitor typed, kept for the
 * day in the database (a server restart loses none) and purged with the other
 * nominative data by the anonymisation job.
 */
import { asc, eq, lt } from 'drizzle-orm';
import { ReceptionAlert, type CheckinRequest } from '@gfa/shared';
import type { Db } from './database.js';
import * as t from './schema.js';

type Row = typeof t.receptionAlerts.$inferSelect;

const toAlert = (row: Row): ReceptionAlert => ({
  id: row.id,
  at: row.at,
  kioskId: row.kioskId,
  reason: ReceptionAlert.shape.reason.catch('not_found').parse(row.reason),
  typed: { lastName: row.typedLastName, birthDate: row.typedBirthDate, reference: row.typedReference },
});

export function recordReceptionAlert(
  db: Db,
  alert: {
    day: string;
    at: number;
    kioskId: string;
    reason: ReceptionAlert['reason'];
    by: CheckinRequest['by'];
  },
): ReceptionAlert {
  const { by } = alert;
  const row = db
    .insert(t.receptionAlerts)
    .values({
      day: alert.day,
      at: alert.at,
      kioskId: alert.kioskId,
      reason: alert.reason,
      typedLastName: by.kind === 'identity' ? by.lastName : null,
      typedBirthDate: by.kind === 'identity' ? by.birthDate : null,
      typedReference: by.kind === 'reference' ? by.reference : null,
    })
    .returning()
    .get();
  return toAlert(row);
}

/** The day's alerts, oldest first. */
export function receptionAlertsOf(db: Db, day: string): ReceptionAlert[] {
  return db
    .select()
    .from(t.receptionAlerts)
    .where(eq(t.receptionAlerts.day, day))
    .orderBy(asc(t.receptionAlerts.id))
    .all()
    .map(toAlert);
}

/** Deletes the alerts of the days before `cutoffDay`; returns how many. */
export function purgeReceptionAlertsBefore(db: Db, cutoffDay: string): number {
  return db.delete(t.receptionAlerts).where(lt(t.receptionAlerts.day, cutoffDay)).run().changes;
}
