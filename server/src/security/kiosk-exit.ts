/**
 * The kiosks' exit code: set once by the administrator, stored as an argon2
 * hash, checked by the server when a kiosk shell asks — so every kiosk follows
 * one code that can be changed centrally, and each exit is journaled.
 */
import { KioskExitCode, type KioskExitCodeStatus } from '@gfa/shared';
import { getSetting, setSetting } from '../db/config-store.js';
import type { Db } from '../db/database.js';
import { verifyPassword } from './secrets.js';

const KEY = 'kioskExitCode';

interface Stored {
  readonly hash: string;
  readonly changedAt: number;
}

export function kioskExitCodeStatus(db: Db): KioskExitCodeStatus {
  const stored = getSetting<Stored | null>(db, KEY, null);
  return { set: stored !== null, changedAt: stored?.changedAt ?? null };
}

export function writeKioskExitCode(db: Db, hash: string, now: number): void {
  setSetting(db, KEY, { hash, changedAt: now } satisfies Stored);
}

/** False when no code is set: a kiosk without a code cannot be left from its screen. */
export async function kioskExitCodeMatches(db: Db, code: string): Promise<boolean> {
  const stored = getSetting<Stored | null>(db, KEY, null);
  return (
    stored !== null && KioskExitCode.safeParse(code).success && (await verifyPassword(stored.hash, code))
  );
}
