/** `gfa import FILE [--profile P] [--dry-run]`: imports an appointment file and prints its report. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { count, type ImportReport } from '@gfa/shared';
import { loadConfig } from '../db/config-store.js';
import { databaseFile, defaultDataDir, openDatabase } from '../db/database.js';
import { importAppointments } from '../import/import-appointments.js';
import { findProfile } from '../import/profiles.js';
import { CliError } from './cli-error.js';

export function printReport(report: ImportReport): void {
  console.log(
    `Fichier : ${report.file} (${report.encoding || '?'}, séparateur « ${report.delimiter === '\t' ? 'tabulation' : report.delimiter || '?'} », ${report.rows} lignes)`,
  );
  for (const e of report.errors)
    console.log(`  ligne ${e.line}${e.column ? `, colonne « ${e.column} »` : ''} : ${e.message}`);
  if (report.errors.length > 0) {
    console.log(`Rien n'a été importé : ${count(report.errors.length, 'erreur', 'erreurs')} à corriger.`);
    return;
  }
  const verb = report.dryRun ? 'seraient' : 'ont été';
  console.log(
    `${report.created} rendez-vous ${verb} créés, ${report.updated} modifiés, ${report.cancelled} annulés ; ${report.kept} inchangés (consultant déjà arrivé).`,
  );
}

export function importFile(
  file: string,
  options: { profile: string; dryRun?: boolean; dataDir?: string },
): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new CliError(`Fichier introuvable ou illisible : ${file}`);
  }
  const database = openDatabase(databaseFile(options.dataDir ?? defaultDataDir()));
  try {
    const profile = findProfile(database.db, options.profile);
    if (!profile) throw new CliError(`Profil d’import inconnu : ${options.profile}`);
    const report = importAppointments(
      database.db,
      loadConfig(database.db),
      { file: basename(file), bytes, profile, dryRun: Boolean(options.dryRun) },
      { kind: 'system', id: 'cli' },
      Date.now(),
    );
    printReport(report);
    if (report.errors.length > 0) process.exitCode = 2;
  } finally {
    database.close();
  }
}
