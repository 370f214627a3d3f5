/**
 * Imports an agenda export: decode, parse, find the headings, read through
 * the profile, then ONE transaction that creates, updates and cancels
 * appointments and journals the run. A file with any error imports nothing.
 *
 * Each agenda (source) owns its appointments: a file adds and updates its own
 * and cancels only its own missing ones, so the EPS and Constances agendas of
 * the same day keep each other's. Re-importing is idempotent (matched by the
 * agenda's id within its source, else identity + time), and a consultant who
 * has already checked in is never touched. More cancellations than the
 * profile's threshold need an explicit confirmation.
 */
import type { ActorRef, CentreConfig, ImportProfile, ImportReport } from '@gfa/shared';
import { upsertAppointments } from '../db/appointment-store.js';
import type { Db } from '../db/database.js';
import { appendEntry } from '../db/journal-store.js';
import { UnreadableFile, decodeCsv } from './decode.js';
import { locateHeader } from './header-row.js';
import { parseCsv, type SheetRow } from './parse.js';
import { planChanges } from './plan-changes.js';
import { readRows, type ReadRows } from './rows.js';
import { isWorkbook, readWorkbookRows } from './xlsx-rows.js';
import { writeTransaction } from '../db/tx.js';

export interface ImportRequest {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly profile: ImportProfile;
  readonly dryRun: boolean;
  /** The number of cancellations the administrator confirmed, or `any` (a profile allowing them unattended). */
  readonly confirmCancellations?: number | 'any';
  /** Adds and updates only: what the source omits stays (a push, not a whole day's file). */
  readonly incremental?: boolean;
}

/** What a source of appointments (file, sheet, push) gives: rows, and how its text was read. */
export interface ReadSource {
  readonly encoding: string;
  readonly delimiter: string;
  readonly rows: SheetRow[];
}

/** A day of the centre is ~80 appointments (a few kB); a larger file is surely not an agenda export. */
const MAX_BYTES = 5_000_000;
export const DEFAULT_CANCEL_THRESHOLD = 10;

export const sourceOf = (profile: ImportProfile): string => profile.source ?? profile.name;

function readTextFile(bytes: Uint8Array): ReadSource {
  if (isWorkbook(bytes))
    throw new UnreadableFile(
      'Classeur Excel (.xlsx) : importez-le depuis l’écran d’import ou le dossier surveillé.',
    );
  const { encoding, text } = decodeCsv(bytes);
  const csv = parseCsv(text);
  return { encoding, delimiter: csv.delimiter, rows: csv.rows };
}

/** A CSV or text file (synchronous). */
export function importAppointments(
  db: Db,
  config: CentreConfig,
  request: ImportRequest,
  actor: ActorRef,
  now: number,
): ImportReport {
  return runImport(db, config, request, () => readTextFile(request.bytes), actor, now);
}

/** A CSV, text or `.xlsx` file (reading a workbook is asynchronous). */
export async function importAgendaFile(
  db: Db,
  config: CentreConfig,
  request: ImportRequest,
  actor: ActorRef,
  now: number,
): Promise<ImportReport> {
  if (!isWorkbook(request.bytes) || request.bytes.length > MAX_BYTES)
    return importAppointments(db, config, request, actor, now);
  const rows = await readWorkbookRows(request.bytes).catch((error: unknown) => error as Error);
  return runImport(
    db,
    config,
    request,
    () => {
      if (rows instanceof Error) throw rows;
      return { encoding: 'xlsx', delimiter: '', rows };
    },
    actor,
    now,
  );
}

export function runImport(
  db: Db,
  config: CentreConfig,
  request: Omit<ImportRequest, 'bytes'> & { readonly bytes?: Uint8Array },
  read: () => ReadSource,
  actor: ActorRef,
  now: number,
): ImportReport {
  const source = sourceOf(request.profile);
  const report: ImportReport = {
    file: request.file,
    encoding: '',
    delimiter: '',
    rows: 0,
    errors: [],
    created: 0,
    updated: 0,
    cancelled: 0,
    kept: 0,
    dryRun: request.dryRun,
    source,
    duplicates: 0,
    toCancel: [],
    confirmationNeeded: false,
    unknownValues: [],
  };
  const journal = (type: 'import.completed' | 'import.rejected', data: Record<string, unknown>) =>
    appendEntry(db, { type, at: now, actor, visitId: null, stepId: null, professionalId: null, data });
  const reject = (errors: ReadRows['errors']): ImportReport => {
    report.errors = errors;
    if (!request.dryRun) journal('import.rejected', { file: request.file, source, errors: errors.length });
    return report;
  };

  let rows: ReadRows;
  try {
    if (request.bytes && request.bytes.length > MAX_BYTES) {
      throw new UnreadableFile(
        `Fichier trop volumineux (${(request.bytes.length / 1e6).toFixed(1)} Mo, 5 Mo au plus) : est-ce bien l'export des rendez-vous ?`,
      );
    }
    const sheet = read();
    Object.assign(report, { encoding: sheet.encoding, delimiter: sheet.delimiter });
    const located = locateHeader(sheet.rows, request.profile);
    if (!located.table) return reject(located.errors);
    report.rows = located.table.records.length;
    if (report.rows === 0)
      return reject([{ line: 1, column: '', message: 'Aucun rendez-vous dans ce fichier.' }]);
    rows = readRows(located.table, request.profile, config, source);
  } catch (error) {
    return reject([
      {
        line: 1,
        column: '',
        message: error instanceof UnreadableFile ? error.message : 'Fichier CSV illisible.',
      },
    ]);
  }
  report.unknownValues = rows.unknownValues;
  report.duplicates = rows.duplicates;
  if (rows.errors.length > 0) return reject(rows.errors);

  const plan = planChanges(db, rows.appointments, report, !request.incremental);
  const threshold = request.profile.cancelThreshold ?? DEFAULT_CANCEL_THRESHOLD;
  const confirmed = request.confirmCancellations;
  if (report.cancelled > threshold && confirmed !== 'any' && confirmed !== report.cancelled) {
    report.confirmationNeeded = true;
    if (request.dryRun) return report;
    return reject([
      {
        line: 1,
        column: '',
        message: `Ce fichier annulerait ${report.cancelled} rendez-vous (plus de ${threshold}) : vérifiez la liste puis confirmez l’annulation.`,
      },
    ]);
  }
  if (!request.dryRun) {
    writeTransaction(db, (tx) => {
      upsertAppointments(tx, plan);
      journal('import.completed', {
        file: request.file,
        source,
        created: report.created,
        updated: report.updated,
        cancelled: report.cancelled,
        kept: report.kept,
      });
    });
  }
  return report;
}
