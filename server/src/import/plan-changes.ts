/**
 * What an import writes, decided against what is stored: each row matched
 * with the appointment its own source imported before (by the agenda's id,
 * else identity + time; appointments stored before sources existed are
 * adopted), the source's missing appointments of the file's days cancelled,
 * and every visit already begun left alone. For a file it runs in the import
 * worker, on its own connection (`agenda-worker.ts`).
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Appointment, ImportReport } from '@gfa/shared';
import { appointmentsOfDays, findByExternalIds, startedAppointmentIds } from '../db/appointment-store.js';
import type { Db } from '../db/database.js';
import { nameKey } from '../db/name-key.js';
import type { ImportedAppointment } from './rows.js';

const identityKey = (a: Pick<Appointment, 'day' | 'at' | 'identity'>): string =>
  `${a.day}|${a.at}|${nameKey(a.identity.lastName)}|${a.identity.birthDate ?? ''}`;

const sameContent = (a: Appointment, b: Appointment): boolean =>
  isDeepStrictEqual({ ...a, id: '' }, { ...b, id: '' });

const nameOf = (a: Appointment): string =>
  [a.identity.civility, a.identity.firstName, a.identity.lastName].filter(Boolean).join(' ');

/** Stored appointments by key, per owning source (`null` = stored before sources). */
class Owned {
  private readonly bySource = new Map<string | null, Map<string, Appointment>>();
  add(key: string, a: Appointment): void {
    const source = a.source ?? null;
    const map = this.bySource.get(source) ?? new Map<string, Appointment>();
    map.set(key, a);
    this.bySource.set(source, map);
  }
  /** The source's own appointment, else one stored before sources (adopted by this source). */
  get(source: string, key: string): Appointment | undefined {
    return this.bySource.get(source)?.get(key) ?? this.bySource.get(null)?.get(key);
  }
}

/** Counts created / updated / cancelled / kept into the report, and lists what would be cancelled. */
export function planChanges(
  db: Db,
  imported: ImportedAppointment[],
  report: ImportReport,
  cancelMissing: boolean,
): Appointment[] {
  const days = [...new Set(imported.map((a) => a.day))];
  const existing = appointmentsOfDays(db, days);
  const started = startedAppointmentIds(db, days);
  const byIdentity = new Owned();
  for (const a of existing) byIdentity.add(identityKey(a), a);
  const byExternalId = new Owned();
  const ids = imported.flatMap((a) => (a.externalId ? [a.externalId] : []));
  for (const a of findByExternalIds(db, ids)) if (a.externalId) byExternalId.add(a.externalId, a);

  const matched = new Set<string>();
  // The file's days per source: a source's appointments of these days that the file no longer lists are cancelled.
  const owners = new Set<string>();
  const writes: Appointment[] = [];
  const cancel = (old: Appointment) => {
    report.cancelled += 1;
    report.toCancel.push({ at: old.at, name: nameOf(old), reasonId: old.reasonId });
    writes.push({ ...old, status: 'cancelled' });
  };

  for (const { cancelled, ...row } of imported) {
    if (cancelMissing) owners.add(`${row.day}|${row.source}`);
    const previous =
      (row.externalId ? byExternalId.get(row.source, row.externalId) : undefined) ??
      byIdentity.get(row.source, identityKey(row));
    if (previous) matched.add(previous.id);
    if (previous && started.has(previous.id)) {
      report.kept += 1;
      continue;
    }
    if (cancelled) {
      // The agenda says cancelled: cancel what was imported before; a never-imported one is nothing to do.
      if (previous && previous.status !== 'cancelled') cancel(previous);
      continue;
    }
    const next: Appointment = { ...row, id: previous?.id ?? randomUUID(), status: 'scheduled' };
    if (!previous) report.created += 1;
    else if (!sameContent(previous, next)) report.updated += 1;
    else continue;
    writes.push(next);
  }
  // An appointment of the file's days that its own source no longer lists is cancelled, unless begun.
  for (const old of existing) {
    if (matched.has(old.id) || old.status === 'cancelled' || !owners.has(`${old.day}|${old.source}`))
      continue;
    if (started.has(old.id)) report.kept += 1;
    else cancel(old);
  }
  return writes;
}
