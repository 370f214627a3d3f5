/**
 * Automatic assignment (rules Q-OFFER-*): after every command, stale offers
 * are released, consultants whose queues lost every professional go back to
 * reception, and the dispatcher offers consultants to the free professionals.
 */
import type { CentreConfig, Id, Millis, Professional, Visit } from '@gfa/shared';
import type { Draft } from './draft.js';
import type { Candidate, DayState, DispatchInput, Dispatcher, FreeProfessional } from './types.js';
import { heldVisits, indexOf, indexOfDraft, openByQueue, type DayIndex } from './day-index.js';
import { idleSinceByProfessional } from './idle.js';
import { journeyAwareDispatcher } from './journey-dispatcher.js';
import { queueKey, queueServed, queuesOf } from './queues.js';
import { readySteps } from './steps.js';
import { splitRequeued } from './requeue-rule.js';

/** The dispatcher of the command, else the default one (Q-DISPATCH-1). */
export function dispatcherOf(draft: Draft): Dispatcher {
  return draft.ctx.dispatcher ?? journeyAwareDispatcher;
}

function offerStillValid(draft: Draft, visit: Visit, holding: ReadonlySet<Id>): boolean {
  const offer = visit.offer;
  if (!offer) return true;
  const desk = draft.desks[offer.professionalId];
  return (
    visit.state === 'waiting' &&
    desk?.state === 'available' &&
    readySteps(visit).some((s) => s.id === offer.stepId) &&
    !holding.has(offer.professionalId)
  );
}

/** Professionals with a consultant called or in care. */
function inProgress(index: DayIndex): Set<Id> {
  const holding = new Set<Id>();
  for (const [professionalId, visit] of heldVisits(index))
    if (visit.state === 'called' || visit.state === 'in_care') holding.add(professionalId);
  return holding;
}

/** Q-OFFER-2: an offer ends when the consultant or the professional is no longer available. */
function releaseStaleOffers(draft: Draft): void {
  const index = indexOfDraft(draft);
  const holding = inProgress(index);
  for (const visit of index.live.values()) {
    if (visit.offer && !offerStillValid(draft, visit, holding)) {
      const edited = draft.edit(visit.id);
      const professionalId = edited.offer?.professionalId ?? null;
      edited.offer = null;
      draft.emit('visit.offer_released', { visit: edited, professionalId });
    }
  }
}

/** Q-ROUTE-6: a waiting consultant whose every queue lost its last professional today goes to reception. */
function sendUnservedToReception(draft: Draft): void {
  // Until someone has left, Q-ROUTE-5 at routing time already said it all.
  if (!Object.values(draft.desks).some((d) => d.state === 'offline')) return;
  for (const id of indexOfDraft(draft).ready.keys()) {
    const visit = draft.visit(id);
    if (!queuesOf(visit, draft.ctx.config, draft.desks).every((q) => q.kind === 'reception')) continue;
    const edited = draft.edit(visit.id);
    edited.state = 'arrived';
    edited.offer = null;
    draft.emit('visit.sent_to_reception', { visit: edited }, { cause: 'nobody_present' });
  }
}

const byConfig = new WeakMap<CentreConfig, Map<Id, Professional>>();

/** The configured professionals by id (the first of an id, as a search would find). */
function professionalsById(config: CentreConfig): Map<Id, Professional> {
  let byId = byConfig.get(config);
  if (!byId) {
    byId = new Map();
    for (const p of config.professionals) if (!byId.has(p.id)) byId.set(p.id, p);
    byConfig.set(config, byId);
  }
  return byId;
}

/** The queues a professional serves, as keys of the index (Q-ROUTE-2..4). */
function queueKeysOf(professional: Professional): string[] {
  return [
    queueKey({ kind: 'professional', professionalId: professional.id }),
    ...professional.categoryIds.map((categoryId) => queueKey({ kind: 'category', categoryId })),
    ...professional.reasonIds.map((reasonId) => queueKey({ kind: 'reason', reasonId })),
  ];
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
  const open = openByQueue(index);
  if (open.size === 0) return [];
  const holding = inProgress(index);
  for (const visit of index.live.values()) if (visit.offer) holding.add(visit.offer.professionalId);
  const free = Object.values(state.desks).flatMap((desk) => {
    if (desk.state !== 'available' || holding.has(desk.professionalId)) return [];
    const professional = professionalsById(config).get(desk.professionalId);
    return professional?.active ? [{ professional, since: desk.since }] : [];
  });
  if (free.length === 0) return [];
  const served = new Map<string, boolean>();
  const isServed = (key: string, first: Candidate): boolean => {
    let ok = served.get(key);
    if (ok === undefined) served.set(key, (ok = queueServed(first.queue, config, state.desks)));
    return ok;
  };
  // As before the index: nobody is free for the round when no waiting step is in a served queue.
  if (![...open].some(([key, waiting]) => waiting[0] && isServed(key, waiting[0]))) return [];
  const idle = idleSinceByProfessional(state, index);
  return free.map(({ professional, since }) => {
    const candidates = queueKeysOf(professional).flatMap((key) => {
      const waiting = open.get(key);
      const first = waiting?.[0];
      if (!waiting || !first) return [];
      return isServed(key, first) ? waiting : [];
    });
    return {
      professional,
      idleSince: idle.get(professional.id) ?? since,
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
