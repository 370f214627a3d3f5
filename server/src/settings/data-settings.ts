/** The data jobs and the appointment import: retention, watched folder, exports, backups, column profiles. */
import { DataSettings, ImportProfile, ImportValueMaps } from '@gfa/shared';
import { z } from 'zod';
import { setting } from './setting.js';

/** The CCTP's 7 days; more only by an explicit, journaled administrator choice. */
export const DEFAULT_RETENTION_DAYS = 7;

export const DEFAULT_DATA_SETTINGS: DataSettings = {
  retentionDays: DEFAULT_RETENTION_DAYS,
  retentionTime: '02:00',
  // The evening before and the morning of.
  import: { folder: null, profile: 'standard', times: ['07:00', '19:00'] },
  // Before the purge (the purge also runs it first when it is set up).
  nominativeExport: { folder: null, format: 'xlsx', time: '01:30' },
  backup: { time: '03:00', keepDays: 30, copyTo: null },
};

export const DATA_SETTINGS = {
  dataSettings: setting({
    schema: DataSettings,
    defaultValue: DEFAULT_DATA_SETTINGS,
    description:
      'Tâches planifiées : durée de conservation des données nominatives, dossier surveillé des rendez-vous, export nominatif, sauvegardes.',
  }),
  'import.profiles': setting({
    // The value tables are kept apart (`import.values`): the built-in « standard » profile has one too.
    schema: z.record(z.string(), ImportProfile.omit({ values: true })),
    defaultValue: {},
    description:
      'Profils de colonnes enregistrés par l’administrateur, par nom (le profil « standard » est intégré).',
  }),
  'import.values': setting({
    schema: z.record(z.string(), ImportValueMaps),
    defaultValue: {},
    description:
      'Par profil d’import, les libellés de l’agenda (motifs, professionnels) et ce à quoi ils correspondent dans GFA.',
  }),
};
