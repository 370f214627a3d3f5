/**
 * Imports an appointment file: decode, parse, read through the profile, then
 * ONE transaction that creates, updates and cancels appointments and journals
 * the run. A file with any error imports nothing. Re-importing the same or an
 * updated file is idempotent (matched by external id, else identity + time),
 * and a consultant who has already checked in is never touched.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { ActorRef, Appointment, CentreConfig, ImportProfile, ImportReport } from '@gfa/shared';
import {
  appointmentsOfDay,
  findByExternalId,
  nameKey,
  startedAppointmentIds,
  upsertAppointments,
} from '../db/appointment-store.js';
import type { Db } from '../db/database.js';
import { appendEntry } from '../db/journal-store.js';
import { UnreadableFile, decodeCsv } from './decode.js';
import { parseCsv } from './parse.js';
import { readRows, type ImportedAppointment } from './rows.js';

export interface ImportRequest {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly profile: ImportProfile;
  readonly dryRun: boolean;
}

/** A day of the centre is ~80 appointments (a few kB); a larger file is surely not an agenda export. */
const MAX_BYTES = 5_000_000;

const identityKey = (a: Pick<Appointment, 'day' | 'at' | 'identity'>): string =>
  `${a.day}|${a.at}|${nameKey(a.identity.lastName)}|${a.identity.birthDate ?? ''}`;

const sameContent = (a: Appointment, b: Appointment): boolean =>
  isDeepStrictEqual({ ...a, id: '' }, { ...b, id: '' });

export function importAppointments(
  db: Db,
  config: CentreConfig,
  request: ImportRequest,
  actor: ActorRef,
  now: number,
): ImportReport {
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
  };
  const journal = (type: 'import.completed' | 'import.rejected', data: Record<string, unknown>) =>
    appendEntry(db, { type, at: now, actor, visitId: null, stepId: null, professionalId: null, data });

  let read: ReturnType<typeof readRows>;
  try {
    if (request.bytes.length > MAX_BYTES) {
      throw new UnreadableFile(
        `Fichier trop volumineux (${(request.bytes.length / 1e6).toFixed(1)} Mo, 5 Mo au plus) : est-ce bien l'export des rendez-vous ?`,
      );
    }
    const { encoding, text } = decodeCsv(request.bytes);
    const csv = parseCsv(text);
    Object.assign(report, { encoding, delimiter: csv.delimiter, rows: csv.records.length });
    read = readRows(csv, request.profile, config);
    if (csv.records.length === 0 && read.errors.length === 0) {
      read = {
        appointments: [],
        errors: [{ line: 1, column: '', message: 'Aucun rendez-vous dans ce fichier.' }],
      };
    }
  } catch (error) {
    const message = error instanceof UnreadableFile ? error.message : 'Fichier CSV illisible.';
    read = { appointments: [], errors: [{ line: 1, column: '', message }] };
  }
  if (read.errors.length > 0) {
    report.errors = read.errors;
    if (!request.dryRun) journal('import.rejected', { file: request.file, errors: read.errors.length });
    return report;
  }

  const plan = planChanges(db, read.appointments, report);
  if (!request.dryRun) {
    db.transaction((tx) => {
      upsertAppointments(tx as unknown as Db, plan);
      journal('import.completed', {
        file: request.file,
        created: report.created,
        updated: report.updated,
        cancelled: report.cancelled,
        kept: report.kept,
      });
    });
  }
  return report;
}

/** What to write, counting created / updated / cancelled / kept into the report. */
function planChanges(db: Db, imported: ImportedAppointment[], report: ImportReport): Appointment[] {
  const days = [...new Set(imported.map((a) => a.day))];
  const existing = days.flatMap((day) => appointmentsOfDay(db, day));
  const started = startedAppointmentIds(db, days);
  const byIdentity = new Map(existing.map((a) => [identityKey(a), a]));
  const matched = new Set<string>();
  const writes: Appointment[] = [];

  for (const row of imported) {
    const previous =
      (row.externalId ? findByExternalId(db, row.externalId) : undefined) ?? byIdentity.get(identityKey(row));
    const next: Appointment = { ...row, id: previous?.id ?? randomUUID(), status: 'scheduled' };
    if (!previous) {
      report.created += 1;
      writes.push(next);
      continue;
    }
    matched.add(previous.id);
    if (started.has(previous.id)) report.kept += 1;
    else if (!sameContent(previous, next)) {
      report.updated += 1;
      writes.push(next);
    }
  }
  // An appointment of the file's days that the file no longer lists is cancelled, unless already begun.
  for (const old of existing) {
    if (matched.has(old.id) || old.status === 'cancelled') continue;
    if (started.has(old.id)) report.kept += 1;
    else {
      report.cancelled += 1;
      writes.push({ ...old, status: 'cancelled' });
    }
  }
  return writes;
}
