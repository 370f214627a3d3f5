/**
 * The four data jobs of the centre, in catch-up order: import the watched
 * folder's appointment files, export the nominative days before the purge,
 * anonymise what is older than the retention, back the database up.
 */
import type Database from 'better-sqlite3';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { count, formatNumber, type ActorRef, type DataSettings } from '@gfa/shared';
import { createBackup } from '../backup/backups.js';
import { readBackupPassphrase } from '../backup/passphrase-store.js';
import type { Db } from '../db/database.js';
import type { WriteTurn } from '../db/tx.js';
import { importAgendaFile } from '../import/import-appointments.js';
import { findProfile } from '../import/profiles.js';
import { anonymiseBefore, cutoffDay } from '../retention/anonymise.js';
import { exportNominativeDays } from '../retention/nominative-export.js';
import { localDay } from '../calendar/local-time.js';
import type { QueueService } from '../service/queue-service.js';
import type { JobDefinition, JobOutcome } from './job-registry.js';

export interface DataJobDeps {
  readonly db: Db;
  readonly sqlite: Database.Database;
  readonly dataDir: string;
  readonly service: QueueService;
  readonly settings: () => DataSettings;
  /** Writes after an asynchronous step wait for an import's commit to end (see `WriteTurn`). */
  readonly writeTurn?: WriteTurn;
}

const JOBS_ACTOR: ActorRef = { kind: 'system', id: 'jobs' };
const stamp = (now: number): string => new Date(now).toISOString().replace(/[-:]/g, '').slice(0, 15);

function importJob(deps: DataJobDeps): JobDefinition {
  return {
    id: 'import',
    label: 'Import des rendez-vous (dossier surveillé)',
    times: () => deps.settings().import.times,
    notReady: () => (deps.settings().import.folder ? null : 'Dossier surveillé non choisi.'),
    run: async (now) => {
      const { folder, profile: profileName } = deps.settings().import as { folder: string; profile: string };
      const profile = findProfile(deps.db, profileName);
      if (!profile) throw new Error(`Profil d’import inconnu : ${profileName}.`);
      const files = readdirSync(folder)
        .filter((name) => /\.(csv|txt|xlsx)$/i.test(name) && statSync(join(folder, name)).isFile())
        .sort();
      const counts = { files: files.length, created: 0, updated: 0, cancelled: 0, refused: 0 };
      const refused: string[] = [];
      for (const file of files) {
        // Nobody confirms at night: cancellations above the threshold only if the profile allows them.
        const report = await importAgendaFile(
          deps.db,
          deps.service.centre(),
          {
            file,
            bytes: readFileSync(join(folder, file)),
            profile,
            dryRun: false,
            ...(profile.unattendedCancellations ? { confirmCancellations: 'any' as const } : {}),
          },
          JOBS_ACTOR,
          now,
        );
        const ok = report.errors.length === 0;
        if (ok) {
          counts.created += report.created;
          counts.updated += report.updated;
          counts.cancelled += report.cancelled;
        } else refused.push(file);
        // Done files leave the folder, so each file is imported once; refused ones wait for a fix.
        const into = join(folder, ok ? 'importés' : 'refusés');
        mkdirSync(into, { recursive: true });
        renameSync(join(folder, file), join(into, `${stamp(now)}-${basename(file)}`));
      }
      deps.service.syncAppointments();
      counts.refused = refused.length;
      if (refused.length) {
        throw new Error(
          `${count(refused.length, 'fichier refusé', 'fichiers refusés')} : ${refused.join(', ')} (rapport ligne par ligne dans l’historique des imports).`,
        );
      }
      const summary = files.length
        ? `${count(files.length, 'fichier importé', 'fichiers importés')} : ${count(counts.created, 'rendez-vous créé', 'rendez-vous créés')}, ${count(counts.updated, 'modifié', 'modifiés')}, ${count(counts.cancelled, 'annulé', 'annulés')}.`
        : 'Aucun fichier à importer.';
      return { summary, counts };
    },
  };
}

async function exportDays(deps: DataJobDeps, now: number): Promise<string[]> {
  const { folder, format } = deps.settings().nominativeExport;
  if (!folder) return [];
  return exportNominativeDays(deps.db, deps.service.centre(), { folder, format, today: localDay(now) });
}

function nominativeExportJob(deps: DataJobDeps): JobDefinition {
  return {
    id: 'nominative-export',
    label: 'Export nominatif quotidien (avant anonymisation)',
    times: () => [deps.settings().nominativeExport.time],
    notReady: () => (deps.settings().nominativeExport.folder ? null : 'Dossier de l’export non choisi.'),
    run: async (now): Promise<JobOutcome> => {
      const days = await exportDays(deps, now);
      return {
        summary: days.length
          ? `${count(days.length, 'journée exportée', 'journées exportées')} : ${days.join(', ')}.`
          : 'Aucune nouvelle journée à exporter.',
        counts: { days: days.length },
      };
    },
  };
}

function retentionJob(deps: DataJobDeps): JobDefinition {
  return {
    id: 'retention',
    label: 'Anonymisation des données nominatives',
    times: () => [deps.settings().retentionTime],
    notReady: () => null,
    run: async (now) => {
      // The nominative export, when set up, always runs first: nothing is purged before it is exported.
      const exported = await exportDays(deps, now);
      await deps.writeTurn?.();
      const result = anonymiseBefore(deps.db, cutoffDay(localDay(now), deps.settings().retentionDays), now);
      return {
        summary: `Données antérieures au ${result.cutoffDay} anonymisées : ${count(result.visits, 'visite', 'visites')}, ${formatNumber(result.appointments)} rendez-vous, ${count(result.notes, 'note', 'notes')}.`,
        counts: {
          visits: result.visits,
          appointments: result.appointments,
          notes: result.notes,
          exportedDays: exported.length,
        },
      };
    },
  };
}

function backupJob(deps: DataJobDeps): JobDefinition {
  return {
    id: 'backup',
    label: 'Sauvegarde chiffrée de la base',
    times: () => [deps.settings().backup.time],
    notReady: () =>
      readBackupPassphrase(deps.dataDir) ? null : 'Phrase de passe des sauvegardes non définie.',
    run: async (now) => {
      const { keepDays, copyTo } = deps.settings().backup;
      const file = await createBackup(deps.sqlite, deps.dataDir, {
        passphrase: readBackupPassphrase(deps.dataDir) as string,
        now: new Date(now),
        copyTo,
        retentionDays: keepDays,
      });
      const size = statSync(file).size;
      return {
        summary: `Sauvegarde ${basename(file)} (${formatNumber(Math.round(size / 1e5) / 10)} Mo)${copyTo ? `, copiée dans ${copyTo}` : ''} ; conservation ${keepDays} jours.`,
        counts: { bytes: size },
      };
    },
  };
}

export const dataJobs = (deps: DataJobDeps): JobDefinition[] => [
  importJob(deps),
  nominativeExportJob(deps),
  retentionJob(deps),
  backupJob(deps),
];
