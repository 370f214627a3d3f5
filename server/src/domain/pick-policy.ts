/** Who may take whom, and the order rules every dispatcher shares (rules Q-PICK-*). */
import type { CentreConfig, Id, Professional } from '@gfa/shared';
import type { Candidate, DayState } from './types.js';
import { queueKey, queueServed, serves, stepQueue } from './queues.js';
import { readySteps } from './steps.js';

const MINUTE = 60_000;

/**
 * Q-PICK-1: candidates are the ready steps of waiting visits (not away, not
 * offered to someone else) whose queue this professional serves.
 */
export function candidatesFor(state: DayState, config: CentreConfig, professionalId: Id): Candidate[] {
  const professional = config.professionals.find((p) => p.id === professionalId);
  if (!professional) return [];
  return candidatesAmong(waitingSteps(state, config), professional);
}

/** Q-PICK-1 among the day's waiting steps read once (the desk views of one state share them, Q-VIEW-3). */
export function candidatesAmong(waiting: readonly Candidate[], professional: Professional): Candidate[] {
  if (!professional.active) return [];
  return waiting.filter(
    (c) =>
      (!c.visit.offer || c.visit.offer.professionalId === professional.id) && serves(professional, c.queue),
  );
}

/** Every ready step of every waiting visit, in a queue somebody can still serve today. */
export function waitingSteps(state: DayState, config: CentreConfig): Candidate[] {
  const result: Candidate[] = [];
  const served = new Map<string, boolean>();
  for (const visit of Object.values(state.visits)) {
    if (visit.state !== 'waiting') continue;
    for (const step of readySteps(visit)) {
      if (step.group) continue; // Q-GROUP-1: called with its group, never offered one by one
      const queue = stepQueue(step, visit);
      const key = queueKey(queue);
      let ok = served.get(key);
      if (ok === undefined) served.set(key, (ok = queueServed(queue, config, state.desks)));
      if (ok) result.push({ visit, step, queue });
    }
  }
  return result;
}

/**
 * The guards the default dispatcher honours, in order (lower sorts first):
 * Q-PICK-2 overdue first (oldest first), Q-PICK-4 my named queue first,
 * Q-PICK-5 higher priority class first.
 */
export function guardKeys(c: Candidate, now: number, maxWaitMinutes: number): number[] {
  const since = c.visit.readySince ?? now;
  const overdue = now - since > maxWaitMinutes * MINUTE;
  return [
    overdue ? 0 : 1,
    overdue ? since : 0,
    c.queue.kind === 'professional' ? 0 : 1,
    -c.visit.priorityClass,
  ];
}

/** Q-PICK-6 longer wait first, Q-PICK-7 earlier appointment first. */
export function waitKeys(c: Candidate, now: number): number[] {
  return [c.visit.readySince ?? now, c.visit.appointmentAt ?? Number.MAX_SAFE_INTEGER];
}

/** Lexicographic comparison of sort keys; Q-PICK-8: the ids break full ties so replays are identical. */
export function compareKeys(
  a: readonly number[],
  b: readonly number[],
  ca: Candidate,
  cb: Candidate,
): number {
  for (let i = 0; i < a.length; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return ca.visit.id < cb.visit.id ? -1 : ca.visit.id > cb.visit.id ? 1 : ca.step.id < cb.step.id ? -1 : 1;
}
