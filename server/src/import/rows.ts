/**
 * Turns the rows of an agenda export into appointments through a column
 * profile, collecting every problem with its line, column and a French
 * message. Field lengths are the protocol's own (`Appointment` schema), so a
 * stored appointment can always be served to every screen.
 */
import {
  APPOINTMENT_FIELDS,
  Appointment,
  CONTACT_KEYS,
  FIELD_KEYS,
  type CentreConfig,
  type FieldKey,
  type ImportProfile,
  type ImportReport,
} from '@gfa/shared';
import { localInstant } from '../calendar/local-time.js';
import { labelKey } from '../db/name-key.js';
import { CONTACT_CHECKS, quote, readCivility, readDay, readTime } from './fields.js';
import { plainCheck } from './plain-check.js';
import type { AgendaTable } from './header-row.js';

export type ImportError = ImportReport['errors'][number];
type UnknownValue = ImportReport['unknownValues'][number];

/** An appointment read from the file, before it is matched with what is stored. */
export type ImportedAppointment = Omit<Appointment, 'id' | 'status' | 'source'> & {
  readonly source: string;
  /** The agenda marks it cancelled (status column): cancel it if it was imported before. */
  readonly cancelled: boolean;
};

export interface ReadRows {
  readonly appointments: ImportedAppointment[];
  readonly errors: ImportError[];
  readonly unknownValues: UnknownValue[];
  readonly duplicates: number;
}

/** Status values meaning the agenda cancelled the appointment (folded). */
const CANCELLED = new Set([
  'annule',
  'annulee',
  'annulation',
  'cancelled',
  'canceled',
  'supprime',
  'supprimee',
]);

/** What the protocol accepts for an imported appointment: the one source of field limits. */
const Stored = Appointment.omit({ id: true, status: true });
/** `Stored` as a plain predicate: zod parses only the rows it does not clear (for their messages). */
const storable = plainCheck(Stored);

/** The profile field behind each path the protocol's schema checks (the last step of its domain path). */
const FIELD_OF_PATH = new Map(
  FIELD_KEYS.map((key) => [APPOINTMENT_FIELDS[key].domain.split('.').at(-1) as string, key]),
);

/** Label → id lookups: GFA's codes and labels, then the profile's table of the agenda's own values. */
function lookup(
  entries: [string, string][],
  mapped: Record<string, string> | undefined,
): Map<string, string> {
  const map = new Map(entries.map(([label, id]) => [labelKey(label), id]));
  for (const [value, id] of Object.entries(mapped ?? {})) map.set(labelKey(value), id);
  return map;
}

export function readRows(
  table: AgendaTable,
  profile: ImportProfile,
  config: CentreConfig,
  defaultSource: string,
): ReadRows {
  const errors: ImportError[] = [];
  const unknown = new Map<string, UnknownValue>();
  const reasons = lookup(
    config.reasons.flatMap((r): [string, string][] => [
      [r.code, r.id],
      [r.label, r.id],
    ]),
    profile.values?.reasons,
  );
  const professionals = lookup(
    config.professionals.flatMap((p): [string, string][] => [
      [p.id, p.id],
      [p.displayName, p.id],
    ]),
    profile.values?.professionals,
  );
  const seenIds = new Map<string, number>();
  const seenRows = new Set<string>();
  const appointments: ImportedAppointment[] = [];
  let duplicates = 0;

  for (const { line, cells } of table.records) {
    const cell = (field: FieldKey): string => {
      const index = table.columns[field];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const fail = (field: FieldKey, message: string) =>
      errors.push({ line, column: profile.columns[field] ?? field, message });
    const unknownValue = (field: UnknownValue['field'], value: string) => {
      const key = `${field}|${labelKey(value)}`;
      const known = unknown.get(key);
      if (known) known.lines.push(line);
      else unknown.set(key, { field, value: quote(value), lines: [line] });
      const what = field === 'reason' ? 'Motif' : 'Professionnel';
      fail(field, `${what} inconnu : « ${quote(value)} ».`);
    };
    const before = errors.length;

    const lastName = cell('lastName');
    if (!lastName) fail('lastName', 'Nom manquant.');
    const birth = readDay(cell('birthDate'), 'Date de naissance');
    if (!birth.ok) fail('birthDate', birth.message);
    const day = readDay(cell('date'), 'Date du rendez-vous');
    if (!day.ok) fail('date', day.message);
    // Date and time may share one cell (no time column, or an empty one).
    const timeField: FieldKey = cell('time') ? 'time' : 'date';
    const time = readTime(cell(timeField));
    if (!time.ok) fail(timeField, time.message);
    const reasonValue = cell('reason');
    const reasonId = reasons.get(labelKey(reasonValue));
    if (!reasonId) unknownValue('reason', reasonValue);
    const professionalName = cell('professional');
    const professionalId = professionalName ? professionals.get(labelKey(professionalName)) : null;
    if (professionalName && !professionalId) unknownValue('professional', professionalName);
    const externalId = cell('externalId') || null;
    if (externalId) {
      const first = seenIds.get(externalId);
      if (first)
        fail('externalId', `Identifiant en double : « ${quote(externalId)} » (déjà ligne ${first}).`);
      else seenIds.set(externalId, line);
    }
    const contact = Object.fromEntries(
      CONTACT_KEYS.map((key) => {
        const value = cell(key) || null;
        const refused = value && CONTACT_CHECKS[APPOINTMENT_FIELDS[key].kind](value);
        if (refused) fail(key, refused);
        return [key, value];
      }),
    ) as NonNullable<Appointment['contact']>;
    if (errors.length > before || !birth.ok || !day.ok || !time.ok || !reasonId) continue;

    const appointment: ImportedAppointment = {
      externalId,
      reference: cell('reference') || null,
      day: day.value,
      at: localInstant(day.value, time.value),
      reasonId,
      professionalId: professionalId ?? null,
      identity: {
        civility: readCivility(cell('civility')),
        firstName: cell('firstName'),
        lastName,
        birthDate: birth.value,
      },
      contact,
      source: cell('source') || defaultSource,
      cancelled: CANCELLED.has(labelKey(cell('status'))),
    };
    const limits = storable(appointment) ? null : Stored.safeParse(appointment);
    if (limits && !limits.success) {
      for (const issue of limits.error.issues) {
        const field = FIELD_OF_PATH.get(String(issue.path.at(-1))) ?? 'lastName';
        const max = 'maximum' in issue ? Number(issue.maximum) : null;
        const length = cell(field).length;
        fail(
          field,
          max !== null
            ? `Valeur trop longue : ${length.toLocaleString('fr-FR')} caractères, ${max} au plus.`
            : `Valeur refusée : ${issue.message}`,
        );
      }
      continue;
    }
    // Without an agenda id, a row repeated word for word is one appointment (exports repeat group rows).
    if (!externalId) {
      const key = JSON.stringify(appointment);
      if (seenRows.has(key)) {
        duplicates += 1;
        continue;
      }
      seenRows.add(key);
    }
    appointments.push(appointment);
  }
  return { appointments, errors, unknownValues: [...unknown.values()], duplicates };
}
