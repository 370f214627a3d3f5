/**
 * Rollups of the statistics cube in SQLite. An anonymised day no longer changes, so its cube is written once (by
 * the anonymisation, or on its first run after an update for the history already there), with the sum of its
 * month beside it; a period's statistics add up the whole months' rows and the edge days' rows with GROUP BY:
 * four years read a few thousand rows instead of 80,000 visits and their journal.
 */
import { and, between, eq, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/database.js';
import { loadVisits } from '../db/day-store.js';
import { entriesBetween } from '../db/journal-store.js';
import * as t from '../db/schema.js';
import { localInstant } from '../calendar/local-time.js';
import { addDays, daysFromTo, monthEnd, monthOf, runsOf } from './calendar.js';
import {
  addCounts,
  addVisits,
  careCell,
  careKeyOf,
  emptyCube,
  reasonCell,
  type CareKey,
  type StatisticsCube,
} from './cube.js';
import { addValue } from './distribution.js';
import type { Tx } from '../db/tx.js';
import { addGroupCounts, groupCell, type GroupCounts } from './group-sessions.js';

const DAY = 0;
const MONTH = 1;

function rolledDays(db: Db, from: string, to: string): Set<string> {
  return new Set(
    db
      .select({ day: t.statDays.day })
      .from(t.statDays)
      .where(between(t.statDays.day, from, to))
      .all()
      .map((r) => r.day),
  );
}

/** Days between `from` and `to` without a rollup: their figures come from their visits. */
export function daysWithoutRollup(db: Db, from: string, to: string): string[] {
  const rolled = rolledDays(db, from, to);
  return daysFromTo(from, to).filter((d) => !rolled.has(d));
}

/** The cube of the given days, computed from their visits and journal (days with no visit add nothing). */
export function cubeFromVisits(db: Db, days: readonly string[]): StatisticsCube {
  const cube = emptyCube();
  for (const [first, last] of runsOf(days)) {
    addVisits(
      cube,
      loadVisits(db, first, last),
      entriesBetween(db, localInstant(first, 0), localInstant(last, 24 * 60) - 1),
    );
  }
  return cube;
}

/**
 * The days a rollup is owed for before `beforeDay`: every day from the first visit on, with or without visits, so
 * that a rolled-up period needs no look at the visits table. Only today's visits are ever written, so a rolled-up
 * day never changes afterwards.
 */
function pendingDays(db: Db, beforeDay: string): string[] {
  const last = addDays(beforeDay, -1);
  const [first] = db.all<{ day: string | null }>(sql`select min(day) as day from visits`);
  return !first?.day || first.day > last ? [] : daysWithoutRollup(db, first.day, last);
}

/** Writes the rollup of every day before `beforeDay` that has none yet, and its months'; inside the caller's transaction. */
export function rollUpDaysBefore(db: Tx, beforeDay: string, now: number): number {
  const pending = pendingDays(db, beforeDay);
  for (const [first, last] of runsOf(pending)) {
    // A month at a time: bounded memory for years of history.
    for (let month = monthOf(first); month <= last; month = addDays(monthEnd(month), 1)) {
      const days = daysFromTo(month < first ? first : month, monthEnd(month) > last ? last : monthEnd(month));
      writeDayRows(db, days, now);
      rewriteMonthRows(db, month);
    }
  }
  return pending.length;
}

function writeDayRows(db: Db, days: readonly string[], now: number): void {
  const cares: (typeof t.statCareMinutes.$inferInsert)[] = [];
  const reasons: (typeof t.statReasonDays.$inferInsert)[] = [];
  const journeys: (typeof t.statJourneyMinutes.$inferInsert)[] = [];
  const groups: (typeof t.statGroupDays.$inferInsert)[] = [];
  for (const day of days) {
    const cube = cubeFromVisits(db, [day]);
    for (const c of cube.cares.values()) {
      const key = { day, grain: DAY, ...careKeyOf(c) };
      for (const [minutes, n] of c.care) cares.push({ ...key, metric: 'care', minutes, n });
      for (const [minutes, n] of c.wait) cares.push({ ...key, metric: 'wait', minutes, n });
    }
    for (const r of cube.reasons.values()) {
      const { journey, ...counts } = r;
      reasons.push({ day, grain: DAY, ...counts });
      for (const [minutes, n] of journey)
        journeys.push({ day, grain: DAY, reasonId: r.reasonId, minutes, n });
    }
    for (const g of cube.groups.values()) groups.push({ day, grain: DAY, ...g });
  }
  insertAll(db, t.statGroupDays, groups);
  insertAll(db, t.statCareMinutes, cares);
  insertAll(db, t.statReasonDays, reasons);
  insertAll(db, t.statJourneyMinutes, journeys);
  insertAll(
    db,
    t.statDays,
    days.map((day) => ({ day, builtAt: now })),
  );
}

/** The month's rows become the sum of its rolled days' rows. */
function rewriteMonthRows(db: Db, month: string): void {
  const end = monthEnd(month);
  for (const table of [t.statCareMinutes, t.statReasonDays, t.statJourneyMinutes, t.statGroupDays])
    db.delete(table)
      .where(and(eq(table.grain, MONTH), eq(table.day, month)))
      .run();
  db.run(sql`insert into stat_care_minutes
    (day, grain, professional_id, reason_id, target_kind, target_category_id, metric, minutes, n)
    select ${month}, ${MONTH}, professional_id, reason_id, target_kind, target_category_id, metric, minutes, sum(n)
    from stat_care_minutes where grain = ${DAY} and day between ${month} and ${end}
    group by professional_id, reason_id, target_kind, target_category_id, metric, minutes`);
  db.run(sql`insert into stat_reason_days
    (day, grain, reason_id, visits, convened, handled, not_come, came_not_handled)
    select ${month}, ${MONTH}, reason_id, sum(visits), sum(convened), sum(handled), sum(not_come), sum(came_not_handled)
    from stat_reason_days where grain = ${DAY} and day between ${month} and ${end} group by reason_id`);
  db.run(sql`insert into stat_journey_minutes (day, grain, reason_id, minutes, n)
    select ${month}, ${MONTH}, reason_id, minutes, sum(n)
    from stat_journey_minutes where grain = ${DAY} and day between ${month} and ${end}
    group by reason_id, minutes`);
  db.run(sql`insert into stat_group_days
    (day, grain, reason_id, sessions, participants, session_minutes, facilitator_minutes)
    select ${month}, ${MONTH}, reason_id, sum(sessions), sum(participants), sum(session_minutes),
           sum(facilitator_minutes)
    from stat_group_days where grain = ${DAY} and day between ${month} and ${end} group by reason_id`);
}

/** Rows per insert statement: well under SQLite's limit of bound parameters. */
const INSERT_BATCH = 500;

function insertAll<T extends SQLiteTable>(db: Db, table: T, rows: readonly T['$inferInsert'][]): void {
  for (let i = 0; i < rows.length; i += INSERT_BATCH)
    db.insert(table)
      .values(rows.slice(i, i + INSERT_BATCH))
      .run();
}

/**
 * Which rows cover a period: the month rows of the months wholly inside it, the day rows of its edge days.
 * Returns the SQL condition on (grain, day).
 */
function coverage(from: string, to: string) {
  const firstWhole = from === monthOf(from) ? from : addDays(monthEnd(from), 1);
  const lastWhole = monthEnd(to) === to ? monthOf(to) : monthOf(addDays(monthOf(to), -1));
  if (firstWhole > lastWhole) return sql`(grain = ${DAY} and day between ${from} and ${to})`;
  return sql`((grain = ${MONTH} and day between ${firstWhole} and ${lastWhole})
    or (grain = ${DAY} and (day between ${from} and ${addDays(firstWhole, -1)}
                         or day between ${addDays(monthEnd(lastWhole), 1)} and ${to})))`;
}

interface CareRowSql extends CareKey {
  readonly metric: 'care' | 'wait';
  readonly minutes: number;
  readonly n: number;
}

interface ReasonRowSql {
  readonly reasonId: string;
  readonly visits: number;
  readonly convened: number;
  readonly handled: number;
  readonly notCome: number;
  readonly cameNotHandled: number;
}

/** The cube of the rolled-up days between `from` and `to`, summed by SQLite. */
export function cubeFromRollups(db: Db, from: string, to: string): StatisticsCube {
  const cube = emptyCube();
  const rows = coverage(from, to);
  const cares = db.all<CareRowSql>(
    sql`select professional_id as professionalId, reason_id as reasonId, target_kind as targetKind,
               target_category_id as targetCategoryId, metric, minutes, sum(n) as n
        from stat_care_minutes where ${rows}
        group by professional_id, reason_id, target_kind, target_category_id, metric, minutes`,
  );
  for (const r of cares) addValue(careCell(cube, r)[r.metric], r.minutes, r.n);
  const reasons = db.all<ReasonRowSql>(
    sql`select reason_id as reasonId, sum(visits) as visits, sum(convened) as convened, sum(handled) as handled,
               sum(not_come) as notCome, sum(came_not_handled) as cameNotHandled
        from stat_reason_days where ${rows} group by reason_id`,
  );
  for (const r of reasons) addCounts(reasonCell(cube, r.reasonId), r);
  const journeys = db.all<{ reasonId: string; minutes: number; n: number }>(
    sql`select reason_id as reasonId, minutes, sum(n) as n from stat_journey_minutes
        where ${rows} group by reason_id, minutes`,
  );
  for (const r of journeys) addValue(reasonCell(cube, r.reasonId).journey, r.minutes, r.n);
  const groups = db.all<GroupCounts & { reasonId: string }>(
    sql`select reason_id as reasonId, sum(sessions) as sessions, sum(participants) as participants,
               sum(session_minutes) as sessionMinutes, sum(facilitator_minutes) as facilitatorMinutes
        from stat_group_days where ${rows} group by reason_id`,
  );
  for (const g of groups) addGroupCounts(groupCell(cube.groups, g.reasonId), g);
  return cube;
}
