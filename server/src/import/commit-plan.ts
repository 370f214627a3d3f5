/**
 * Writes an import's plan as ONE short transaction that also journals it (the house rule: a
 * crash leaves all of the import with its journal entry, or none of it). The planned rows are
 * first staged in a TEMP table of the writing connection — outside the write lock, the live
 * tables untouched — then one IMMEDIATE transaction applies them with set-based SQL and appends
 * the `import.completed` entry. For a file, this runs on the import worker's own connection
 * (`agenda-worker.ts`): the server's event loop never waits for it, and a write of the server
 * that comes during it waits its turn (busy_timeout) for that transaction's few tens of ms only.
 */
import type { Appointment, ImportReport } from '@gfa/shared';
import { APPOINTMENT_COLUMNS, appointmentValues, clientOf } from '../db/appointment-store.js';
import type { Db } from '../db/database.js';

const STAGE = 'temp.import_plan';
const ROWS_PER_INSERT = 100;

/** Visits already begun (left `expected`; a withdrawn one never began) of the staged rows' days. */
const STARTED = `select appointment_id from main.visits
  where appointment_id is not null and state not in ('expected', 'cancelled')
    and day in (select distinct day from ${STAGE})`;

const APPLY = `insert into main.appointments (${APPOINTMENT_COLUMNS.join(', ')})
  select ${APPOINTMENT_COLUMNS.join(', ')} from ${STAGE} where id not in (${STARTED}) order by rowid
  on conflict (id) do update set ${APPOINTMENT_COLUMNS.slice(1)
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')}`;

/** The plan in the connection's temp table (its own, private: nothing else sees or locks it). */
function stage(db: Db, plan: readonly Appointment[]): void {
  const sqlite = clientOf(db);
  sqlite.exec(
    `create temp table if not exists import_plan as select ${APPOINTMENT_COLUMNS.join(', ')} from main.appointments where 0;
     delete from ${STAGE};`,
  );
  const row = `(${APPOINTMENT_COLUMNS.map(() => '?').join(', ')})`;
  const insert = (rows: number) =>
    sqlite.prepare(
      `insert into ${STAGE} (${APPOINTMENT_COLUMNS.join(', ')}) values ${Array(rows).fill(row).join(', ')}`,
    );
  const full = insert(ROWS_PER_INSERT);
  // Deferred: writing a temp table takes no lock on the database (a savepoint inside a caller's transaction).
  sqlite
    .transaction(() => {
      for (let i = 0; i < plan.length; i += ROWS_PER_INSERT) {
        const rows = plan.slice(i, i + ROWS_PER_INSERT);
        (rows.length === ROWS_PER_INSERT ? full : insert(rows.length)).run(rows.flatMap(appointmentValues));
      }
    })
    .deferred();
}

/** Applies the plan and journals it in one transaction; returns that transaction's length in ms. */
export function commitPlan(
  db: Db,
  plan: readonly Appointment[],
  report: ImportReport,
  journal: () => void,
): number {
  stage(db, plan);
  const sqlite = clientOf(db);
  const start = performance.now();
  db.transaction(() => {
    // A consultant may have checked in since the plan was made: their appointment stays as it is.
    const kept = sqlite
      .prepare(`select status, count(*) as n from ${STAGE} where id in (${STARTED}) group by status`)
      .all() as { status: Appointment['status']; n: number }[];
    for (const { status, n } of kept) {
      report.kept += n;
      if (status === 'cancelled') report.cancelled -= n;
      else report.updated -= n;
    }
    sqlite.prepare(APPLY).run();
    journal();
  });
  const ms = performance.now() - start;
  sqlite.exec(`delete from ${STAGE}`);
  return ms;
}
