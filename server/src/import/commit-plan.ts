/**
 * Writes an import's plan: one transaction per slice of `SLICE_MS`, the last
 * one also journaling the import. A day's agenda (~80 rows) is one slice, so
 * one transaction; a 40,000-row file is ~40 of them (one would hold the
 * server ~0.5–1 s). Nothing is written before the whole file has been read
 * and validated, imports queue one at a time (`import-lane.ts`) and an
 * interrupted commit is finished by importing the file again (idempotent).
 */
import type { Appointment, ImportReport } from '@gfa/shared';
import { startedAppointmentIds, upsertAppointment } from '../db/appointment-store.js';
import type { Db } from '../db/database.js';
import { sliceTimer, type Steps } from './slices.js';

export function* commitPlan(
  db: Db,
  plan: readonly Appointment[],
  report: ImportReport,
  journal: () => void,
): Steps<void> {
  const days = [...new Set(plan.map((a) => a.day))];
  let next = 0;
  do {
    const spent = sliceTimer();
    db.transaction(() => {
      // A consultant may have checked in since the plan was made: their appointment stays as it is.
      const started = startedAppointmentIds(db, days);
      for (let first = true; next < plan.length && (first || !spent()); first = false) {
        const a = plan[next] as Appointment;
        next += 1;
        if (!started.has(a.id)) upsertAppointment(db, a);
        else {
          report.kept += 1;
          if (a.status === 'cancelled') report.cancelled -= 1;
          else report.updated -= 1;
        }
      }
      if (next >= plan.length) journal();
    });
    if (next < plan.length) yield;
  } while (next < plan.length);
}
