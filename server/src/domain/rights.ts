/** Rights checked inside the engine too (defence in depth), rules Q-RIGHT-*. */
import type { Id, Visit } from '@gfa/shared';
import type { Actor } from './types.js';
import { fail } from './domain-error.js';
import { activeStep } from './steps.js';

export function isSupervisor(actor: Actor): boolean {
  return actor.roles.includes('supervisor') || actor.roles.includes('administrator');
}

/** Q-RIGHT-1: queue actions are for staff (users); devices may only check in. */
export function requireStaff(actor: Actor): void {
  if (actor.ref.kind !== 'user' && actor.ref.kind !== 'system') {
    fail(
      'forbidden',
      'Cette action est réservée au personnel du centre.',
      `actor ${actor.ref.kind} is not staff`,
    );
  }
}

/** Q-RIGHT-2: calling and taking care needs a professional. */
export function requireProfessional(actor: Actor): Id {
  requireStaff(actor);
  if (!actor.professionalId) {
    fail('forbidden', 'Seul un professionnel peut appeler un consultant.', 'actor is not a professional');
  }
  return actor.professionalId;
}

/** Q-RIGHT-3: supervisors and administrators may override any queue action. */
export function requireSupervisor(actor: Actor): void {
  if (!isSupervisor(actor)) {
    fail('forbidden', 'Cette action est réservée aux superviseurs.', 'supervisor role required');
  }
}

/** Q-RIGHT-4: only the professional who called the consultant (or a supervisor) acts on the current step. */
export function requireOwner(actor: Actor, visit: Visit): void {
  requireStaff(actor);
  const step = activeStep(visit);
  if (isSupervisor(actor)) return;
  const facilitator =
    actor.professionalId !== null && step?.session?.facilitatorIds.includes(actor.professionalId);
  if (!step || (step.professionalId !== actor.professionalId && !facilitator)) {
    fail(
      'forbidden',
      'Ce consultant est pris en charge par un autre professionnel.',
      `visit ${visit.id} is not held by the actor`,
    );
  }
}
