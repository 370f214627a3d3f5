/**
 * How late consultants arrive, read from the visits of recent days (Q-FORECAST-8): minutes from the
 * appointment to the check-in of each convened consultant who came (negative: early).
 */
import { and, gte, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import * as t from '../db/schema.js';

const MINUTE = 60_000;

export function recentLateness(db: Db, since: number): number[] {
  return db
    .select({ appointmentAt: t.visits.appointmentAt, arrivedAt: t.visits.arrivedAt })
    .from(t.visits)
    .where(
      and(isNotNull(t.visits.appointmentAt), isNotNull(t.visits.arrivedAt), gte(t.visits.arrivedAt, since)),
    )
    .all()
    .map((v) => ((v.arrivedAt as number) - (v.appointmentAt as number)) / MINUTE);
}
