/**
 * Online backups of the SQLite database (consistent while the server runs,
 * through SQLite's backup API), compressed and encrypted, kept N days, and
 * copied to a second folder (USB disk, network share); restore checks the
 * passphrase and the database's integrity before replacing anything.
 */
import type Database from 'better-sqlite3';
import BetterSqlite from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { databaseFile, fileStamp, knownSchemaVersion } from '../db/database.js';
import { BackupDecryptError, decryptBackup, encryptBackup } from './backup-crypto.js';

export const backupDir = (dataDir: string): string => join(dataDir, 'backups');

/** Encrypted backups, and the copies taken before an update's migrations (see database.ts). */
const NAME = /^gfa-(?:avant-migration-)?(\d{8})-(\d{6})\.(?:gfabak|sqlite)$/;

/** When a backup file was made, from its name (UTC). */
export function backupTime(name: string): number | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [d, t] = [m[1] as string, m[2] as string];
  return Date.UTC(
    +d.slice(0, 4),
    +d.slice(4, 6) - 1,
    +d.slice(6, 8),
    +t.slice(0, 2),
    +t.slice(2, 4),
    +t.slice(4, 6),
  );
}

export interface BackupOptions {
  readonly passphrase: string;
  readonly now: Date;
  /** The backup folder (default `<data dir>/backups`) or an explicit file. */
  readonly out?: string;
  readonly copyTo?: string | null;
  readonly retentionDays?: number;
}

export async function createBackup(
  sqlite: Database.Database,
  dataDir: string,
  options: BackupOptions,
): Promise<string> {
  const temp = join(tmpdir(), `gfa-backup-${process.pid}-${Date.now()}.sqlite`);
  try {
    await sqlite.backup(temp);
    const sealed = encryptBackup(gzipSync(readFileSync(temp)), options.passphrase);
    const target = options.out?.endsWith('.gfabak')
      ? options.out
      : join(options.out ?? backupDir(dataDir), `gfa-${fileStamp(options.now)}.gfabak`);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, sealed, { mode: 0o600 });
    if (options.copyTo) {
      mkdirSync(options.copyTo, { recursive: true });
      copyFileSync(target, join(options.copyTo, basename(target)));
    }
    for (const folder of [join(target, '..'), options.copyTo]) {
      if (folder) pruneBackups(folder, options.now.getTime(), options.retentionDays ?? 30);
    }
    return target;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Deletes the backups older than the retention period; returns what was deleted. */
export function pruneBackups(folder: string, now: number, retentionDays: number): string[] {
  const limit = now - retentionDays * 24 * 3600_000;
  const old = readdirSync(folder).filter((name) => (backupTime(name) ?? Infinity) < limit);
  for (const name of old) rmSync(join(folder, name));
  return old;
}

export class RestoreError extends Error {}

/**
 * Restores a backup in place of the data directory's database. The server
 * must be stopped. The previous database is kept beside it.
 */
export function restoreBackup(
  file: string,
  passphrase: string,
  dataDir: string,
  now: Date,
): { previous: string | null } {
  const plain = gunzipSync(decryptBackup(readFileSync(file), passphrase));
  const candidate = join(dataDir, `gfa.sqlite.restoring-${process.pid}`);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(candidate, plain);
  try {
    const check = new BetterSqlite(candidate, { readonly: true });
    try {
      const integrity = check.pragma('integrity_check', { simple: true });
      const version = check.pragma('user_version', { simple: true }) as number;
      const hasJournal = check.prepare("select 1 from sqlite_master where name = 'events'").get();
      if (integrity !== 'ok' || !hasJournal)
        throw new RestoreError('La sauvegarde est endommagée : rien n’a été restauré.');
      if (version > knownSchemaVersion()) {
        throw new RestoreError(
          'Cette sauvegarde vient d’une version plus récente de GFA : rien n’a été restauré.',
        );
      }
    } finally {
      check.close();
    }
  } catch (error) {
    rmSync(candidate, { force: true });
    throw error;
  }
  const current = databaseFile(dataDir);
  let previous: string | null = null;
  if (existsSync(current)) {
    previous = `${current}.before-restore-${fileStamp(now)}`;
    renameSync(current, previous);
    for (const side of ['-wal', '-shm'])
      if (existsSync(current + side)) renameSync(current + side, previous + side);
  }
  renameSync(candidate, current);
  return { previous };
}

export { BackupDecryptError };
