/**
 * Notices what another process committed to the database (a `gfa import` or `gfa user add` run
 * at the console while the server works): SQLite's `data_version` changes exactly when another
 * connection commits, so a cheap poll tells the server to re-read what it keeps in memory.
 */
import type Database from 'better-sqlite3';

export function watchForeignWrites(
  sqlite: Database.Database,
  onChange: () => void,
  everyMs = 1_000,
): () => void {
  const version = (): number => sqlite.pragma('data_version', { simple: true }) as number;
  let seen = version();
  const timer = setInterval(() => {
    const now = version();
    if (now === seen) return;
    seen = now;
    onChange();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
