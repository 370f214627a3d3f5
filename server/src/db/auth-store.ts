/** Authentication counters that must survive a restart: throttle failures and the TOTP replay guard. */
import { count, eq, lt, sql } from 'drizzle-orm';
import type { Db } from './database.js';
import * as t from './schema.js';

/** Failures of `key` in its window, 0 once the window is over. */
export function failuresOf(db: Db, key: string, now: number, windowMs: number): number {
  const row = db.select().from(t.authFailures).where(eq(t.authFailures.key, key)).get();
  return row && now - row.since <= windowMs ? row.count : 0;
}

/**
 * Counts one failure (a new window when the last one is over), purges the windows that are over
 * and, past `maxKeys` (a spray of random logins), the oldest ones: the table stays small.
 */
export function recordFailure(db: Db, key: string, now: number, windowMs: number, maxKeys: number): void {
  const expired = sql`${now} - ${t.authFailures.since} > ${windowMs}`;
  db.transaction(() => {
    db.insert(t.authFailures)
      .values({ key, count: 1, since: now })
      .onConflictDoUpdate({
        target: t.authFailures.key,
        set: {
          count: sql`case when ${expired} then 1 else ${t.authFailures.count} + 1 end`,
          since: sql`case when ${expired} then ${now} else ${t.authFailures.since} end`,
        },
      })
      .run();
    db.delete(t.authFailures)
      .where(lt(t.authFailures.since, now - windowMs))
      .run();
    const kept = db.select({ n: count() }).from(t.authFailures).get()?.n ?? 0;
    if (kept > maxKeys)
      db.run(
        sql`delete from auth_failures where key in (select key from auth_failures order by since limit ${kept - maxKeys})`,
      );
  });
}

export function clearFailures(db: Db, key: string): void {
  db.delete(t.authFailures).where(eq(t.authFailures.key, key)).run();
}

/** Records `step` as the user's last accepted TOTP step; false when it (or a later one) was already used. */
export function acceptTotpStep(db: Db, userId: string, step: number): boolean {
  const result = db
    .insert(t.totpSteps)
    .values({ userId, step })
    .onConflictDoUpdate({ target: t.totpSteps.userId, set: { step }, setWhere: lt(t.totpSteps.step, step) })
    .run();
  return result.changes === 1;
}
