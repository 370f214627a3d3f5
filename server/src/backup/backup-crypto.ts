/**
 * Backup files are encrypted with AES-256-GCM under a key derived from the
 * administrator's passphrase (scrypt, random salt). GCM's tag authenticates
 * the content: a wrong passphrase or a damaged file is detected before use.
 * Layout: "GFABAK1" | salt (16) | iv (12) | tag (16) | ciphertext.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync, type ScryptOptions } from 'node:crypto';

const MAGIC = Buffer.from('GFABAK1');
const SALT = 16;
const IV = 12;
const TAG = 16;

export class BackupDecryptError extends Error {}

const SCRYPT: ScryptOptions = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

const keyOf = (passphrase: string, salt: Buffer): Buffer => scryptSync(passphrase, salt, 32, SCRYPT);

export function checkPassphrase(passphrase: string): void {
  if (passphrase.length < 12)
    throw new BackupDecryptError('La phrase de passe des sauvegardes doit compter 12 caractères au moins.');
}

/** Runs in the backup's worker thread (`backup-worker.ts`): the server's event loop never waits for it. */
export function encryptBackup(plain: Buffer, passphrase: string): Buffer {
  checkPassphrase(passphrase);
  const salt = randomBytes(SALT);
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', keyOf(passphrase, salt), iv);
  const body = cipher.update(plain);
  const last = cipher.final();
  return Buffer.concat([MAGIC, salt, iv, cipher.getAuthTag(), body, last]);
}

export function decryptBackup(file: Buffer, passphrase: string): Buffer {
  if (!file.subarray(0, MAGIC.length).equals(MAGIC))
    throw new BackupDecryptError("Ce fichier n'est pas une sauvegarde GFA.");
  let offset = MAGIC.length;
  const take = (n: number): Buffer => file.subarray(offset, (offset += n));
  const salt = take(SALT);
  const iv = take(IV);
  const tag = take(TAG);
  const decipher = createDecipheriv('aes-256-gcm', keyOf(passphrase, salt), iv);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(file.subarray(offset)), decipher.final()]);
  } catch {
    throw new BackupDecryptError(
      'Phrase de passe incorrecte ou sauvegarde endommagée : rien n’a été restauré.',
    );
  }
}
