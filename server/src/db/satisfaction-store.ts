/**
 * The kiosk's satisfaction answers (no personal data): one per visit when
 * linked by the convocation, anonymous otherwise; the link to the visit is
 * cut with the other nominative data by the anonymisation job.
 */
import { and, between, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from './database.js';
import * as t from './schema.js';

export type SatisfactionRow = typeof t.satisfactionAnswers.$inferSelect;
export type NewSatisfactionAnswer = Omit<typeof t.satisfactionAnswers.$inferInsert, 'id'>;

export function recordSatisfaction(db: Db, answer: NewSatisfactionAnswer): SatisfactionRow {
  return db.insert(t.satisfactionAnswers).values(answer).returning().get();
}

export function visitAnswered(db: Db, visitId: string): boolean {
  return Boolean(
    db
      .select({ id: t.satisfactionAnswers.id })
      .from(t.satisfactionAnswers)
      .where(eq(t.satisfactionAnswers.visitId, visitId))
      .get(),
  );
}

/** When this kiosk last recorded an anonymous answer (null: never). */
export function lastAnonymousAt(db: Db, kioskId: string): number | null {
  const row = db
    .select({ at: t.satisfactionAnswers.at })
    .from(t.satisfactionAnswers)
    .where(and(eq(t.satisfactionAnswers.kioskId, kioskId), isNull(t.satisfactionAnswers.visitId)))
    .orderBy(desc(t.satisfactionAnswers.at))
    .limit(1)
    .get();
  return row?.at ?? null;
}

export function satisfactionBetween(db: Db, from: string, to: string): SatisfactionRow[] {
  return db
    .select()
    .from(t.satisfactionAnswers)
    .where(between(t.satisfactionAnswers.day, from, to))
    .all();
}

/** Cuts the link to the visit of the answers before `cutoffDay` (reason and journey time stay). */
export function unlinkSatisfactionBefore(db: Db, cutoffDay: string): number {
  return db
    .update(t.satisfactionAnswers)
    .set({ visitId: null })
    .where(lt(t.satisfactionAnswers.day, cutoffDay))
    .run().changes;
}
