/**
 * Column profiles: the built-in "standard" one and those the administrator
 * saved, each with its table of the agenda's own values (kept apart, so the
 * fixed "standard" profile has one too).
 */
import { ImportProfile, ImportValueMaps, STANDARD_COLUMNS } from '@gfa/shared';
import { getSetting, setSetting } from '../db/config-store.js';
import type { Db } from '../db/database.js';

export const STANDARD_PROFILE: ImportProfile = { name: 'standard', columns: STANDARD_COLUMNS };

const KEY = 'import.profiles';
const VALUES_KEY = 'import.values';

export function listProfiles(db: Db): ImportProfile[] {
  const values = getSetting<Record<string, ImportValueMaps>>(db, VALUES_KEY, {});
  return [STANDARD_PROFILE, ...Object.values(getSetting<Record<string, ImportProfile>>(db, KEY, {}))].map(
    (p) => (values[p.name] ? { ...p, values: values[p.name] } : p),
  );
}

export function findProfile(db: Db, name: string): ImportProfile | undefined {
  return listProfiles(db).find((p) => p.name === name);
}

export function saveProfile(db: Db, profile: ImportProfile): void {
  const saved = getSetting<Record<string, ImportProfile>>(db, KEY, {});
  const { values, ...columns } = ImportProfile.parse(profile);
  setSetting(db, KEY, { ...saved, [profile.name]: columns });
  if (values) saveValueMaps(db, profile.name, values);
}

export function saveValueMaps(db: Db, profile: string, values: ImportValueMaps): void {
  const saved = getSetting<Record<string, ImportValueMaps>>(db, VALUES_KEY, {});
  setSetting(db, VALUES_KEY, { ...saved, [profile]: ImportValueMaps.parse(values) });
}
