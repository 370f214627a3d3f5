/**
 * A connection keeps the statements it prepared and hands the same one out again for the same
 * SQL. drizzle prepares every query it runs (better-sqlite3 compiles it again each time): in
 * bench:server, compiling was ~6 % of the server's CPU; a plain drizzle select went from 218–251
 * to 160–198 µs with the cache. Queries built by drizzle for the same call site give the same SQL
 * text, so a cache keyed by that text is hit by every request after the first; the server's own
 * statements (`appointment-store.ts`, `commit-plan.ts`) rely on it instead of keeping their own.
 *
 * A statement's modes are the caller's choice (drizzle turns `raw` on for typed selects; other
 * callers expect objects), so a statement handed out again is reset to the defaults first. One
 * that is still iterating (`busy`) is never shared: that caller gets a fresh statement.
 */
import type Database from 'better-sqlite3';

/** Distinct SQL texts kept per connection (the server runs a few hundred); the least recent goes first. */
export const STATEMENTS_KEPT = 500;

export function cacheStatements(sqlite: Database.Database, capacity = STATEMENTS_KEPT): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const found = kept.get(source);
    if (found && !found.busy) {
      // Most recent last, so that the first key is the one to evict.
      kept.delete(source);
      kept.set(source, found);
      if (found.reader) found.raw(false).pluck(false).expand(false);
      return found.safeIntegers(false);
    }
    const statement = prepare(source);
    if (found) return statement;
    kept.set(source, statement);
    if (kept.size > capacity) kept.delete(kept.keys().next().value as string);
    return statement;
  }) as typeof sqlite.prepare;
}
