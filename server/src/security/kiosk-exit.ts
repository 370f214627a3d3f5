/**
 * The kiosks' exit code: set once by the administrator, stored as an argon2
 * hash, checked by the server when a kiosk shell asks — so every kiosk follows
 * one code that can be changed centrally, and each exit is journaled.
 */
import { KioskExitCode, type KioskExitCodeStatus } from '@gfa/shared';
import type { Db } from '../db/database.js';
import { readSetting, writeSetting } from '../db/settings-store.js';
import { verifyPassword } from './secrets.js';

export function kioskExitCodeStatus(db: Db): KioskExitCodeStatus {
  const stored = readSetting(db, 'kioskExitCode');
  return { set: stored !== null, changedAt: stored?.changedAt ?? null };
}

export function writeKioskExitCode(db: Db, hash: string, now: number): void {
  writeSetting(db, 'kioskExitCode', { hash, changedAt: now });
}

/** False when no code is set: a kiosk without a code cannot be left from its screen. */
export async function kioskExitCodeMatches(db: Db, code: string): Promise<boolean> {
  const stored = readSetting(db, 'kioskExitCode');
  return (
    stored !== null && KioskExitCode.safeParse(code).success && (await verifyPassword(stored.hash, code))
  );
}
