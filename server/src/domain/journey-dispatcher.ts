/**
 * The default, journey-aware dispatcher (rules Q-DISPATCH-3..5): it sees
 * every free professional and every waiting consultant at once, lets the
 * scarcest category choose first, and within the spec's guards gives each
 * professional the consultant nearest the end of their journey.
 */
import type { CentreConfig, Id, Professional } from '@gfa/shared';
import type { Candidate, DayState, DispatchInput, Dispatcher, FreeProfessional } from './types.js';
import { byIdle, keyedDispatcher } from './dispatch.js';
import { guardKeys, waitKeys } from './pick-policy.js';

/**
 * Q-DISPATCH-3: a category's pressure is the estimated minutes waiting in its
 * queue per professional of the category present today (busy or not).
 */
function pressureOf(
  state: DayState,
  config: CentreConfig,
  free: readonly FreeProfessional[],
): Map<Id, number> {
  const waiting = new Map<Id, number>();
  const seen = new Set<string>();
  for (const f of free) {
    for (const c of f.candidates) {
      if (c.queue.kind !== 'category' || seen.has(c.step.id)) continue;
      seen.add(c.step.id);
      waiting.set(c.queue.categoryId, (waiting.get(c.queue.categoryId) ?? 0) + c.step.estimatedMinutes);
    }
  }
  const pressure = new Map<Id, number>();
  for (const [categoryId, minutes] of waiting) {
    const present = config.professionals.filter(
      (p) => p.active && p.categoryIds.includes(categoryId) && state.desks[p.id]?.state === 'available',
    ).length;
    pressure.set(categoryId, minutes / Math.max(1, present));
  }
  return pressure;
}

function professionalPressure(professional: Professional, pressure: Map<Id, number>): number {
  return Math.max(0, ...professional.categoryIds.map((id) => pressure.get(id) ?? 0));
}

/**
 * Q-DISPATCH-4: estimated minutes of the mandatory steps the consultant still
 * has to do; the least first (shortest remaining work, which shortens the
 * mean journey: measured by npm run bench:day, most-work-first was worse than FIFO).
 */
export function remainingMinutes(c: Candidate): number {
  return c.visit.steps
    .filter((s) => s.status === 'todo' && !s.optional)
    .reduce((sum, s) => sum + s.estimatedMinutes, 0);
}

/** Q-DISPATCH-3: the free professionals, the scarcest category first, then the longest idle. */
export function scarcestFirst(input: DispatchInput): FreeProfessional[] {
  const pressure = pressureOf(input.state, input.config, input.professionals);
  return [...input.professionals].sort(
    (a, b) =>
      professionalPressure(b.professional, pressure) - professionalPressure(a.professional, pressure) ||
      byIdle(a, b),
  );
}

export const journeyAwareDispatcher: Dispatcher = keyedDispatcher(scarcestFirst, (input) => {
  const maxWait = input.config.policy.maxWaitMinutes;
  return (c) => [...guardKeys(c, input.now, maxWait), remainingMinutes(c), ...waitKeys(c, input.now)];
});
