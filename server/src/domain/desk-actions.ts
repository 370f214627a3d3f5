/** A professional's desk: presence and "call next" (rules Q-DESK-*). */
import type { DeskAction, Id } from '@gfa/shared';
import type { Draft } from './draft.js';
import { fail } from './domain-error.js';
import { nextFor } from './desk-view.js';
import { dispatcherOf } from './offers.js';
import { isSupervisor, requireProfessional, requireStaff } from './rights.js';
import { call, requireFree } from './visit-actions.js';

export function deskAction(draft: Draft, professionalId: Id, action: DeskAction): Id | null {
  const { actor, config } = draft.ctx;
  const professional = config.professionals.find((p) => p.id === professionalId && p.active);
  if (!professional) fail('not_found', 'Professionnel inconnu.', `professional ${professionalId} unknown`);
  switch (action.type) {
    case 'presence': {
      // Q-DESK-1: a professional sets their own presence; a supervisor may set anyone's.
      requireStaff(actor);
      if (actor.professionalId !== professionalId && !isSupervisor(actor)) {
        fail(
          'forbidden',
          'Vous ne pouvez changer que votre propre présence.',
          'presence of another professional',
        );
      }
      const desk = draft.editDesk(professionalId, () => ({
        professionalId,
        state: 'offline',
        roomId: professional.roomId,
        since: draft.now,
      }));
      desk.state = action.state;
      desk.since = draft.now;
      if (action.roomId !== undefined) desk.roomId = action.roomId ?? professional.roomId;
      draft.emit('desk.changed', { professionalId }, { state: desk.state, roomId: desk.roomId });
      return null;
    }
    case 'call_next': {
      // Q-DESK-2: the consultant offered to me, else the dispatcher's choice among my candidates.
      const me = requireProfessional(actor);
      if (me !== professionalId)
        fail('forbidden', 'Vous ne pouvez appeler que pour vous-même.', 'call_next for other');
      requireFree(draft, me);
      const { next: chosen, deferred } = nextFor(
        draft.snapshot(),
        config,
        professional,
        draft.now,
        dispatcherOf(draft),
      );
      if (!chosen && deferred > 0) {
        fail(
          'not_found',
          'Personne d’autre en attente : le consultant remis en file vous sera proposé dans quelques minutes. Vous pouvez aussi l’appeler depuis la liste.',
          'only a consultant requeued by this professional waits (Q-REQUEUE-1)',
        );
      }
      if (!chosen) fail('not_found', 'Aucun consultant en attente pour vous.', 'no candidate');
      call(draft, chosen.visit.id, chosen.step.id);
      return chosen.visit.id;
    }
  }
}
