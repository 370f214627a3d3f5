/**
 * A realistic CES day for newcomers and tests: the categories, ~25 staff with
 * rooms, the visit reasons with their journeys, and 80 appointments today.
 * Pure data; `seed-demo.ts` writes it.
 */
import type { Appointment, Category, Room, Site, StepTemplate, VisitReason } from '@gfa/shared';
import type { LandingTab, Role } from '@gfa/shared';
import { pick, seededRandom } from './prng.js';
import { tenderCatalogue } from '../catalogue/tender-catalogue.js';

export { tenderCatalogue };

export interface DemoUser {
  readonly id: string;
  readonly login: string;
  readonly displayName: string;
  readonly roles: Role[];
  readonly categoryIds: string[];
  readonly reasonIds: string[];
  readonly roomId: string | null;
  readonly landingTab?: LandingTab;
}

export interface DemoCentre {
  readonly site: Site;
  readonly categories: Category[];
  readonly rooms: Room[];
  readonly reasons: VisitReason[];
  readonly journeys: Record<string, StepTemplate[]>;
  readonly users: DemoUser[];
  readonly appointments: Appointment[];
}

const SITE: Site = { id: 'ces-gironde', name: 'CES de la Gironde — Bègles' };

const room = (id: string, label: string): Room => ({ id, siteId: SITE.id, label });
const ROOMS: Room[] = [
  room('accueil', 'Accueil'),
  ...[1, 2, 3, 4].map((n) => room(`box-${n}`, `Box ${n}`)),
  ...[1, 2, 3, 4, 5].map((n) => room(`cabinet-${n}`, `Cabinet ${n}`)),
  ...[1, 2, 3, 4].map((n) => room(`soins-${n}`, `Salle de soins ${n}`)),
  room('labo-1', 'Laboratoire 1'),
  room('labo-2', 'Laboratoire 2'),
  room('dentaire', 'Cabinet dentaire'),
  room('dietetique', 'Bureau 12'),
  room('psychologie', 'Bureau 14'),
  room('neuropsy', 'Bureau 15'),
  room('salle-etp', 'Salle ETP'),
];

const staff = (
  login: string,
  displayName: string,
  categoryIds: string[],
  roomId: string | null,
  roles: Role[] = ['user'],
  reasonIds: string[] = [],
): DemoUser => ({ id: login, login, displayName, roles, categoryIds, reasonIds, roomId });

const USERS: DemoUser[] = [
  // Sophie works at the reception desk: her workstation opens on « Accueil ».
  { ...staff('sophie', 'Sophie Bernard', ['administratif'], 'accueil'), landingTab: 'reception' },
  staff('christelle', 'Christelle Moreau', ['administratif'], 'box-1'),
  staff('nadia', 'Nadia Haddad', ['administratif'], 'box-2'),
  staff('karim', 'Karim Benali', ['administratif'], 'box-3'),
  staff('ines', 'Inès Lopez', ['administratif'], 'box-4'),
  staff('luc', 'Dr Luc Garnier', ['medecin'], 'cabinet-1'),
  staff('helene', 'Dr Hélène Roux', ['medecin'], 'cabinet-2'),
  staff('pierre', 'Dr Pierre Faure', ['medecin'], 'cabinet-3'),
  staff('amelie', 'Dr Amélie Girard', ['medecin'], 'cabinet-4'),
  staff('olivier', 'Dr Olivier Blanc', ['medecin'], 'cabinet-5'),
  staff('carole', 'Carole Petit', ['infirmier'], 'soins-1', ['user'], ['etp-collectif']),
  staff('julien', 'Julien Mercier', ['infirmier'], 'soins-2'),
  staff('sandrine', 'Sandrine Dupuis', ['infirmier'], 'soins-3'),
  staff('thomas', 'Thomas Lambert', ['infirmier'], 'soins-4'),
  staff('patrick', 'Patrick Fontaine', ['preleveur'], 'labo-1'),
  staff('lea', 'Léa Chevalier', ['preleveur'], 'labo-2'),
  staff('francois', 'Dr François Robin', ['dentiste'], 'dentaire'),
  staff('marie', 'Marie Gauthier', ['dieteticien'], 'dietetique', ['user'], ['etp-collectif']),
  staff('claire', 'Claire Perrin', ['psychologue'], 'psychologie'),
  staff('anne', 'Anne Morel', ['neuropsychologue'], 'neuropsy'),
  staff('virginie', 'Virginie Leroy', [], null, ['user', 'supervisor']),
  staff('georgie', 'Georgie Marchand', [], null, ['user', 'supervisor']),
  staff('admin', 'Administrateur GFA', [], null, ['user', 'supervisor', 'administrator']),
];

const LAST_NAMES = [
  'Dubois',
  'Lefèvre',
  'Laurent',
  'Simon',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
];
const FIRST_F = [
  'Marie',
  'Nathalie',
  'Isabelle',
  'Sylvie',
  'Catherine',
  'Françoise',
  'Valérie',
  'Christine',
  'Sandrine',
  'Céline',
  'Aurélie',
  'Émilie',
];
const FIRST_M = [
  'Jean',
  'Philippe',
  'Michel',
  'Alain',
  'Patrick',
  'Nicolas',
  'Christophe',
  'Pierre',
  'Éric',
  'Frédéric',
  'Laurent',
  'Stéphane',
];

/** Reasons of the 80 appointments: mostly EPS, as at the CES. */
const MIX: [string, number][] = [
  ['eps', 42],
  ['eps-constances', 10],
  ['eps-2', 6],
  ['eip', 7],
  ['mbp', 5],
  ['tabac', 4],
  ['etp-individuel', 3],
  ['etp-collectif', 3],
];

/** The collective ETP session of the demo day, minutes after midnight (14 h). */
const ETP_SESSION_AT = 14 * 60;

/** Professionals who take named appointments, per reason. */
const NAMED: Record<string, string[]> = {
  'eps-2': ['luc', 'helene', 'pierre'],
  eip: ['carole', 'julien', 'marie', 'claire'],
  mbp: ['sandrine', 'thomas'],
  tabac: ['julien'],
  'etp-individuel': ['carole'],
};

function localTime(day: string, minutes: number): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, Math.floor(minutes / 60), minutes % 60).getTime();
}

function appointments(day: string): Appointment[] {
  const random = seededRandom(20261124);
  const reasons = MIX.flatMap(([reason, n]) => Array.from({ length: n }, () => reason));
  // Shuffle deterministically, then keep Joël's EPS first.
  for (let i = reasons.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [reasons[i], reasons[j]] = [reasons[j] as string, reasons[i] as string];
  }
  return reasons.map((reasonId, i): Appointment => {
    const n = String(i + 1).padStart(4, '0');
    const female = random() < 0.5;
    const joel = i === 0;
    // The collective ETP is one session that everyone is convened to at once (Q-GROUP-*); the rest are spread.
    const slot =
      reasonId === 'etp-collectif' && !joel
        ? ETP_SESSION_AT
        : 8 * 60 + Math.floor((i * (8.5 * 60)) / reasons.length / 5) * 5;
    const year = 1950 + Math.floor(random() * 50);
    const birthDate = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    return {
      id: `demo-${day}-${n}`,
      externalId: `SA-${day.replaceAll('-', '')}-${n}`,
      reference: `RDV-${n}`,
      day,
      at: localTime(day, slot),
      reasonId: joel ? 'eps' : reasonId,
      professionalId: joel ? null : NAMED[reasonId] ? pick(random, NAMED[reasonId]) : null,
      identity: joel
        ? { civility: 'M.', firstName: 'Joël', lastName: 'MARTIN', birthDate: '1961-04-12' }
        : {
            civility: female ? 'Mme' : 'M.',
            firstName: pick(random, female ? FIRST_F : FIRST_M),
            lastName: pick(random, LAST_NAMES).toUpperCase(),
            birthDate,
          },
      status: 'scheduled',
    };
  });
}

export function buildDemoCentre(day: string): DemoCentre {
  return {
    site: SITE,
    ...tenderCatalogue(),
    rooms: ROOMS,
    users: USERS,
    appointments: appointments(day),
  };
}
