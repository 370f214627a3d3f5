/**
 * The tender's catalogue: categories of professionals, visit reasons and their journeys. What a fresh install
 * offers (`gfa init`, the first administrator's screen) and what the demo centre runs on. Pure data.
 */
import type { Category, StepTemplate, VisitReason } from '@gfa/shared';

export interface TenderCatalogue {
  readonly categories: Category[];
  readonly reasons: VisitReason[];
  readonly journeys: Record<string, StepTemplate[]>;
}

const CATEGORIES: [string, string][] = [
  ['administratif', 'Agent administratif'],
  ['medecin', 'Médecin'],
  ['infirmier', 'Infirmier'],
  ['preleveur', 'Préleveur'],
  ['dentiste', 'Dentiste'],
  ['dieteticien', 'Diététicien'],
  ['psychologue', 'Psychologue'],
  ['neuropsychologue', 'Neuropsychologue'],
];

const REASONS: VisitReason[] = [
  { id: 'eps', code: 'EPS', label: 'Examen de prévention en santé', priorityClass: 1, active: true },
  { id: 'eps-constances', code: 'EPS_CONSTANCES', label: 'EPS Constances', priorityClass: 2, active: true },
  { id: 'eps-2', code: 'EPS_2', label: 'EPS — 2e temps', priorityClass: 1, active: true },
  { id: 'eip', code: 'EIP', label: 'Entretien individuel en prévention', priorityClass: 1, active: true },
  { id: 'mbp', code: 'MBP', label: 'Mon bilan prévention', priorityClass: 1, active: true },
  { id: 'tabac', code: 'TABAC', label: 'Consultation tabac', priorityClass: 1, active: true },
  {
    id: 'etp-individuel',
    code: 'ETP_INDIVIDUEL',
    label: 'ETP — entretien individuel',
    priorityClass: 1,
    active: true,
  },
  {
    id: 'etp-collectif',
    code: 'ETP_COLLECTIF',
    label: 'ETP — séance collective',
    priorityClass: 0,
    active: true,
  },
];

const step = (
  key: string,
  label: string,
  categoryId: string,
  minutes: number,
  after: string[] = [],
  optional = false,
): StepTemplate => ({
  key,
  label,
  target: { kind: 'category', categoryId },
  estimatedMinutes: minutes,
  after,
  optional,
});

const withAppointmentProfessional = (
  label: string,
  fallbackCategoryId: string,
  minutes: number,
): StepTemplate[] => [
  {
    key: 'entretien',
    label,
    target: { kind: 'appointment_professional', fallbackCategoryId },
    estimatedMinutes: minutes,
    after: [],
    optional: false,
  },
];

const JOURNEYS: Record<string, StepTemplate[]> = {
  // Administrative box first; then doctor, nurse and lab in any order.
  eps: [
    step('admin', 'Dossier administratif', 'administratif', 10),
    step('medecin', 'Consultation médicale', 'medecin', 25, ['admin']),
    step('infirmier', 'Examens infirmiers', 'infirmier', 20, ['admin']),
    step('preleveur', 'Prise de sang', 'preleveur', 10, ['admin']),
  ],
  // Constances: the doctor sees the consultant last, with every result.
  'eps-constances': [
    step('admin', 'Dossier administratif', 'administratif', 10),
    step('infirmier', 'Examens infirmiers', 'infirmier', 20, ['admin']),
    step('preleveur', 'Prise de sang', 'preleveur', 10, ['admin']),
    step('medecin', 'Consultation médicale', 'medecin', 25, ['infirmier', 'preleveur']),
  ],
  'eps-2': withAppointmentProfessional('Consultation (2e temps)', 'medecin', 25),
  eip: withAppointmentProfessional('Entretien individuel', 'infirmier', 45),
  mbp: withAppointmentProfessional('Mon bilan prévention', 'infirmier', 45),
  tabac: withAppointmentProfessional('Consultation tabac', 'infirmier', 30),
  'etp-individuel': withAppointmentProfessional('Entretien ETP', 'infirmier', 45),
  'etp-collectif': [
    {
      key: 'seance',
      label: 'Séance collective ETP',
      target: { kind: 'reason', reasonId: 'etp-collectif' },
      estimatedMinutes: 120,
      after: [],
      optional: false,
      // The tender: up to 10 people per session, two facilitators (nurse or dietician).
      group: { capacity: 10, facilitators: 2 },
    },
  ],
};

/** The tender's categories, reasons and journeys: the demo's, and the catalogue a fresh install offers. */
export function tenderCatalogue(): TenderCatalogue {
  return {
    categories: CATEGORIES.map(([code, label]) => ({
      id: code,
      code,
      label,
      administrative: code === 'administratif',
    })),
    reasons: REASONS,
    journeys: JOURNEYS,
  };
}
