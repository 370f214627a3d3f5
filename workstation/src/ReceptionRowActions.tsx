/**
 * What reception can do on one row of the day list: arrival, « Non venu »
 * and departure behind a confirmation, and the same-day undo of a
 * no-show, a departure or a forced end (rule Q-ACT-12).
 */
import type { VisitDto } from '@gfa/shared';
import { api, attempt } from './session.js';
import { ConfirmAction } from './ConfirmAction.js';
import { AwayButtons, act } from './VisitPanel.js';

const nameOf = (visit: VisitDto): string =>
  `${visit.identity.civility} ${visit.identity.lastName.toUpperCase()}`.trim();

/** Ended with mandatory steps left: a supervisor's « Terminer le parcours », which can be undone. */
const endedEarly = (visit: VisitDto): boolean =>
  visit.state === 'done' && visit.steps.some((s) => !s.optional && s.status === 'todo');

/** Reception checks in the consultant of an appointment (also a late « Non venu », rule Q-ARRIVE-5). */
export const checkInAppointment = (visit: VisitDto, success: string) =>
  attempt(() => api.call('registerVisit', { body: { appointmentId: visit.appointmentId ?? '' } }), success);

export function ReceptionRowActions({ visit }: { readonly visit: VisitDto }) {
  if (visit.state === 'expected') {
    return (
      <>
        <button
          type="button"
          className="gfa-button"
          onClick={() => void checkInAppointment(visit, 'Arrivée enregistrée.')}
        >
          Arrivé
        </button>
        <ConfirmAction
          label="Non venu"
          question={`${nameOf(visit)} non venu ?`}
          onConfirm={() =>
            void act(visit, { type: 'no_show' }, 'Marqué « Non venu » (annulable dans la journée).')
          }
        />
      </>
    );
  }
  if (visit.state === 'no_show') {
    return (
      <button
        type="button"
        className="gfa-button secondary"
        onClick={() => void act(visit, { type: 'reopen' }, '« Non venu » annulé : consultant attendu.')}
      >
        Annuler « Non venu »
      </button>
    );
  }
  if (visit.state === 'left' || endedEarly(visit)) {
    return (
      <button
        type="button"
        className="gfa-button secondary"
        onClick={() => void act(visit, { type: 'reopen' }, 'Parcours repris : consultant remis en attente.')}
      >
        Reprendre le parcours
      </button>
    );
  }
  if (visit.state === 'done' || visit.state === 'cancelled') return null;
  return (
    <>
      <AwayButtons visit={visit} />
      <ConfirmAction
        label="Raccompagner (départ)"
        question={`Départ de ${nameOf(visit)} ?`}
        onConfirm={() => void act(visit, { type: 'leave' }, 'Départ enregistré (annulable dans la journée).')}
      />
    </>
  );
}
