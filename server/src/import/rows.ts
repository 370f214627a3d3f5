/**
 * Turns parsed CSV records into appointments through a column profile,
 * collecting every problem with its line, column and a French message.
 */
import type { Appointment, CentreConfig, ImportProfile, ImportReport } from '@gfa/shared';
import { localInstant } from '../calendar/local-time.js';
import { fold, readCivility, readDay, readTime } from './fields.js';
import type { ParsedCsv } from './parse.js';

export type ImportError = ImportReport['errors'][number];

/** An appointment read from the file, before it is matched with what is stored. */
export type ImportedAppointment = Omit<Appointment, 'id' | 'status'>;

export interface ReadRows {
  readonly appointments: ImportedAppointment[];
  readonly errors: ImportError[];
}

export function readRows(csv: ParsedCsv, profile: ImportProfile, config: CentreConfig): ReadRows {
  const errors: ImportError[] = [];
  const index = new Map(csv.header.map((h, i) => [fold(h), i]));
  const mapped = Object.entries(profile.columns) as [keyof ImportProfile['columns'], string][];
  for (const [, column] of mapped) {
    if (!index.has(fold(column)))
      errors.push({ line: 1, column, message: `Colonne manquante : « ${column} ».` });
  }
  if (errors.length > 0) return { appointments: [], errors };

  const reasons = new Map(
    config.reasons.flatMap(
      (r) =>
        [
          [fold(r.code), r.id],
          [fold(r.label), r.id],
        ] as const,
    ),
  );
  const professionals = new Map(
    config.professionals.flatMap(
      (p) =>
        [
          [fold(p.id), p.id],
          [fold(p.displayName), p.id],
        ] as const,
    ),
  );
  const seen = new Map<string, number>();
  const appointments: ImportedAppointment[] = [];

  for (const { line, cells } of csv.records) {
    const cell = (field: keyof ImportProfile['columns']): string => {
      const column = profile.columns[field];
      return column ? (cells[index.get(fold(column)) ?? -1] ?? '').trim() : '';
    };
    const fail = (field: keyof ImportProfile['columns'], message: string) =>
      errors.push({ line, column: profile.columns[field] ?? field, message });
    const before = errors.length;

    const lastName = cell('lastName');
    if (!lastName) fail('lastName', 'Nom manquant.');
    const birth = readDay(cell('birthDate'), 'Date de naissance');
    if (!birth.ok) fail('birthDate', birth.message);
    const day = readDay(cell('date'), 'Date du rendez-vous');
    if (!day.ok) fail('date', day.message);
    const time = readTime(profile.columns.time ? cell('time') : cell('date'));
    if (!time.ok) fail(profile.columns.time ? 'time' : 'date', time.message);
    const reasonId = reasons.get(fold(cell('reason')));
    if (!reasonId) fail('reason', `Motif inconnu : « ${cell('reason')} ».`);
    const professionalName = cell('professional');
    const professionalId = professionalName ? professionals.get(fold(professionalName)) : null;
    if (professionalName && !professionalId)
      fail('professional', `Professionnel inconnu : « ${professionalName} ».`);
    const externalId = cell('externalId') || null;
    if (externalId) {
      const first = seen.get(externalId);
      if (first) fail('externalId', `Identifiant en double : « ${externalId} » (déjà ligne ${first}).`);
      else seen.set(externalId, line);
    }
    const email = cell('email') || null;
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      fail('email', `Adresse e-mail invalide : « ${email} ».`);
    const phone = cell('phone') || null;
    if (phone && !/^\+?[\d .()-]{6,20}$/.test(phone))
      fail('phone', `Numéro de téléphone invalide : « ${phone} ».`);
    if (errors.length > before || !birth.ok || !day.ok || !time.ok || !reasonId) continue;

    appointments.push({
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
      contact: { birthName: cell('birthName') || null, phone, email },
    });
  }
  return { appointments, errors };
}
