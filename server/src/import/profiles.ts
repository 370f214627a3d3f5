/** Column profiles: the built-in "standard" one and those the administrator saved. */
import { ImportProfile } from '@gfa/shared';
import { getSetting, setSetting } from '../db/config-store.js';
import type { Db } from '../db/database.js';

export const STANDARD_PROFILE: ImportProfile = {
  name: 'standard',
  columns: {
    lastName: 'Nom',
    firstName: 'Prénom',
    civility: 'Civilité',
    birthDate: 'Date de naissance',
    date: 'Date RDV',
    time: 'Heure RDV',
    reason: 'Motif',
    professional: 'Professionnel',
    externalId: 'Identifiant',
    reference: 'Référence',
  },
};

const KEY = 'import.profiles';

export function listProfiles(db: Db): ImportProfile[] {
  return [STANDARD_PROFILE, ...Object.values(getSetting<Record<string, ImportProfile>>(db, KEY, {}))];
}

export function findProfile(db: Db, name: string): ImportProfile | undefined {
  return listProfiles(db).find((p) => p.name === name);
}

export function saveProfile(db: Db, profile: ImportProfile): void {
  const saved = getSetting<Record<string, ImportProfile>>(db, KEY, {});
  setSetting(db, KEY, { ...saved, [profile.name]: ImportProfile.parse(profile) });
}
