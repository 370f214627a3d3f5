/** `gfa backup` and `gfa restore`: the passphrase comes from stdin or GFA_BACKUP_PASSPHRASE, never from the command line. */
import { BackupDecryptError, RestoreError, createBackup, restoreBackup } from '../backup/backups.js';
import { databaseFile, defaultDataDir, openDatabase } from '../db/database.js';
import { CliError } from './cli-error.js';
import { readStdin } from './read-stdin.js';

async function passphrase(fromStdin?: boolean): Promise<string> {
  const value = fromStdin ? await readStdin() : process.env.GFA_BACKUP_PASSPHRASE;
  if (!value)
    throw new CliError(
      'Phrase de passe des sauvegardes manquante : --passphrase-stdin ou GFA_BACKUP_PASSPHRASE.',
    );
  return value;
}

export async function backup(options: {
  out?: string;
  dataDir?: string;
  passphraseStdin?: boolean;
}): Promise<void> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const secret = await passphrase(options.passphraseStdin);
  const database = openDatabase(databaseFile(dataDir));
  try {
    const file = await createBackup(database.sqlite, dataDir, {
      passphrase: secret,
      now: new Date(),
      out: options.out,
    });
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
  const secret = await passphrase(options.passphraseStdin);
  try {
    const { previous } = restoreBackup(file, secret, options.dataDir ?? defaultDataDir(), new Date());
    console.log(
      `Base restaurée depuis ${file}.${previous ? ` L’ancienne base est conservée : ${previous}` : ''}`,
    );
  } catch (error) {
    if (error instanceof BackupDecryptError || error instanceof RestoreError)
      throw new CliError(error.message);
    throw error;
  }
}
