/** The default choice of the next consultant for a professional (rules Q-PICK-*). */
import type { CentreConfig, Id, Professional } from '@gfa/shared';
import type { Candidate, DayState, PickPolicy } from './types.js';
import { queueServed, serves, stepQueue } from './queues.js';
import { readySteps } from './steps.js';

const MINUTE = 60_000;

/**
 * Q-PICK-1: candidates are the ready steps of waiting visits (not away, not
 * offered to someone else) whose queue this professional serves.
 */
export function candidatesFor(state: DayState, config: CentreConfig, professionalId: Id): Candidate[] {
  const professional = config.professionals.find((p) => p.id === professionalId);
  if (!professional || !professional.active) return [];
  const result: Candidate[] = [];
  for (const visit of Object.values(state.visits)) {
    if (visit.state !== 'waiting') continue;
    if (visit.offer && visit.offer.professionalId !== professionalId) continue;
    for (const step of readySteps(visit)) {
      const queue = stepQueue(step, visit);
      if (serves(professional, queue) && queueServed(queue, config)) result.push({ visit, step, queue });
    }
  }
  return result;
}

/** Sort keys of the default policy, in order; lower sorts first. */
function sortKeys(c: Candidate, now: number, professional: Professional, maxWaitMinutes: number): number[] {
  const since = c.visit.readySince ?? now;
  const overdue = now - since > maxWaitMinutes * MINUTE;
  return [
    overdue ? 0 : 1, // Q-PICK-2: waited longer than the maximum → first, oldest first
    overdue ? since : 0,
    c.visit.offer?.professionalId === professional.id ? 0 : 1, // Q-PICK-3: the one offered to me
    c.queue.kind === 'professional' ? 0 : 1, // Q-PICK-4: my named queue before category/reason queues
    -c.visit.priorityClass, // Q-PICK-5: higher priority class first (EPS Constances before EPS)
    since, // Q-PICK-6: longer wait first
    c.visit.appointmentAt ?? Number.MAX_SAFE_INTEGER, // Q-PICK-7: earlier appointment first
  ];
}

export const defaultPolicy: PickPolicy = (candidates, ctx) => {
  let best: { c: Candidate; keys: number[] } | null = null;
  for (const c of candidates) {
    const keys = sortKeys(c, ctx.now, ctx.professional, ctx.config.policy.maxWaitMinutes);
    if (!best || compare(keys, best.keys, c, best.c) < 0) best = { c, keys };
  }
  return best?.c ?? null;
};

function compare(a: number[], b: number[], ca: Candidate, cb: Candidate): number {
  for (let i = 0; i < a.length; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  // Q-PICK-8: deterministic tie-break so replays are identical.
  return ca.visit.id < cb.visit.id ? -1 : ca.visit.id > cb.visit.id ? 1 : ca.step.id < cb.step.id ? -1 : 1;
}
