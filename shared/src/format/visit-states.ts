/**
 * The French words for a visit's state, in one place: the screens' short
 * label (a table cell, a badge) and the form that reads in a sentence (the
 * server's refusals, the nominative export).
 */
import type { VisitState } from '../domain/model.js';

/** What the screens show: « En attente », « Appelé »… */
export const STATE_LABEL: Record<VisitState, string> = {
  expected: 'Attendu',
  arrived: "À l'accueil",
  waiting: 'En attente',
  called: 'Appelé',
  in_care: 'En consultation',
  away: 'Absent momentanément',
  done: 'Parcours terminé',
  left: 'Parti',
  no_show: 'Non venu',
  cancelled: 'Rendez-vous annulé',
};

/** How a state reads in a sentence: « le consultant est en attente ». */
export const STATE_IN_SENTENCE: Record<VisitState, string> = {
  expected: 'attendu (pas encore arrivé)',
  arrived: "à l'accueil",
  waiting: 'en attente',
  called: 'appelé',
  in_care: 'en cours de prise en charge',
  away: 'absent momentanément',
  done: 'sorti (parcours terminé)',
  left: 'parti',
  no_show: 'non venu',
  cancelled: 'annulé (rendez-vous retiré)',
};
