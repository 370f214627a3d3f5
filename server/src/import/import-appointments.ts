/**
 * Imports an agenda export: read it (`read-agenda.ts`: decode, parse, find
 * the headings, read through the profile — in a worker thread for files),
 * plan against what is stored, then write and journal the run. A file with
 * any error imports nothing.
 *
 * Each agenda (source) owns its appointments: a file adds and updates its own
 * and cancels only its own missing ones, so the EPS and Constances agendas of
 * the same day keep each other's. Re-importing is idempotent (matched by the
 * agenda's id within its source, else identity + time), and a consultant who
 * has already checked in is never touched. More cancellations than the
 * profile's threshold need an explicit confirmation.
 */
import type { ActorRef, CentreConfig, ImportProfile, ImportReport } from '@gfa/shared';
import type { Db } from '../db/database.js';
import { appendEntry } from '../db/journal-store.js';
import { clientOf } from '../db/db-handle.js';
import { commitPlan, type CommitTurn } from './commit-plan.js';
import { inImportLane } from './import-lane.js';
import { planChanges } from './plan-changes.js';
import { readAgenda, readTextFile, tooLarge, type AgendaReading } from './read-agenda.js';
import { importInWorker } from './import-in-worker.js';
import type { ImportOutcome, ImportPhases, ImportRequest } from './import-request.js';
import type { ImportError } from './rows.js';

export const DEFAULT_CANCEL_THRESHOLD = 10;

export const sourceOf = (profile: ImportProfile): string => profile.source ?? profile.name;

/** A CSV or text file, read and written in-process in one transaction (tests, small sources). */
export function importAppointments(
  db: Db,
  config: CentreConfig,
  request: ImportRequest,
  actor: ActorRef,
  now: number,
): ImportReport {
  const reading =
    tooLarge(request.bytes) ??
    readAgenda(() => readTextFile(request.bytes), request.profile, config, sourceOf(request.profile));
  return runImport(db, request, reading, actor, now);
}

/**
 * A CSV, text or `.xlsx` file, off the event loop: read, planned and committed (one short
 * transaction) by a worker thread on its own connection, after any import or push already under
 * way. The server notices the commit as it notices a console's (`foreign-writes.ts`).
 */
export async function importAgendaFile(
  db: Db,
  config: CentreConfig,
  request: ImportRequest,
  actor: ActorRef,
  now: number,
): Promise<ImportReport> {
  const refused = tooLarge(request.bytes);
  if (refused) return runImport(db, request, refused, actor, now);
  const { bytes, ...rest } = request;
  return inImportLane(db, async () => {
    const done = await importInWorker({
      database: clientOf(db).name,
      bytes,
      request: rest,
      config,
      actor,
      now,
    });
    return 'report' in done ? done.report : runImport(db, request, done.interrupted, actor, now);
  });
}

/** Plans and writes what was read, in one transaction (the caller's connection). */
export function runImport(
  db: Db,
  request: Omit<ImportRequest, 'bytes'>,
  reading: AgendaReading,
  actor: ActorRef,
  now: number,
): ImportReport {
  return db.transaction(() => planAndCommit(db, request, reading, actor, now).report);
}

/**
 * Plans against what is stored, then writes in one transaction (`commit-plan.ts`). Outside a
 * transaction (the worker), the plan is read first and the write lock taken only to commit.
 */
export function planAndCommit(
  db: Db,
  request: Omit<ImportRequest, 'bytes'>,
  reading: AgendaReading,
  actor: ActorRef,
  now: number,
  before: Pick<ImportPhases, 'startMs' | 'readMs'> = { startMs: 0, readMs: 0 },
  turn?: CommitTurn,
): ImportOutcome {
  const source = sourceOf(request.profile);
  const report: ImportReport = {
    file: request.file,
    encoding: reading.encoding,
    delimiter: reading.delimiter,
    rows: reading.rows,
    errors: [],
    created: 0,
    updated: 0,
    cancelled: 0,
    kept: 0,
    dryRun: request.dryRun,
    source,
    duplicates: reading.duplicates,
    toCancel: [],
    confirmationNeeded: false,
    unknownValues: reading.unknownValues,
  };
  const journal = (type: 'import.completed' | 'import.rejected', data: Record<string, unknown>) =>
    appendEntry(db, { type, at: now, actor, visitId: null, stepId: null, professionalId: null, data });
  const reject = (errors: ImportError[]): ImportOutcome => {
    report.errors = errors;
    if (!request.dryRun) journal('import.rejected', { file: request.file, source, errors: errors.length });
    return { report, phases: null };
  };
  if (reading.errors.length > 0) return reject(reading.errors);

  const planning = performance.now();
  const plan = planChanges(db, reading.appointments, report, !request.incremental);
  const planMs = performance.now() - planning;
  const threshold = request.profile.cancelThreshold ?? DEFAULT_CANCEL_THRESHOLD;
  const confirmed = request.confirmCancellations;
  if (report.cancelled > threshold && confirmed !== 'any' && confirmed !== report.cancelled) {
    report.confirmationNeeded = true;
    if (request.dryRun) return { report, phases: null };
    return reject([
      {
        line: 1,
        column: '',
        message: `Ce fichier annulerait ${report.cancelled} rendez-vous (plus de ${threshold}) : vérifiez la liste puis confirmez l’annulation.`,
      },
    ]);
  }
  if (request.dryRun) return { report, phases: null };
  const times = commitPlan(
    db,
    plan,
    report,
    () =>
      journal('import.completed', {
        file: request.file,
        source,
        created: report.created,
        updated: report.updated,
        cancelled: report.cancelled,
        kept: report.kept,
      }),
    turn,
  );
  return { report, phases: { ...before, planMs, ...times } };
}
