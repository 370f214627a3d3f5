/** Passwords (argon2id) and bearer tokens (random, stored only as SHA-256). */
import argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { FairWorkQueue } from './work-queue.js';

/**
 * argon2id at 64 MiB, 3 passes, 2 lanes: about a quarter of a second on the
 * centre's box (two cores), so the morning's 25 logins cost a few seconds of
 * CPU in all while a stolen hash costs an attacker the same per guess. The
 * parameters are stored in each hash: raising them later keeps old hashes valid.
 */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 64 * 1024, timeCost: 3, parallelism: 2 } as const;

/**
 * Each hash already uses two lanes (two cores): one at a time per pair of cores keeps a login's
 * wait to the hash in progress. Eight waiting checks per client address are plenty for a
 * workstation (one person types one password); beyond that it is a flood, refused at once.
 */
const argonQueue = new FairWorkQueue(Math.max(1, Math.floor(availableParallelism() / 2)), 8);
/** The lane of the server's own work (seeding, account changes, recovery codes): never refused. */
const SERVER_LANE = 'server';

export const hashPassword = (password: string): Promise<string> =>
  argonQueue.run(SERVER_LANE, () => argon2.hash(password, ARGON2_OPTIONS), false);

/** `client` (an address) puts the check in that client's lane, which a flood cannot overfill. */
export async function verifyPassword(hash: string, password: string, client?: string): Promise<boolean> {
  const verify = async (): Promise<boolean> => {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  };
  return argonQueue.run(client ?? SERVER_LANE, verify, client !== undefined);
}

export const newToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
