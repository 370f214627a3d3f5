/**
 * Scheduled jobs (import from a watched folder, nominative export, nightly
 * anonymisation, encrypted backup) and the data settings they run with.
 */
import { z } from 'zod';
import { Millis } from '../domain/model.js';

export const JobId = z.enum(['import', 'nominative-export', 'retention', 'backup']);
export type JobId = z.infer<typeof JobId>;

/** A time of day, local to the centre. */
export const DailyTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'heure au format HH:MM');
export type DailyTime = z.infer<typeof DailyTime>;

/** An absolute folder on the server box (a USB disk, a network share...), or none. */
const Folder = z.string().trim().min(1).max(400).nullable();

export const DataSettings = z.object({
  /** Days nominative data is kept before anonymisation (7 unless the administrator explicitly chose more). */
  retentionDays: z.number().int().min(1, 'au moins 1 jour').max(3650),
  retentionTime: DailyTime,
  import: z.object({
    folder: Folder,
    profile: z.string().min(1),
    times: z.array(DailyTime).min(1, 'au moins une heure').max(6),
  }),
  nominativeExport: z.object({ folder: Folder, format: z.enum(['csv', 'xlsx']), time: DailyTime }),
  backup: z.object({
    time: DailyTime,
    keepDays: z.number().int().min(1, 'au moins 1 jour').max(365),
    copyTo: Folder,
  }),
});
export type DataSettings = z.infer<typeof DataSettings>;

export const SaveDataSettingsRequest = DataSettings.extend({
  /** Keeping nominative data longer than 7 days is an explicit, journaled choice. */
  confirmLongerRetention: z.boolean().default(false),
});
export type SaveDataSettingsRequest = z.infer<typeof SaveDataSettingsRequest>;

export const JobTrigger = z.enum(['schedule', 'catch-up', 'manual']);
export type JobTrigger = z.infer<typeof JobTrigger>;

export const JobRun = z.object({
  at: Millis,
  ok: z.boolean(),
  trigger: JobTrigger,
  /** A French sentence: counts, file names, or the error. */
  summary: z.string(),
});
export type JobRun = z.infer<typeof JobRun>;

export const JobStatus = z.object({
  id: JobId,
  label: z.string(),
  times: z.array(DailyTime),
  /** Why the job cannot run yet (no folder chosen, no passphrase...), or null. */
  notReady: z.string().nullable(),
  running: z.boolean(),
  lastRun: JobRun.nullable(),
  nextRun: Millis.nullable(),
});
export type JobStatus = z.infer<typeof JobStatus>;

export const JobsDto = z.object({
  jobs: z.array(JobStatus),
  settings: DataSettings,
  backupPassphraseSet: z.boolean(),
});
export type JobsDto = z.infer<typeof JobsDto>;

export const JobParams = z.object({ id: JobId });

export const BackupPassphraseRequest = z.object({
  passphrase: z.string().min(12, 'au moins 12 caractères').max(200),
});
