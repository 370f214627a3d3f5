/**
 * The backup passphrase the nightly job encrypts with. It lives in a file of
 * the data directory readable by the service account only (on Windows,
 * %ProgramData%\GFA has the service's ACL), never in the database: a stolen
 * backup must not carry its own key. It is never sent back to a client.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const fileOf = (dataDir: string): string => join(dataDir, 'backup-passphrase');

export function readBackupPassphrase(dataDir: string): string | null {
  const file = fileOf(dataDir);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

export function writeBackupPassphrase(dataDir: string, passphrase: string): void {
  const file = fileOf(dataDir);
  writeFileSync(`${file}.part`, passphrase, { mode: 0o600 });
  renameSync(`${file}.part`, file);
}
