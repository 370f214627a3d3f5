/** Actions on one visit: call, care, away, transfer, notes... (rules Q-ACT-*). */
import { STATE_IN_SENTENCE } from '@gfa/shared';
import type { AddedStep, Id, SessionRef, StepInstance, StepTarget, Visit, VisitAction } from '@gfa/shared';
import type { Draft } from './draft.js';
import { fail } from './domain-error.js';
import { heldVisit, indexOfDraft } from './day-index.js';
import { serves, stepQueue } from './queues.js';
import {
  isSupervisor,
  requireOwner,
  requireProfessional,
  requireStaff,
  requireSupervisor,
} from './rights.js';
import { routeAvailable } from './routing.js';
import { activeStep, addedStep, journeyComplete, readySteps } from './steps.js';

const TERMINAL: readonly Visit['state'][] = ['done', 'left', 'no_show', 'cancelled'];

function requireState(visit: Visit, allowed: readonly Visit['state'][], what: string): void {
  if (!allowed.includes(visit.state)) {
    fail(
      'invalid_state',
      `Action impossible : le consultant est ${STATE_IN_SENTENCE[visit.state]}.`,
      `${what} not allowed from state ${visit.state}`,
    );
  }
}

function currentStep(visit: Visit): StepInstance {
  const step = activeStep(visit);
  if (!step) fail('invalid_state', "Ce consultant n'est pas appelé.", `visit ${visit.id} has no active step`);
  return step;
}

/** The professional's single consultant in progress, if any (Q-ACT-2). */
export function heldBy(draft: Draft, professionalId: Id): Visit | undefined {
  return heldVisit(indexOfDraft(draft), professionalId);
}

/** Q-ACT-2: a professional calls nobody else while holding a consultant. */
export function requireFree(draft: Draft, professionalId: Id): void {
  const held = heldBy(draft, professionalId);
  if (held) {
    fail(
      'conflict',
      "Vous avez déjà un consultant appelé ou en cours : terminez-le ou remettez-le en file d'attente.",
      `professional already holds visit ${held.id}`,
    );
  }
}

export function roomOf(draft: Draft, professionalId: Id): Id | null {
  const desk = draft.desks[professionalId];
  const professional = draft.ctx.config.professionals.find((p) => p.id === professionalId);
  return desk?.roomId ?? professional?.roomId ?? null;
}

function resetStep(step: StepInstance): void {
  step.status = 'todo';
  step.professionalId = null;
  step.roomId = null;
  step.calledAt = null;
  step.startedAt = null;
  step.session = null;
}

/** Q-ACT-1: call a consultant for a ready step this professional serves. */
export function call(draft: Draft, visitId: Id, stepId?: Id): void {
  const professionalId = requireProfessional(draft.ctx.actor);
  const professional = draft.ctx.config.professionals.find((p) => p.id === professionalId);
  if (!professional)
    fail('forbidden', 'Professionnel inconnu.', `professional ${professionalId} not configured`);
  const current = draft.visit(visitId);
  requireState(current, ['waiting'], 'call');
  requireFree(draft, professionalId);
  const served = readySteps(current).filter((s) => serves(professional, stepQueue(s, current)));
  // Q-GROUP-1: a group step is called with its group, never one consultant at a time.
  const eligible = served.filter((s) => !s.group);
  const chosen = stepId ? eligible.find((s) => s.id === stepId) : preferNamed(eligible, current);
  if (!chosen) {
    if (served.some((s) => s.group && (!stepId || s.id === stepId))) {
      fail('invalid_state', GROUP_ONLY, 'group step called one by one');
    }
    fail(
      'forbidden',
      "Ce consultant n'est pas dans l'une de vos files d'attente.",
      `no eligible step for call`,
    );
  }
  callStep(draft, visitId, chosen.id, professionalId, null, {});
}

export const GROUP_ONLY = 'Séance collective : utilisez les boutons de la séance (« Appeler le groupe »…).';

/**
 * Marks one ready step called by this professional (Q-ACT-1), into a group
 * session when `session` is given (Q-GROUP-2): releases another's offer and
 * the requeue mark, and emits `visit.called`.
 */
export function callStep(
  draft: Draft,
  visitId: Id,
  stepId: Id,
  professionalId: Id,
  session: SessionRef | null,
  data: Record<string, unknown>,
): void {
  const visit = draft.edit(visitId);
  const step = visit.steps.find((s) => s.id === stepId) as StepInstance;
  if (visit.offer && visit.offer.professionalId !== professionalId) {
    draft.emit('visit.offer_released', { visit, professionalId: visit.offer.professionalId });
  }
  visit.offer = null;
  visit.requeued = null;
  step.status = 'called';
  step.professionalId = professionalId;
  step.roomId = roomOf(draft, professionalId);
  step.calledAt = draft.now;
  step.callCount = 1;
  if (session) step.session = { ...session, facilitatorIds: [...session.facilitatorIds] };
  visit.state = 'called';
  draft.emit(
    'visit.called',
    { visit, step },
    { roomId: step.roomId, queue: stepQueue(step, visit), ...data },
  );
}

/** Q-GROUP-1: the session's own actions move all its participants together. */
function requireSingle(step: StepInstance): void {
  if (step.session) fail('invalid_state', GROUP_ONLY, 'one-by-one action on a group session step');
}

function preferNamed(steps: StepInstance[], visit: Visit): StepInstance | undefined {
  return steps.find((s) => stepQueue(s, visit).kind === 'professional') ?? steps[0];
}

/** Rejects a target naming an unknown professional, category or reason. */
function validTarget<T extends StepTarget>(target: T, draft: Draft): T {
  const { config } = draft.ctx;
  const known =
    (target.kind === 'professional' &&
      config.professionals.some((p) => p.id === target.professionalId && p.active)) ||
    (target.kind === 'category' && config.categories.some((c) => c.id === target.categoryId)) ||
    (target.kind === 'appointment_professional' &&
      config.categories.some((c) => c.id === target.fallbackCategoryId)) ||
    (target.kind === 'reason' && config.reasons.some((r) => r.id === target.reasonId));
  if (!known) fail('invalid_input', 'Destination inconnue.', `unknown target ${target.kind}`);
  return target;
}

function addSteps(draft: Draft, visit: Visit, specs: readonly AddedStep[]): void {
  for (const spec of specs) {
    validTarget(spec.target, draft);
    const step = addedStep(spec, draft.ctx.newId, visit.steps);
    visit.steps.push(step);
    draft.emit('visit.step_added', { visit, step }, { target: spec.target });
  }
}

export function visitAction(draft: Draft, visitId: Id, action: VisitAction): void {
  const { actor } = draft.ctx;
  const current = draft.visit(visitId);
  switch (action.type) {
    case 'call':
      return call(draft, visitId, action.stepId);
    case 'recall': {
      requireState(current, ['called'], 'recall');
      requireOwner(actor, current);
      const visit = draft.edit(visitId);
      const step = currentStep(visit);
      requireSingle(step);
      step.callCount += 1;
      step.calledAt = draft.now;
      draft.emit('visit.recalled', { visit, step }, { roomId: step.roomId, callCount: step.callCount });
      return;
    }
    case 'requeue': {
      // Q-ACT-3: called but absent → back in the queue, keeping the time already waited.
      requireState(current, ['called'], 'requeue');
      requireOwner(actor, current);
      const visit = draft.edit(visitId);
      const step = currentStep(visit);
      const professionalId = step.professionalId;
      resetStep(step);
      visit.state = 'waiting';
      // Q-REQUEUE-1: remembered so that this professional is not handed him straight back.
      visit.requeued = professionalId ? { professionalId, at: draft.now } : null;
      draft.emit('visit.requeued', { visit, step, professionalId });
      routeAvailable(draft, visit, true);
      return;
    }
    case 'start': {
      requireState(current, ['called'], 'start');
      requireOwner(actor, current);
      const visit = draft.edit(visitId);
      const step = currentStep(visit);
      requireSingle(step);
      step.status = 'in_care';
      step.startedAt = draft.now;
      visit.state = 'in_care';
      draft.emit('visit.care_started', { visit, step });
      return;
    }
    case 'finish': {
      // Q-ACT-4: the step is done; added steps join the journey; the engine routes to the next step or exit.
      requireState(current, ['in_care'], 'finish');
      requireOwner(actor, current);
      const visit = draft.edit(visitId);
      const step = currentStep(visit);
      requireSingle(step);
      step.status = 'done';
      step.endedAt = draft.now;
      draft.emit(
        'visit.care_finished',
        { visit, step },
        { durationMs: draft.now - (step.startedAt ?? draft.now) },
      );
      addSteps(draft, visit, action.addSteps ?? []);
      routeAvailable(draft, visit, false);
      return;
    }
    case 'add_steps': {
      requireStaff(actor);
      requireState(current, ['arrived', 'waiting', 'called', 'in_care', 'away'], 'add_steps');
      const visit = draft.edit(visitId);
      addSteps(draft, visit, action.steps);
      if (visit.state === 'arrived') routeAvailable(draft, visit, true);
      return;
    }
    case 'skip_step': {
      // Q-ACT-5: optional steps may be skipped by staff; mandatory ones only by a supervisor.
      requireStaff(actor);
      requireState(current, ['arrived', 'waiting', 'away'], 'skip_step');
      const visit = draft.edit(visitId);
      const step = visit.steps.find((s) => s.id === action.stepId);
      if (!step || step.status !== 'todo') fail('invalid_input', 'Étape inconnue ou déjà faite.', 'bad step');
      if (!step.optional) requireSupervisor(actor);
      step.status = 'skipped';
      draft.emit('visit.step_skipped', { visit, step }, { reason: action.reason ?? null });
      if (visit.state !== 'away') routeAvailable(draft, visit, true);
      return;
    }
    case 'away': {
      // Q-ACT-6: away (collation, dehors, auto-prélèvement...) takes the consultant out of every queue.
      requireStaff(actor);
      requireState(current, ['arrived', 'waiting'], 'away');
      const visit = draft.edit(visitId);
      visit.state = 'away';
      visit.away = { reason: action.reason, since: draft.now };
      visit.offer = null;
      draft.emit('visit.away', { visit }, { reason: action.reason });
      return;
    }
    case 'back': {
      // Q-ACT-7: back from away, with the time waited before leaving still counted and the time away not.
      requireStaff(actor);
      requireState(current, ['away'], 'back');
      const visit = draft.edit(visitId);
      const reason = visit.away?.reason ?? null;
      const awayMs = draft.now - (visit.away?.since ?? draft.now);
      visit.away = null;
      if (visit.readySince !== null) visit.readySince += awayMs;
      draft.emit('visit.back', { visit }, { reason, awayMs });
      routeAvailable(draft, visit, true);
      return;
    }
    case 'transfer': {
      // Q-ACT-8: re-target the current (or given) step to another professional or queue.
      requireStaff(actor);
      requireState(current, ['arrived', 'waiting', 'called', 'in_care', 'away'], 'transfer');
      const active = activeStep(current);
      if (active && !isSupervisor(actor) && active.professionalId !== actor.professionalId) {
        requireOwner(actor, current);
      }
      const target = validTarget(action.target, draft);
      const visit = draft.edit(visitId);
      const step = action.stepId
        ? visit.steps.find((s) => s.id === action.stepId && s.status !== 'done' && s.status !== 'skipped')
        : (activeStep(visit) ?? readySteps(visit)[0]);
      if (!step) fail('invalid_input', 'Aucune étape à transférer.', 'no step to transfer');
      if (action.stepId && activeStep(visit) && activeStep(visit)?.id !== step.id) {
        fail(
          'invalid_state',
          'Le consultant est pris en charge pour une autre étape.',
          'another step is active',
        );
      }
      const from = stepQueue(step, visit);
      resetStep(step);
      step.target = target;
      step.after = [];
      visit.offer = null;
      const wasWaiting = visit.state === 'waiting' || visit.state === 'arrived';
      draft.emit('visit.transferred', { visit, step }, { from, to: target, reason: action.reason ?? null });
      if (visit.state !== 'away') {
        visit.state = 'waiting';
        routeAvailable(draft, visit, wasWaiting);
      }
      return;
    }
    case 'priority': {
      requireSupervisor(actor);
      requireState(current, ['expected', 'arrived', 'waiting', 'called', 'in_care', 'away'], 'priority');
      const visit = draft.edit(visitId);
      const before = visit.priorityClass;
      visit.priorityClass = action.priorityClass;
      draft.emit(
        'visit.priority_changed',
        { visit },
        { before, after: action.priorityClass, reason: action.reason ?? null },
      );
      return;
    }
    case 'note': {
      // Q-ACT-9: notes are readable by the next professionals; the journal records only that one was added.
      requireStaff(actor);
      const visit = draft.edit(visitId);
      const note = { id: draft.ctx.newId(), at: draft.now, authorId: actor.ref.id, text: action.text };
      visit.notes.push(note);
      draft.emit('visit.note_added', { visit }, { noteId: note.id });
      return;
    }
    case 'check': {
      requireStaff(actor);
      const visit = draft.edit(visitId);
      visit.checks.push({ kind: action.kind, mark: action.mark, at: draft.now, by: actor.ref.id });
      draft.emit('visit.check_marked', { visit }, { kind: action.kind, mark: action.mark });
      return;
    }
    case 'uncheck': {
      // Q-ACT-13: a tick set by mistake is removed, and the journal says so.
      requireStaff(actor);
      if (!current.checks.some((c) => c.kind === action.kind && c.mark === action.mark)) {
        fail('invalid_input', 'Cette case n’est pas cochée.', `no ${action.kind}/${action.mark} check`);
      }
      const visit = draft.edit(visitId);
      visit.checks = visit.checks.filter((c) => c.kind !== action.kind || c.mark !== action.mark);
      draft.emit('visit.check_unmarked', { visit }, { kind: action.kind, mark: action.mark });
      return;
    }
    case 'reopen':
      return reopen(draft, visitId);
    case 'leave': {
      // Q-ACT-10: the consultant leaves before the end; remaining steps stay undone (came but not handled).
      requireStaff(actor);
      requireState(current, ['arrived', 'waiting', 'called', 'in_care', 'away'], 'leave');
      // Q-RIGHT-4: a called or in-care consultant belongs to the professional holding them.
      if (current.state === 'called' || current.state === 'in_care') requireOwner(actor, current);
      const visit = draft.edit(visitId);
      const step = activeStep(visit);
      if (step) resetStep(step);
      visit.state = 'left';
      visit.endedAt = draft.now;
      visit.offer = null;
      visit.away = null;
      draft.emit('visit.left', { visit }, { reason: action.reason ?? null });
      return;
    }
    case 'end': {
      // Q-ACT-11: a supervisor may end any journey.
      requireSupervisor(actor);
      if (TERMINAL.includes(current.state) || current.state === 'expected') requireState(current, [], 'end');
      const visit = draft.edit(visitId);
      const step = activeStep(visit);
      if (step) resetStep(step);
      visit.state = 'done';
      visit.endedAt = draft.now;
      visit.offer = null;
      visit.away = null;
      draft.emit(
        'visit.done',
        { visit },
        { forced: true, complete: journeyComplete(visit), reason: action.reason ?? null },
      );
      return;
    }
    case 'no_show': {
      requireStaff(actor);
      requireState(current, ['expected'], 'no_show');
      const visit = draft.edit(visitId);
      visit.state = 'no_show';
      draft.emit('visit.no_show', { visit });
      return;
    }
  }
}

/**
 * Q-ACT-12: the same day, staff undo « Non venu » (back to expected), a
 * departure or a forced end whose journey is not complete (back in the
 * queues of the remaining steps, waiting from now).
 */
function reopen(draft: Draft, visitId: Id): void {
  requireStaff(draft.ctx.actor);
  const current = draft.visit(visitId);
  requireState(current, ['no_show', 'left', 'done'], 'reopen');
  if (current.state === 'done' && journeyComplete(current)) {
    fail(
      'invalid_state',
      'Le parcours de ce consultant est complet : il n’y a rien à reprendre.',
      'reopen of a complete journey',
    );
  }
  const visit = draft.edit(visitId);
  const from = visit.state;
  draft.emit('visit.reopened', { visit }, { from });
  if (from === 'no_show') {
    visit.state = 'expected';
    return;
  }
  visit.endedAt = null;
  routeAvailable(draft, visit, false);
}
