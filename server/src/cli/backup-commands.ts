/**
 * `gfa backup` and `gfa restore`: the passphrase comes from stdin, GFA_BACKUP_PASSPHRASE or the
 * one the administrator set for the nightly backups, never from the command line.
 */
import { BackupDecryptError, RestoreError, createBackup, restoreBackup } from '../backup/backups.js';
import { readBackupPassphrase } from '../backup/passphrase-store.js';
import { databaseFile, defaultDataDir, openDatabase } from '../db/database.js';
import { basename } from 'node:path';
import { CliError } from './cli-error.js';
import { journalCli } from './cli-journal.js';
import { readStdin } from './read-stdin.js';

async function passphrase(dataDir: string, fromStdin?: boolean): Promise<string> {
  const value = fromStdin
    ? await readStdin()
    : (process.env.GFA_BACKUP_PASSPHRASE ?? readBackupPassphrase(dataDir));
  if (!value)
    throw new CliError(
      'Phrase de passe des sauvegardes manquante : --passphrase-stdin, GFA_BACKUP_PASSPHRASE, ou définissez-la dans Administration › Tâches planifiées.',
    );
  return value;
}

export async function backup(options: {
  out?: string;
  dataDir?: string;
  passphraseStdin?: boolean;
}): Promise<void> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const secret = await passphrase(dataDir, options.passphraseStdin);
  const database = openDatabase(databaseFile(dataDir));
  try {
    const file = await createBackup(database.sqlite, dataDir, {
      passphrase: secret,
      now: new Date(),
      out: options.out,
    });
    journalCli(database.db, 'backup.created', { file: basename(file) });
    console.log(`Sauvegarde chiffrée : ${file}`);
  } catch (error) {
    if (error instanceof BackupDecryptError) throw new CliError(error.message);
    throw error;
  } finally {
    database.close();
  }
}

export async function restore(
  file: string,
  options: { dataDir?: string; passphraseStdin?: boolean },
): Promise<void> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const secret = await passphrase(dataDir, options.passphraseStdin);
  try {
    const { previous } = restoreBackup(file, secret, dataDir, new Date());
    // Appended to the restored database: its chain goes on from the backup's last record.
    const restored = openDatabase(databaseFile(dataDir));
    try {
      journalCli(restored.db, 'backup.restored', {
        file: basename(file),
        previous: previous ? basename(previous) : null,
      });
    } finally {
      restored.close();
    }
    console.log(
      `Base restaurée depuis ${file}.${previous ? ` L’ancienne base est conservée : ${previous}` : ''}`,
    );
  } catch (error) {
    if (error instanceof BackupDecryptError || error instanceof RestoreError)
      throw new CliError(error.message);
    throw error;
  }
}
