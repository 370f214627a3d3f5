/**
 * Automatic assignment (rules Q-OFFER-*): after every command, stale offers
 * are released, consultants whose queues lost every professional go back to
 * reception, and the dispatcher offers consultants to the free professionals.
 */
import type { CentreConfig, Id, Millis, Visit } from '@gfa/shared';
import type { Draft } from './draft.js';
import type { DayState, DispatchInput, Dispatcher, FreeProfessional } from './types.js';
import { idleSinceByProfessional } from './idle.js';
import { journeyAwareDispatcher } from './journey-dispatcher.js';
import { waitingSteps } from './pick-policy.js';
import { queuesOf, serves } from './queues.js';
import { activeStep, readySteps } from './steps.js';
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

/** Professionals with a consultant called or in care (only such visits have a step in progress). */
function inProgress(visits: Readonly<Record<Id, Visit>>): Set<Id> {
  const holding = new Set<Id>();
  for (const visit of Object.values(visits)) {
    if (visit.state !== 'called' && visit.state !== 'in_care') continue;
    const active = activeStep(visit);
    if (active?.professionalId) holding.add(active.professionalId);
    // Q-GROUP-6: a co-facilitator is busy with the session too.
    for (const id of active?.session?.facilitatorIds ?? []) holding.add(id);
  }
  return holding;
}

/** Q-OFFER-2: an offer ends when the consultant or the professional is no longer available. */
function releaseStaleOffers(draft: Draft): void {
  const holding = inProgress(draft.visits);
  for (const visit of Object.values(draft.visits)) {
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
  for (const visit of Object.values(draft.visits)) {
    if (visit.state !== 'waiting') continue;
    if (!queuesOf(visit, draft.ctx.config, draft.desks).every((q) => q.kind === 'reception')) continue;
    const edited = draft.edit(visit.id);
    edited.state = 'arrived';
    edited.offer = null;
    draft.emit('visit.sent_to_reception', { visit: edited }, { cause: 'nobody_present' });
  }
}

/** The professionals a dispatcher may give a consultant to now, with their candidates. */
export function freeProfessionals(state: DayState, config: CentreConfig, now: Millis): FreeProfessional[] {
  const holding = inProgress(state.visits);
  for (const visit of Object.values(state.visits)) if (visit.offer) holding.add(visit.offer.professionalId);
  const free = Object.values(state.desks).flatMap((desk) => {
    if (desk.state !== 'available' || holding.has(desk.professionalId)) return [];
    const professional = config.professionals.find((p) => p.id === desk.professionalId && p.active);
    return professional ? [{ professional, since: desk.since }] : [];
  });
  if (free.length === 0) return [];
  const open = waitingSteps(state, config).filter((c) => !c.visit.offer);
  if (open.length === 0) return [];
  const idle = idleSinceByProfessional(state);
  return free.map(({ professional, since }) => ({
    professional,
    idleSince: idle.get(professional.id) ?? since,
    // Q-REQUEUE-1: not the consultant this professional just sent back.
    candidates: splitRequeued(
      open.filter((c) => serves(professional, c.queue)),
      professional.id,
      now,
      config,
    ).eligible,
  }));
}

/** Q-OFFER-1: one offer per free professional and per consultant, as the dispatcher decides. */
export function assignOffers(draft: Draft): void {
  releaseStaleOffers(draft);
  sendUnservedToReception(draft);
  const { config } = draft.ctx;
  if (!config.policy.autoAssign) return;
  const state = draft.snapshot();
  const professionals = freeProfessionals(state, config, draft.now);
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
