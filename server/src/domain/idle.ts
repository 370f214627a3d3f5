/** Real idle time of professionals (rule Q-OFFER-1). */
import type { Desk, Id, Millis } from '@gfa/shared';
import type { DayState } from './types.js';

/**
 * Since when each available professional has had nothing to do: the later of
 * their presence change and the end of their last care today. The presence
 * change alone would make a professional who just finished a long care look
 * idle since the morning.
 */
export function idleSinceByProfessional(state: DayState): Map<Id, Millis> {
  const lastEnded = new Map<Id, Millis>();
  for (const visit of Object.values(state.visits)) {
    if (visit.arrivedAt === null) continue; // nobody took care of them yet
    for (const step of visit.steps) {
      if (step.professionalId === null || step.endedAt === null) continue;
      const seen = lastEnded.get(step.professionalId) ?? 0;
      if (step.endedAt > seen) lastEnded.set(step.professionalId, step.endedAt);
    }
  }
  const result = new Map<Id, Millis>();
  for (const desk of Object.values(state.desks) as Desk[]) {
    result.set(desk.professionalId, Math.max(desk.since, lastEnded.get(desk.professionalId) ?? 0));
  }
  return result;
}
