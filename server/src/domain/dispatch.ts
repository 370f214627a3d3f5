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

/** A candidate's sort keys for a professional (lower first), made once per dispatch input. */
export type KeysFor = (input: DispatchInput) => (c: Candidate, professional: Professional) => number[];

/**
 * The dispatcher both shipped ones are: the professionals in `order`, each
 * taking the candidate with the lowest keys nobody took yet. A candidate's
 * keys do not depend on the other candidates, so one professional's
 * candidates are ranked by one sort on them (Q-VIEW-3).
 */
export function keyedDispatcher(
  order: (input: DispatchInput) => readonly FreeProfessional[],
  keysFor: KeysFor,
): Dispatcher {
  const dispatch = (input: DispatchInput): Offer[] => greedyDispatch(order(input), keysFor(input));
  const rank = (input: DispatchInput, free: FreeProfessional): Candidate[] => {
    const keysOf = keysFor(input);
    return free.candidates
      .map((c) => ({ c, keys: keysOf(c, free.professional) }))
      .sort((a, b) => compareKeys(a.keys, b.keys, a.c, b.c))
      .map(({ c }) => c);
  };
  return Object.assign(dispatch, { rank });
}

/** Longest real idle first (Q-OFFER-1), then the professional id. */
export function byIdle(a: FreeProfessional, b: FreeProfessional): number {
  return a.idleSince - b.idleSince || (a.professional.id < b.professional.id ? -1 : 1);
}

/** Q-DISPATCH-2: plain first come, first served — no priority, no journey view (the yardstick). */
export const fifoDispatcher: Dispatcher = keyedDispatcher(
  (input) => [...input.professionals].sort(byIdle),
  (input) => (c) => waitKeys(c, input.now),
);

/** What one professional would be given by the dispatcher among the given candidates. */
export function choiceFor(
  dispatcher: Dispatcher,
  input: DispatchInput,
  free: FreeProfessional,
): Candidate | null {
  const offer = dispatcher({ ...input, professionals: [free] })[0];
  return free.candidates.find((c) => c.visit.id === offer?.visitId && c.step.id === offer.stepId) ?? null;
}
