/** Checks a change of the data jobs' settings (where and when they run, how long nominative data is kept). */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { DataSettings, SaveDataSettingsRequest } from '@gfa/shared';
import { DEFAULT_RETENTION_DAYS } from '../settings/settings-registry.js';

/** `\\nas\gfa` or `//nas/gfa`: a network share (not a `\\?\C:\…` local long path). */
const isNetworkShare = (folder: string): boolean => /^(\\\\|\/\/)[^\\/?.]/.test(folder);

/**
 * A folder the server can write into (created if missing), or a French reason.
 * The Windows service runs as LocalService, which has no network credentials:
 * a share would pass a check made by hand and fail every night, so it is refused.
 */
function folderProblem(folder: string | null, what: string): string | null {
  if (folder === null) return null;
  if (isNetworkShare(folder))
    return `${what} : « ${folder} » est un partage réseau, auquel le service GFA (compte LocalService) n’a pas accès. Choisissez un dossier sur un disque local ou USB du serveur (par exemple E:\\GFA).`;
  if (!isAbsolute(folder)) return `${what} : indiquez un chemin complet (par exemple D:\\GFA).`;
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
    return null;
  } catch {
    return `${what} : le serveur ne peut pas écrire dans « ${folder} ».`;
  }
}

/** The French reason a change is refused, or null. */
export function dataSettingsProblem(request: SaveDataSettingsRequest, current: DataSettings): string | null {
  if (
    request.retentionDays > DEFAULT_RETENTION_DAYS &&
    request.retentionDays !== current.retentionDays &&
    !request.confirmLongerRetention
  ) {
    return `Conserver les données nominatives plus de ${DEFAULT_RETENTION_DAYS} jours demande une confirmation explicite.`;
  }
  return (
    folderProblem(request.import.folder, 'Dossier surveillé des rendez-vous') ??
    folderProblem(request.nominativeExport.folder, 'Dossier de l’export nominatif') ??
    folderProblem(request.backup.copyTo, 'Second dossier des sauvegardes')
  );
}
