/**
 * Online backups of the SQLite database (a consistent in-memory snapshot
 * while the server runs), compressed and encrypted, kept N days, and
 * copied to a second folder (USB disk, network share); restore checks the
 * passphrase and the database's integrity before replacing anything.
 */
import type Database from 'better-sqlite3';
import BetterSqlite from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { databaseFile, fileStamp, knownSchemaVersion } from '../db/database.js';
import { workerResult } from '../db/worker-thread.js';
import { BackupDecryptError, checkPassphrase, decryptBackup } from './backup-crypto.js';
import type { BackupWorkerInput } from './backup-worker.js';

const BACKUP_WORKER = new URL('./backup-worker.ts', import.meta.url);

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

/**
 * The copy to encrypt is taken in memory (`serialize`, in a worker thread: one consistent snapshot,
 * read while the server keeps writing in WAL mode), never on disk: a backup killed at any moment leaves no
 * plaintext database behind. The worker writes the encrypted file beside its target, readable by the
 * service only, then renames it: a half-written backup never carries a backup's name.
 */
export async function createBackup(
  sqlite: Database.Database,
  dataDir: string,
  options: BackupOptions,
): Promise<string> {
  removeLegacyPlaintextCopies();
  checkPassphrase(options.passphrase);
  const target = options.out?.endsWith('.gfabak')
    ? options.out
    : join(options.out ?? backupDir(dataDir), `gfa-${fileStamp(options.now)}.gfabak`);
  mkdirSync(join(target, '..'), { recursive: true });
  // Snapshot, gzip, encryption and the file itself are the worker's (`backup-worker.ts`).
  const input: BackupWorkerInput = { file: sqlite.name, passphrase: options.passphrase, target };
  await workerResult<string>(BACKUP_WORKER, input);
  if (options.copyTo) {
    mkdirSync(options.copyTo, { recursive: true });
    await copyFile(target, join(options.copyTo, basename(target)));
  }
  for (const folder of [join(target, '..'), options.copyTo]) {
    if (folder) pruneBackups(folder, options.now.getTime(), options.retentionDays ?? 30);
  }
  return target;
}

/** Earlier builds copied the database in clear to the temp folder, and a crash left the copy there. */
const LEGACY_COPY = /^gfa-backup-\d+-\d+\.sqlite$/;

function removeLegacyPlaintextCopies(): void {
  for (const name of readdirSync(tmpdir()).filter((n) => LEGACY_COPY.test(n)))
    rmSync(join(tmpdir(), name), { force: true });
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
  writeFileSync(candidate, plain, { mode: 0o600 });
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
