/**
 * Automatic assignment (rules Q-OFFER-*): after every command, stale offers
 * are released, consultants whose queues lost every professional go back to
 * reception, and the dispatcher offers consultants to the free professionals.
 */
import type { CentreConfig, Id, Millis, Professional, Visit } from '@gfa/shared';
import type { Draft } from './draft.js';
import type { DayState, DispatchInput, Dispatcher, FreeProfessional } from './types.js';
import { holdsSomeone, indexOf, indexOfDraft, openByQueue, type DayIndex } from './day-index.js';
import { journeyAwareDispatcher } from './journey-dispatcher.js';
import { deskFacts } from './desk-facts.js';
import { queueKey } from './queues.js';
import { readySteps } from './steps.js';
import { splitRequeued } from './requeue-rule.js';

/** The dispatcher of the command, else the default one (Q-DISPATCH-1). */
export function dispatcherOf(draft: Draft): Dispatcher {
  return draft.ctx.dispatcher ?? journeyAwareDispatcher;
}

function offerStillValid(draft: Draft, visit: Visit, index: DayIndex): boolean {
  const offer = visit.offer;
  if (!offer) return true;
  const desk = draft.desks[offer.professionalId];
  return (
    visit.state === 'waiting' &&
    desk?.state === 'available' &&
    readySteps(visit).some((s) => s.id === offer.stepId) &&
    !holdsSomeone(index, offer.professionalId)
  );
}

/** Q-OFFER-2: an offer ends when the consultant or the professional is no longer available. */
function releaseStaleOffers(draft: Draft): void {
  const index = indexOfDraft(draft);
  if (index.offered.size === 0) return;
  let stale = [...index.offered.keys()].filter((id) => !offerStillValid(draft, draft.visit(id), index));
  // Released in the order of the live visits, as a scan of them would (the order of the changes).
  if (stale.length > 1) stale = [...index.live.keys()].filter((id) => stale.includes(id));
  for (const id of stale) {
    const edited = draft.edit(id);
    const professionalId = edited.offer?.professionalId ?? null;
    edited.offer = null;
    draft.emit('visit.offer_released', { visit: edited, professionalId });
  }
}

/** Q-ROUTE-6: a waiting consultant whose every queue lost its last professional today goes to reception. */
function sendUnservedToReception(draft: Draft): void {
  // Until someone has left, Q-ROUTE-5 at routing time already said it all.
  const facts = deskFacts(draft.ctx.config, draft.desks);
  if (!facts.anyOffline) return;
  const index = indexOfDraft(draft);
  for (const [id, candidates] of index.ready) {
    // The ready steps' queues are the visit's queues (queuesOf) before the served filter.
    const keys = index.readyKeys.get(id) as readonly string[];
    if (candidates.some((c, i) => facts.served(c.queue, keys[i] as string))) continue;
    const edited = draft.edit(id);
    edited.state = 'arrived';
    edited.offer = null;
    draft.emit('visit.sent_to_reception', { visit: edited }, { cause: 'nobody_present' });
  }
}

const keysByProfessional = new WeakMap<Professional, readonly string[]>();

/** The queues a professional serves, as keys of the index (Q-ROUTE-2..4). */
function queueKeysOf(professional: Professional): readonly string[] {
  let keys = keysByProfessional.get(professional);
  if (!keys) {
    keys = [
      queueKey({ kind: 'professional', professionalId: professional.id }),
      ...professional.categoryIds.map((categoryId) => queueKey({ kind: 'category', categoryId })),
      ...professional.reasonIds.map((reasonId) => queueKey({ kind: 'reason', reasonId })),
    ];
    keysByProfessional.set(professional, keys);
  }
  return keys;
}

/**
 * The professionals a dispatcher may give a consultant to now, with their
 * candidates (Q-PICK-1), read from the queues they serve in the day's index.
 */
export function freeProfessionals(
  state: DayState,
  config: CentreConfig,
  now: Millis,
  index: DayIndex = indexOf(state),
): FreeProfessional[] {
  const facts = deskFacts(config, state.desks);
  const free = facts.available.filter(
    ({ professional: { id } }) => !holdsSomeone(index, id) && !index.offerCount.has(id),
  );
  if (free.length === 0) return [];
  const wanted = new Set(free.flatMap(({ professional }) => queueKeysOf(professional)));
  const { open, anyServed } = openByQueue(index, wanted, facts.served);
  // As before the index: nobody is free for the round when no waiting step is in a served queue.
  if (!anyServed) return [];
  return free.map(({ professional, since }) => {
    const candidates = queueKeysOf(professional).flatMap((key) => {
      const waiting = open.get(key);
      const first = waiting?.[0];
      if (!waiting || !first) return [];
      return facts.served(first.queue, key) ? waiting : [];
    });
    return {
      professional,
      // Q-OFFER-1: real idle time, the later of the presence change and the last care's end.
      idleSince: Math.max(since, index.lastEnded.get(professional.id) ?? 0),
      // Q-REQUEUE-1: not the consultant this professional just sent back.
      candidates: splitRequeued(candidates, professional.id, now, config).eligible,
    };
  });
}

/** Q-OFFER-1: one offer per free professional and per consultant, as the dispatcher decides. */
export function assignOffers(draft: Draft): void {
  releaseStaleOffers(draft);
  sendUnservedToReception(draft);
  const { config } = draft.ctx;
  if (!config.policy.autoAssign) return;
  const state = draft.snapshot();
  const professionals = freeProfessionals(state, config, draft.now, indexOfDraft(draft));
  if (professionals.every((p) => p.candidates.length === 0)) return;
  const input: DispatchInput = { now: draft.now, config, state, professionals };
  const given = new Set<Id>();
  for (const offer of dispatcherOf(draft)(input)) {
    // The engine keeps its invariants whatever a plugged dispatcher returns.
    const free = professionals.find((p) => p.professional.id === offer.professionalId);
    const valid = free?.candidates.some((c) => c.visit.id === offer.visitId && c.step.id === offer.stepId);
    if (!valid || given.has(offer.professionalId) || given.has(offer.visitId)) continue;
    given.add(offer.professionalId).add(offer.visitId);
    const visit = draft.edit(offer.visitId);
    visit.offer = { professionalId: offer.professionalId, stepId: offer.stepId, at: draft.now };
    draft.emit('visit.offered', { visit, professionalId: offer.professionalId }, { stepId: offer.stepId });
  }
}
