/**
 * Column profiles: the built-in "standard" one and those the administrator
 * saved, each with its table of the agenda's own values (kept apart, so the
 * fixed "standard" profile has one too).
 */
import { ImportProfile, ImportValueMaps, STANDARD_COLUMNS } from '@gfa/shared';
import type { Db } from '../db/database.js';
import { readSetting, writeSetting } from '../db/settings-store.js';

export const STANDARD_PROFILE: ImportProfile = { name: 'standard', columns: STANDARD_COLUMNS };

export function listProfiles(db: Db): ImportProfile[] {
  const values = readSetting(db, 'import.values');
  return [STANDARD_PROFILE, ...Object.values(readSetting(db, 'import.profiles'))].map((p) =>
    values[p.name] ? { ...p, values: values[p.name] } : p,
  );
}

export function findProfile(db: Db, name: string): ImportProfile | undefined {
  return listProfiles(db).find((p) => p.name === name);
}

export function saveProfile(db: Db, profile: ImportProfile): void {
  const saved = readSetting(db, 'import.profiles');
  const { values, ...columns } = ImportProfile.parse(profile);
  writeSetting(db, 'import.profiles', { ...saved, [profile.name]: columns });
  if (values) saveValueMaps(db, profile.name, values);
}

export function saveValueMaps(db: Db, profile: string, values: ImportValueMaps): void {
  const saved = readSetting(db, 'import.values');
  writeSetting(db, 'import.values', { ...saved, [profile]: ImportValueMaps.parse(values) });
}
