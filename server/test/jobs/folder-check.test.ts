/**
 * The folders of the data jobs are written by the Windows service, which runs
 * as LocalService and has no network credentials: a share is refused with a
 * French reason that says what to choose instead; a local folder is accepted.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SaveDataSettingsRequest } from '@gfa/shared';
import { dataSettingsProblem } from '../../src/jobs/data-settings.js';
import { DEFAULT_DATA_SETTINGS } from '../../src/settings/settings-registry.js';

const request = (folders: {
  import?: string;
  nominative?: string;
  copyTo?: string;
}): SaveDataSettingsRequest => ({
  ...DEFAULT_DATA_SETTINGS,
  import: { ...DEFAULT_DATA_SETTINGS.import, folder: folders.import ?? null },
  nominativeExport: { ...DEFAULT_DATA_SETTINGS.nominativeExport, folder: folders.nominative ?? null },
  backup: { ...DEFAULT_DATA_SETTINGS.backup, copyTo: folders.copyTo ?? null },
  confirmLongerRetention: false,
});

describe('data folders', () => {
  it.each([
    ['import', 'Dossier surveillé des rendez-vous'],
    ['nominative', 'Dossier de l’export nominatif'],
    ['copyTo', 'Second dossier des sauvegardes'],
  ] as const)(
    'a network share for the %s folder is refused, naming the folder and the fix',
    (field, what) => {
      for (const share of ['\\\\nas\\gfa', '//nas/gfa', '\\\\192.168.1.10\\sauvegardes\\gfa']) {
        const problem = dataSettingsProblem(request({ [field]: share }), DEFAULT_DATA_SETTINGS);
        expect(problem).toBe(
          `${what} : « ${share} » est un partage réseau, auquel le service GFA (compte LocalService) n’a pas accès. Choisissez un dossier sur un disque local ou USB du serveur (par exemple E:\\GFA).`,
        );
      }
    },
  );

  it('a local folder the server can write is accepted; a relative one is refused', () => {
    const local = mkdtempSync(join(tmpdir(), 'gfa-folder-'));
    expect(
      dataSettingsProblem(
        request({
          import: join(local, 'entrant'),
          nominative: join(local, 'nominatif'),
          copyTo: join(local, 'usb'),
        }),
        DEFAULT_DATA_SETTINGS,
      ),
    ).toBeNull();
    expect(dataSettingsProblem(request({ copyTo: 'sauvegardes' }), DEFAULT_DATA_SETTINGS)).toBe(
      'Second dossier des sauvegardes : indiquez un chemin complet (par exemple D:\\GFA).',
    );
  });
});
