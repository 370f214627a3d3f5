/**
 * The nominative export that runs before the purge: one file per past day
 * still nominative (visits of the day, with identities), written once to the
 * folder the administrator chose, so that the centre keeps its own nominative
 * record after GFA anonymises the day.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, lt, ne } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { STATE_IN_SENTENCE, type CentreConfig, type Visit } from '@gfa/shared';
import { loadVisits } from '../db/day-store.js';
import * as t from '../db/schema.js';
import type { Column, Table } from '../stats/tables.js';
import { tableToCsv } from '../stats/csv-writer.js';
import { tablesToXlsx } from '../stats/xlsx-writer.js';

export type NominativeFormat = 'csv' | 'xlsx';

export const nominativeFileName = (day: string, format: NominativeFormat): string =>
  `gfa-nominatif-${day}.${format}`;

function dayTable(day: string, visits: readonly Visit[], config: CentreConfig): Table {
  const column = (label: string, type: Column['type']): Column => ({ label, type });
  return {
    name: `Visites du ${day}`,
    columns: [
      column('Jour', 'date'),
      column('Heure du rendez-vous', 'time'),
      column('Civilité', 'text'),
      column('Nom', 'text'),
      column('Prénom', 'text'),
      column('Date de naissance', 'date'),
      column('Motif', 'text'),
      column('Arrivée', 'time'),
      column('Fin', 'time'),
      column('État', 'text'),
    ],
    rows: visits.map((v) => [
      day,
      v.appointmentAt,
      v.identity.civility,
      v.identity.lastName,
      v.identity.firstName,
      v.identity.birthDate,
      config.reasons.find((r) => r.id === v.reasonId)?.label ?? v.reasonId,
      v.arrivedAt,
      v.endedAt,
      STATE_IN_SENTENCE[v.state],
    ]),
  };
}

/** Writes the files of the past days not exported yet; returns the days written. */
export async function exportNominativeDays(
  db: Db,
  config: CentreConfig,
  options: { folder: string; format: NominativeFormat; today: string },
): Promise<string[]> {
  const days = db
    .selectDistinct({ day: t.visits.day })
    .from(t.visits)
    .where(and(lt(t.visits.day, options.today), ne(t.visits.firstName, '')))
    .all()
    .map((r) => r.day)
    .filter((day) => !existsSync(join(options.folder, nominativeFileName(day, options.format))))
    .sort();
  mkdirSync(options.folder, { recursive: true });
  for (const day of days) {
    const table = dayTable(day, loadVisits(db, day, day), config);
    const file = join(options.folder, nominativeFileName(day, options.format));
    const content = options.format === 'csv' ? tableToCsv(table) : await tablesToXlsx([table]);
    // Renamed only once complete: a half-written file is never taken as done.
    writeFileSync(`${file}.part`, content, { mode: 0o600 });
    renameSync(`${file}.part`, file);
  }
  return days;
}
