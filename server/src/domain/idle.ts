/** Real idle time of professionals (rule Q-OFFER-1). */
import type { Desk, Id, Millis } from '@gfa/shared';
import type { DayState } from './types.js';
import { indexOf, type DayIndex } from './day-index.js';

/**
 * Since when each available professional has had nothing to do: the later of
 * their presence change and the end of their last care today. The presence
 * change alone would make a professional who just finished a long care look
 * idle since the morning.
 */
export function idleSinceByProfessional(state: DayState, index: DayIndex = indexOf(state)): Map<Id, Millis> {
  const result = new Map<Id, Millis>();
  for (const desk of Object.values(state.desks) as Desk[]) {
    result.set(desk.professionalId, Math.max(desk.since, index.lastEnded.get(desk.professionalId) ?? 0));
  }
  return result;
}
