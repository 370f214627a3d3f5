/**
 * Automatic assignment (rules Q-OFFER-*): after every command, stale offers
 * are released and each available professional without a consultant is
 * offered the policy's choice.
 */
import type { Id, Visit } from '@gfa/shared';
import type { Draft } from './draft.js';
import { candidatesFor, defaultPolicy } from './pick-policy.js';
import { splitRequeued } from './requeue-rule.js';
import { readySteps } from './steps.js';
import { heldBy } from './visit-actions.js';

function offerStillValid(draft: Draft, visit: Visit): boolean {
  const offer = visit.offer;
  if (!offer) return true;
  const desk = draft.desks[offer.professionalId];
  return (
    visit.state === 'waiting' &&
    desk?.state === 'available' &&
    readySteps(visit).some((s) => s.id === offer.stepId) &&
    !heldBy(draft, offer.professionalId)
  );
}

/** Q-OFFER-2: an offer ends when the consultant or the professional is no longer available. */
function releaseStaleOffers(draft: Draft): void {
  for (const visit of Object.values(draft.visits)) {
    if (visit.offer && !offerStillValid(draft, visit)) {
      const edited = draft.edit(visit.id);
      const professionalId = edited.offer?.professionalId ?? null;
      edited.offer = null;
      draft.emit('visit.offer_released', { visit: edited, professionalId });
    }
  }
}

function hasOffer(draft: Draft, professionalId: Id): boolean {
  return Object.values(draft.visits).some((v) => v.offer?.professionalId === professionalId);
}

/** Q-OFFER-1: longest-idle available professional first, one offer each, one offer per consultant. */
export function assignOffers(draft: Draft): void {
  releaseStaleOffers(draft);
  const { config } = draft.ctx;
  if (!config.policy.autoAssign) return;
  const policy = draft.ctx.policy ?? defaultPolicy;
  const desks = Object.values(draft.desks)
    .filter((d) => d.state === 'available')
    .sort((a, b) => a.since - b.since || (a.professionalId < b.professionalId ? -1 : 1));
  for (const desk of desks) {
    const professional = config.professionals.find((p) => p.id === desk.professionalId && p.active);
    if (!professional || heldBy(draft, professional.id) || hasOffer(draft, professional.id)) continue;
    const candidates = candidatesFor(draft.snapshot(), config, professional.id);
    const free = splitRequeued(candidates, professional.id, draft.now, config).eligible.filter(
      (c) => !c.visit.offer,
    );
    const chosen = policy(free, { now: draft.now, professional, config });
    if (!chosen) continue;
    const visit = draft.edit(chosen.visit.id);
    visit.offer = { professionalId: professional.id, stepId: chosen.step.id, at: draft.now };
    draft.emit('visit.offered', { visit, professionalId: professional.id }, { stepId: chosen.step.id });
  }
}
