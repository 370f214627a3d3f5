/**
 * Statistics rollups, written when a day is anonymised (its figures can no longer change): a period's statistics
 * add these small histograms up in SQL instead of loading every visit of the period. Each table holds day rows
 * (`grain` 0, `day` the day) and month rows (`grain` 1, `day` the month's first day, the sum of its rolled days),
 * so a period of years reads its whole months as one row set each.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The days whose rollup is written (with or without visits); any other day is computed from its visits. */
export const statDays = sqliteTable('stat_days', {
  day: text('day').primaryKey(),
  builtAt: integer('built_at').notNull(),
});

/** Care and wait minutes of one day: `n` cares of `minutes` per professional, reason and step target. */
export const statCareMinutes = sqliteTable(
  'stat_care_minutes',
  {
    day: text('day').notNull(),
    grain: integer('grain').notNull(),
    professionalId: text('professional_id').notNull(),
    reasonId: text('reason_id').notNull(),
    targetKind: text('target_kind').notNull(),
    targetCategoryId: text('target_category_id'),
    /** `care` (start → end) or `wait` (available → called). */
    metric: text('metric').notNull(),
    minutes: integer('minutes').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [index('stat_care_minutes_grain_day').on(t.grain, t.day)],
);

/** Visit counts of one day per visit reason. */
export const statReasonDays = sqliteTable(
  'stat_reason_days',
  {
    day: text('day').notNull(),
    grain: integer('grain').notNull(),
    reasonId: text('reason_id').notNull(),
    visits: integer('visits').notNull(),
    convened: integer('convened').notNull(),
    handled: integer('handled').notNull(),
    notCome: integer('not_come').notNull(),
    cameNotHandled: integer('came_not_handled').notNull(),
  },
  (t) => [primaryKey({ columns: [t.grain, t.day, t.reasonId] })],
);

/** Journey minutes of one day: `n` journeys of `minutes` per visit reason. */
export const statJourneyMinutes = sqliteTable(
  'stat_journey_minutes',
  {
    day: text('day').notNull(),
    grain: integer('grain').notNull(),
    reasonId: text('reason_id').notNull(),
    minutes: integer('minutes').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [index('stat_journey_minutes_grain_day').on(t.grain, t.day)],
);

/** Group sessions of one day per visit reason (rules Q-GROUP-*): sessions, participants and minutes. */
export const statGroupDays = sqliteTable(
  'stat_group_days',
  {
    day: text('day').notNull(),
    grain: integer('grain').notNull(),
    reasonId: text('reason_id').notNull(),
    sessions: integer('sessions').notNull(),
    participants: integer('participants').notNull(),
    sessionMinutes: integer('session_minutes').notNull(),
    facilitatorMinutes: integer('facilitator_minutes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.grain, t.day, t.reasonId] })],
);
