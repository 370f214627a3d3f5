/**
 * Writes an import's plan as ONE short transaction that also journals it (the house rule: a
 * crash leaves all of the import with its journal entry, or none of it). The planned rows are
 * first staged in a TEMP table of the writing connection — outside the write lock, the live
 * tables untouched — then one IMMEDIATE transaction applies them with set-based SQL and appends
 * the `import.completed` entry. For a file, this runs on the import worker's own connection
 * (`agenda-worker.ts`): the server's event loop never waits for it, and the worker takes its turn
 * with the server's writes (`commit-turn.ts`), so that none of them busy-waits for its lock.
 */
import type { Appointment, ImportReport } from '@gfa/shared';
import { APPOINTMENT_COLUMNS, appointmentValues } from '../db/appointment-store.js';
import { clientOf } from '../db/db-handle.js';
import { upsertClause } from '../db/row-writer.js';
import type { Db } from '../db/database.js';

const STAGE = 'temp.import_plan';

/** Visits already begun (left `expected`; a withdrawn one never began) of the staged rows' days. */
const STARTED = `select appointment_id from main.visits
  where appointment_id is not null and state not in ('expected', 'cancelled')
    and day in (select distinct day from ${STAGE})`;

const APPLY = `insert into main.appointments (${APPOINTMENT_COLUMNS.join(', ')})
  select ${APPOINTMENT_COLUMNS.join(', ')} from ${STAGE} where id not in (${STARTED}) order by rowid
  ${upsertClause(['id'], APPOINTMENT_COLUMNS)}`;

/**
 * The plan in the connection's temp table (its own, private: nothing else sees or locks it). One
 * prepared row statement: measured as fast as multi-row VALUES or a JSON array unpacked by
 * `json_each` (whose per-cell extraction is slower), and simpler.
 */
function stage(db: Db, plan: readonly Appointment[]): void {
  const sqlite = clientOf(db);
  sqlite.exec(
    `create temp table if not exists import_plan as select ${APPOINTMENT_COLUMNS.join(', ')} from main.appointments where 0;
     delete from ${STAGE};`,
  );
  const insert = sqlite.prepare(
    `insert into ${STAGE} (${APPOINTMENT_COLUMNS.join(', ')}) values (${APPOINTMENT_COLUMNS.map(() => '?').join(', ')})`,
  );
  // Deferred: writing a temp table takes no lock on the database (a savepoint inside a caller's transaction).
  sqlite
    .transaction(() => {
      for (const row of plan) insert.run(appointmentValues(row));
    })
    .deferred();
}

/** Where the commit's time went: staging (outside the write lock), then the one transaction. */
export interface CommitTimes {
  readonly stageMs: number;
  readonly commitMs: number;
}

/** What the import worker does around its transaction: takes its turn with the server's writes (`commit-turn.ts`). */
export interface CommitTurn {
  begin(): void;
  end(): void;
}

/** Stages the plan, then applies and journals it in one transaction (inside `turn`, if given). */
export function commitPlan(
  db: Db,
  plan: readonly Appointment[],
  report: ImportReport,
  journal: () => void,
  turn?: CommitTurn,
): CommitTimes {
  const staging = performance.now();
  stage(db, plan);
  const sqlite = clientOf(db);
  turn?.begin();
  const start = performance.now();
  try {
    apply(db, report, journal);
  } finally {
    turn?.end();
  }
  const end = performance.now();
  sqlite.exec(`delete from ${STAGE}`);
  return { stageMs: start - staging, commitMs: end - start };
}

/** The one transaction: what is still to write, written, with its journal entry. */
function apply(db: Db, report: ImportReport, journal: () => void): void {
  const sqlite = clientOf(db);
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
}
