/**
 * The nightly anonymisation job (node-cron, 02:00 local time), with a
 * catch-up at start when the box was off at that time.
 */
import cron from 'node-cron';
import { desc, eq } from 'drizzle-orm';
import { getSetting } from '../db/config-store.js';
import type { Db } from '../db/database.js';
import * as t from '../db/schema.js';
import { anonymiseBefore, cutoffDay } from '../retention/anonymise.js';
import { localDay } from '../service/local-day.js';

export const NIGHTLY_AT = '0 2 * * *';
export const DEFAULT_RETENTION_DAYS = 7;

/** The latest 02:00 (local) at or before `now`: a run after it is up to date. */
export function lastScheduledRun(now: number): number {
  const at = new Date(now);
  at.setHours(2, 0, 0, 0);
  if (at.getTime() > now) at.setDate(at.getDate() - 1);
  return at.getTime();
}

function lastRunAt(db: Db): number | null {
  const row = db
    .select()
    .from(t.events)
    .where(eq(t.events.type, 'retention.anonymised'))
    .orderBy(desc(t.events.seq))
    .get();
  return row?.at ?? null;
}

export function runRetention(db: Db, now: number): void {
  const days = getSetting(db, 'retention.nominativeDays', DEFAULT_RETENTION_DAYS);
  anonymiseBefore(db, cutoffDay(localDay(now), days), now);
}

export function startNightlyRetention(db: Db, now: () => number): { stop(): Promise<void> } {
  const last = lastRunAt(db);
  if (last === null || last < lastScheduledRun(now())) runRetention(db, now());
  const task = cron.schedule(NIGHTLY_AT, () => runRetention(db, now()), { name: 'gfa-retention' });
  return { stop: async () => void (await task.destroy()) };
}
