/**
 * Finished cares of recent days read back from the journal (`visit.care_finished`
 * with its measured duration), for the forecast's duration learner
 * (Q-FORECAST-4). Steps give their key and target; a step not targeted at a
 * category counts for the professional's first category; the walk from the
 * call to the start of care comes from the step itself. Q-FORECAST-6: each
 * care also says what the consultant did next, when the journal knows it and
 * the journey went on — an away (its kind and length, from `visit.back`) or
 * a next move without one.
 */
import type { AwayReason, CentreConfig, StepTarget } from '@gfa/shared';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { CareDuration } from './learn-durations.js';
import type { Db } from '../db/database.js';
import * as t from '../db/schema.js';

const MINUTE = 60_000;

/** Events that end the moment after a care: an away, or the consultant moving on without one. */
const NEXT_MOVES = ['visit.away', 'visit.called', 'visit.done', 'visit.left', 'visit.sent_to_reception'];

type Move = { seq: number; type: string; data: Record<string, unknown> };

/** What followed the care recorded at `seq`: an away and its length, none, or not known yet. */
function awayAfter(moves: readonly Move[], seq: number): CareDuration['awayAfter'] {
  const i = moves.findIndex((m) => m.seq > seq && m.type !== 'visit.back');
  const next = moves[i];
  // After the journey's last care there is no next step to go away before: not an outcome.
  if (!next || next.type === 'visit.done') return undefined;
  if (next.type !== 'visit.away') return null;
  const back = moves.slice(i + 1).find((m) => m.type === 'visit.back');
  const minutes = Number(back?.data.awayMs) / MINUTE;
  // An away still running (or with a broken record) says nothing yet.
  if (!back || !Number.isFinite(minutes)) return undefined;
  return { reason: next.data.reason as AwayReason, minutes };
}

/** The journal's moves of these visits since then, by visit, in journal order. */
function movesByVisit(db: Db, visitIds: readonly string[], since: number): Map<string, Move[]> {
  const byVisit = new Map<string, Move[]>();
  if (visitIds.length === 0) return byVisit;
  const rows = db
    .select({ seq: t.events.seq, type: t.events.type, visitId: t.events.visitId, data: t.events.data })
    .from(t.events)
    .where(and(inArray(t.events.type, [...NEXT_MOVES, 'visit.back']), gte(t.events.at, since)))
    .orderBy(asc(t.events.seq))
    .all();
  const wanted = new Set(visitIds);
  for (const row of rows) {
    if (!row.visitId || !wanted.has(row.visitId)) continue;
    const list = byVisit.get(row.visitId) ?? [];
    list.push(row);
    byVisit.set(row.visitId, list);
  }
  return byVisit;
}

export function recentCareDurations(db: Db, config: CentreConfig, since: number): CareDuration[] {
  const rows = db
    .select({
      seq: t.events.seq,
      visitId: t.events.visitId,
      data: t.events.data,
      professionalId: t.events.professionalId,
      reasonId: t.visits.reasonId,
      key: t.visitSteps.key,
      target: t.visitSteps.target,
      calledAt: t.visitSteps.calledAt,
      startedAt: t.visitSteps.startedAt,
    })
    .from(t.events)
    .innerJoin(t.visitSteps, eq(t.visitSteps.id, t.events.stepId))
    .innerJoin(t.visits, eq(t.visits.id, t.visitSteps.visitId))
    .where(and(eq(t.events.type, 'visit.care_finished'), gte(t.events.at, since)))
    .all();
  const moves = movesByVisit(db, [...new Set(rows.flatMap((r) => (r.visitId ? [r.visitId] : [])))], since);
  return rows.flatMap((row) => {
    const target = row.target as StepTarget;
    const professional = config.professionals.find((p) => p.id === row.professionalId);
    const categoryId = target.kind === 'category' ? target.categoryId : professional?.categoryIds[0];
    const durationMs = Number(row.data.durationMs);
    if (!categoryId || !Number.isFinite(durationMs)) return [];
    const walk =
      row.calledAt !== null && row.startedAt !== null ? (row.startedAt - row.calledAt) / MINUTE : null;
    const away = awayAfter((row.visitId && moves.get(row.visitId)) || [], row.seq);
    return [
      {
        reasonId: row.reasonId,
        stepKey: row.key,
        categoryId,
        minutes: durationMs / MINUTE,
        ...(walk !== null && { walkMinutes: walk }),
        ...(away !== undefined && { awayAfter: away }),
      },
    ];
  });
}
