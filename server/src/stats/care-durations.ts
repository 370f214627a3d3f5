/**
 * Finished cares of recent days read back from the journal (`visit.care_finished`
 * with its measured duration), for the forecast's duration learner
 * (Q-FORECAST-4). Steps give their key and target; a step not targeted at a
 * category counts for the professional's first category; the walk from the
 * call to the start of care comes from the step itself.
 */
import type { CentreConfig, StepTarget } from '@gfa/shared';
import { and, eq, gte } from 'drizzle-orm';
import type { CareDuration } from './learn-durations.js';
import type { Db } from '../db/database.js';
import * as t from '../db/schema.js';

const MINUTE = 60_000;

export function recentCareDurations(db: Db, config: CentreConfig, since: number): CareDuration[] {
  const rows = db
    .select({
      data: t.events.data,
      professionalId: t.events.professionalId,
      key: t.visitSteps.key,
      target: t.visitSteps.target,
      calledAt: t.visitSteps.calledAt,
      startedAt: t.visitSteps.startedAt,
    })
    .from(t.events)
    .innerJoin(t.visitSteps, eq(t.visitSteps.id, t.events.stepId))
    .where(and(eq(t.events.type, 'visit.care_finished'), gte(t.events.at, since)))
    .all();
  return rows.flatMap((row) => {
    const target = row.target as StepTarget;
    const professional = config.professionals.find((p) => p.id === row.professionalId);
    const categoryId = target.kind === 'category' ? target.categoryId : professional?.categoryIds[0];
    const durationMs = Number(row.data.durationMs);
    if (!categoryId || !Number.isFinite(durationMs)) return [];
    const walk =
      row.calledAt !== null && row.startedAt !== null ? (row.startedAt - row.calledAt) / MINUTE : null;
    return [
      {
        stepKey: row.key,
        categoryId,
        minutes: durationMs / MINUTE,
        ...(walk !== null && { walkMinutes: walk }),
      },
    ];
  });
}
