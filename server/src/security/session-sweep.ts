/**
 * Removes expired sessions from the database: at start, then every hour.
 * An expired session already grants nothing (every lookup checks
 * `expiresAt`); the sweep keeps the table from growing with every login of
 * every day, and keeps no stale token hashes of people who left.
 */
import type { Db } from '../db/database.js';
import { deleteExpiredSessions } from '../db/staff-store.js';
import type { WriteTurn } from '../db/tx.js';

export const SESSION_SWEEP_MS = 3600_000;

/** Starts the sweep; the returned function stops it. */
export function startSessionSweep(
  db: Db,
  now: () => number,
  everyMs = SESSION_SWEEP_MS,
  writeTurn: WriteTurn = () => undefined,
): () => void {
  // During an import's commit it runs once the commit has ended: now, it would sleep the loop on the lock.
  const sweep = (): void => {
    const turn = writeTurn();
    if (turn) void turn.then(sweep);
    else deleteExpiredSessions(db, now());
  };
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
