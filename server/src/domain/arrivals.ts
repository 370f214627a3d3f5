/** Visits coming into the day: expected appointments, check-in, walk-ins (rules Q-ARRIVE-*). */
import {
  birthDateProblem,
  matchingVisit,
  type Appointment,
  type Id,
  type Identity,
  type Visit,
} from '@gfa/shared';
import type { Draft } from './draft.js';
import { fail } from './domain-error.js';
import { requireStaff } from './rights.js';
import { routeAvailable } from './routing.js';
import { instantiateSteps } from './steps.js';

function newVisit(
  draft: Draft,
  reasonId: Id,
  identity: Identity,
  appointment: Appointment | null,
  professionalId: Id | null,
): Visit {
  const { config, newId } = draft.ctx;
  const reason = config.reasons.find((r) => r.id === reasonId && r.active);
  if (!reason) fail('invalid_input', 'Motif de visite inconnu ou inactif.', `reason ${reasonId} unknown`);
  const template = config.templates.find((t) => t.reasonId === reasonId);
  if (!template)
    fail('invalid_input', "Ce motif n'a pas de parcours défini.", `reason ${reasonId} has no template`);
  return draft.create({
    id: newId(),
    day: draft.base.day,
    appointmentId: appointment?.id ?? null,
    appointmentAt: appointment?.at ?? null,
    appointmentProfessionalId: professionalId,
    reasonId,
    templateId: template.id,
    templateVersion: template.version,
    identity,
    state: 'expected',
    priorityClass: reason.priorityClass,
    arrivedAt: null,
    readySince: null,
    away: null,
    offer: null,
    requeued: null,
    endedAt: null,
    steps: instantiateSteps(template, newId),
    notes: [],
    checks: [],
  });
}

/** Q-ARRIVE-1: one expected visit per scheduled appointment of the day; repeating it changes nothing. */
export function expect(draft: Draft, appointment: Appointment): Id {
  requireStaff(draft.ctx.actor);
  const existing = Object.values(draft.visits).find(
    (v) => v.appointmentId === appointment.id && v.state !== 'cancelled',
  );
  if (existing) return existing.id;
  if (appointment.status !== 'scheduled') {
    fail('invalid_state', 'Ce rendez-vous est annulé.', `appointment ${appointment.id} is cancelled`);
  }
  if (appointment.day !== draft.base.day) {
    fail(
      'invalid_input',
      "Ce rendez-vous n'est pas pour aujourd'hui.",
      `appointment ${appointment.id} not today`,
    );
  }
  const visit = newVisit(
    draft,
    appointment.reasonId,
    appointment.identity,
    appointment,
    appointment.professionalId,
  );
  draft.emit('visit.registered', { visit }, { appointmentId: appointment.id, reasonId: visit.reasonId });
  return visit.id;
}

/**
 * Q-ARRIVE-4: an import cancelled or changed the appointment of an expected
 * visit: the visit is withdrawn (a changed appointment is then expected anew).
 * A consultant already arrived is never touched; nothing to withdraw is a no-op.
 */
export function withdraw(draft: Draft, appointmentId: Id): Id | null {
  requireStaff(draft.ctx.actor);
  const current = Object.values(draft.visits).find(
    (v) => v.appointmentId === appointmentId && v.state === 'expected',
  );
  if (!current) return null;
  const visit = draft.edit(current.id);
  visit.state = 'cancelled';
  visit.endedAt = draft.now;
  draft.emit('visit.withdrawn', { visit }, { appointmentId });
  return visit.id;
}

/**
 * Q-ARRIVE-2: check-in marks an expected consultant arrived and routes them at once.
 * Q-ARRIVE-5: so does a late check-in of a consultant marked « Non venu ».
 */
export function checkIn(draft: Draft, visitId: Id): Id {
  const { actor } = draft.ctx;
  // Q-RIGHT-1: check-in is the one action a device (the kiosk) may do.
  if (actor.ref.kind !== 'device') requireStaff(actor);
  const current = draft.visit(visitId);
  if (current.state !== 'expected' && current.state !== 'no_show') {
    fail('conflict', 'Votre arrivée est déjà enregistrée.', `visit ${visitId} is ${current.state}`);
  }
  const visit = draft.edit(visitId);
  const afterNoShow = visit.state === 'no_show';
  visit.arrivedAt = draft.now;
  visit.state = 'arrived';
  draft.emit('visit.checked_in', { visit }, { via: actor.ref.kind, ...(afterNoShow && { afterNoShow }) });
  routeAvailable(draft, visit, false);
  return visit.id;
}

/**
 * Q-ARRIVE-6: a walk-in needs a first name and a plausible birth date.
 * Q-ARRIVE-7: nor may they twin a visit of today that already stands for the same person.
 */
function requireNewPerson(draft: Draft, identity: Identity): void {
  if (!identity.firstName.trim()) fail('invalid_input', 'Indiquez le prénom.', 'walk-in without first name');
  if (!identity.birthDate)
    fail('invalid_input', 'Indiquez la date de naissance.', 'walk-in without birth date');
  const problem = birthDateProblem(identity.birthDate, draft.base.day);
  if (problem) fail('invalid_input', problem, 'walk-in birth date out of range');
  const twin = matchingVisit(identity, Object.values(draft.visits));
  if (!twin) return;
  const appointment = twin.state === 'expected' || twin.state === 'no_show';
  fail(
    'conflict',
    appointment
      ? 'Ce consultant a un rendez-vous aujourd’hui : enregistrez son arrivée sur ce rendez-vous.'
      : 'Ce consultant est déjà dans le centre aujourd’hui.',
    `walk-in matches visit ${twin.id} (${twin.state})`,
  );
}

/** Q-ARRIVE-3: reception registers a consultant without appointment today, for a reason. */
export function walkIn(draft: Draft, identity: Identity, reasonId: Id, professionalId: Id | null): Id {
  requireStaff(draft.ctx.actor);
  requireNewPerson(draft, identity);
  if (professionalId && !draft.ctx.config.professionals.some((p) => p.id === professionalId && p.active)) {
    fail('invalid_input', 'Professionnel inconnu.', `professional ${professionalId} unknown`);
  }
  const visit = newVisit(draft, reasonId, identity, null, professionalId);
  draft.emit('visit.registered', { visit }, { reasonId, walkIn: true });
  visit.arrivedAt = draft.now;
  visit.state = 'arrived';
  draft.emit('visit.checked_in', { visit }, { via: 'reception' });
  routeAvailable(draft, visit, false);
  return visit.id;
}
