/** Dispatchers: who is offered which consultant (rules Q-DISPATCH-*), and plain FIFO for comparison. */
import type { Professional } from '@gfa/shared';
import type { Candidate, DispatchInput, Dispatcher, FreeProfessional, Offer } from './types.js';
import { compareKeys, waitKeys } from './pick-policy.js';

/**
 * Each professional in the given order takes the candidate with the lowest
 * keys among those nobody took yet: the shape both shipped dispatchers share.
 */
export function greedyDispatch(
  professionals: readonly FreeProfessional[],
  keysOf: (c: Candidate, professional: Professional) => number[],
): Offer[] {
  const taken = new Set<string>();
  const offers: Offer[] = [];
  for (const free of professionals) {
    let best: { c: Candidate; keys: number[] } | null = null;
    for (const c of free.candidates) {
      if (taken.has(c.visit.id)) continue;
      const keys = keysOf(c, free.professional);
      if (!best || compareKeys(keys, best.keys, c, best.c) < 0) best = { c, keys };
    }
    if (!best) continue;
    taken.add(best.c.visit.id);
    offers.push({ professionalId: free.professional.id, visitId: best.c.visit.id, stepId: best.c.step.id });
  }
  return offers;
}

/** Longest real idle first (Q-OFFER-1), then the professional id. */
export function byIdle(a: FreeProfessional, b: FreeProfessional): number {
  return a.idleSince - b.idleSince || (a.professional.id < b.professional.id ? -1 : 1);
}

/** Q-DISPATCH-2: plain first come, first served — no priority, no journey view (the yardstick). */
export const fifoDispatcher: Dispatcher = (input) =>
  greedyDispatch([...input.professionals].sort(byIdle), (c) => waitKeys(c, input.now));

/** What one professional would be given by the dispatcher among the given candidates. */
export function choiceFor(
  dispatcher: Dispatcher,
  input: DispatchInput,
  free: FreeProfessional,
): Candidate | null {
  const offer = dispatcher({ ...input, professionals: [free] })[0];
  return free.candidates.find((c) => c.visit.id === offer?.visitId && c.step.id === offer.stepId) ?? null;
}
