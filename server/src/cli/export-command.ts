/** `gfa export --from D --to D --format xlsx|csv --out F`: the period's statistics, for the administrator. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DayString } from '@gfa/shared';
import { databaseFile, defaultDataDir, openDatabase } from '../db/database.js';
import { journalCli } from './cli-journal.js';
import { fullExportArchive } from '../stats/full-export.js';
import { statisticsFor } from '../stats/period.js';
import { statisticsTables } from '../stats/tables.js';
import { csvFileName, tableToCsv } from '../stats/csv-writer.js';
import { tablesToXlsx } from '../stats/xlsx-writer.js';
import { CliError } from './cli-error.js';

export async function exportStatistics(options: {
  from?: string;
  to?: string;
  all?: boolean;
  format: string;
  out: string;
  dataDir?: string;
}): Promise<void> {
  if (options.all) return exportEverything(options.out, options.dataDir);
  const { from, to } = options;
  if (!from || !to) throw new CliError('Indiquez la période : --from AAAA-MM-JJ --to AAAA-MM-JJ (ou --all).');
  for (const day of [from, to]) {
    if (!DayString.safeParse(day).success) throw new CliError(`Date invalide : ${day} (attendu AAAA-MM-JJ).`);
  }
  if (from > to) throw new CliError('La date de début est après la date de fin.');
  if (options.format !== 'xlsx' && options.format !== 'csv')
    throw new CliError(`Format inconnu : ${options.format} (xlsx ou csv).`);
  const database = openDatabase(databaseFile(options.dataDir ?? defaultDataDir()));
  try {
    const tables = statisticsTables(statisticsFor(database.db, from, to));
    journalCli(database.db, 'export.created', { kind: 'statistics', from, to, format: options.format });
    if (options.format === 'xlsx') {
      writeFileSync(options.out, await tablesToXlsx(tables));
      console.log(`Statistiques du ${from} au ${to} : ${options.out}`);
      return;
    }
    // CSV: one file per table in the --out folder.
    mkdirSync(options.out, { recursive: true });
    for (const table of tables) {
      const file = join(options.out, csvFileName(table));
      writeFileSync(file, tableToCsv(table));
      console.log(file);
    }
  } finally {
    database.close();
  }
}

/** Reversibility: every table as CSV files and one XLSX workbook, in one zip archive. */
async function exportEverything(out: string, dataDir?: string): Promise<void> {
  const database = openDatabase(databaseFile(dataDir ?? defaultDataDir()));
  try {
    writeFileSync(out, await fullExportArchive(database.sqlite));
    journalCli(database.db, 'export.created', { kind: 'all' });
    console.log(`Export complet (toutes les tables, CSV et XLSX) : ${out}`);
  } finally {
    database.close();
  }
}
