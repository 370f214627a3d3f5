/** Passwords (argon2id) and bearer tokens (random, stored only as SHA-256). */
import argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';

/**
 * argon2id at 64 MiB, 3 passes, 2 lanes: about a quarter of a second on the
 * centre's box (two cores), so the morning's 25 logins cost a few seconds of
 * CPU in all while a stolen hash costs an attacker the same per guess. The
 * parameters are stored in each hash: raising them later keeps old hashes valid.
 */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 64 * 1024, timeCost: 3, parallelism: 2 } as const;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, ARGON2_OPTIONS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export const newToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
