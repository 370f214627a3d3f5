/**
 * The centres a simulated day runs in: the tender's centre (38 staff, ~25
 * present, some part-time, ~80 consultants with a morning wave of EPS) and
 * the demo centre. Pure data built from the demo centre's journeys.
 */
import type { Appointment, CentreConfig, DayString, Id, Professional, Room } from '@gfa/shared';
import { buildDemoCentre, type DemoCentre } from '../demo/demo-centre.js';
import type { KeyedRandom } from './keyed-random.js';

/** When a professional is at their desk, in minutes after midnight; `to` null: until the last consultant. */
export interface Shift {
  readonly professionalId: Id;
  readonly from: number;
  readonly to: number | null;
}

export interface Scenario {
  readonly name: string;
  readonly day: DayString;
  readonly config: CentreConfig;
  readonly shifts: readonly Shift[];
  /** Closing time, minutes after midnight. */
  readonly closes: number;
  /** The day's appointments; the random draw may vary the mix per seed. */
  readonly appointments: (random: KeyedRandom) => Appointment[];
}

export const SIM_DAY = '2026-11-24';

/** Local time of the day, as the demo centre writes appointments. */
export function atMinutes(day: DayString, minutes: number): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, Math.floor(minutes / 60), Math.round(minutes % 60)).getTime();
}

function configOf(
  centre: DemoCentre,
  extra: readonly Professional[],
  extraRooms: readonly Room[],
): CentreConfig {
  const professionals: Professional[] = centre.users
    .filter((u) => u.categoryIds.length > 0 || u.reasonIds.length > 0)
    .map((u) => ({
      id: u.id,
      displayName: u.displayName,
      categoryIds: u.categoryIds,
      reasonIds: u.reasonIds,
      roomId: u.roomId,
      active: true,
    }));
  return {
    sites: [centre.site],
    categories: centre.categories,
    rooms: [...centre.rooms, ...extraRooms],
    professionals: [...professionals, ...extra],
    reasons: centre.reasons,
    templates: Object.entries(centre.journeys).map(([reasonId, steps]) => ({
      id: `tpl-${reasonId}`,
      reasonId,
      version: 1,
      steps,
    })),
    policy: { maxWaitMinutes: 45, autoAssign: true },
    alertRules: [],
    openingHours: { days: [1, 2, 3, 4, 5], opens: '07:30', closes: '17:00' },
  };
}

const pro = (id: string, categoryId: string, roomId: string): Professional => ({
  id,
  displayName: id,
  categoryIds: [categoryId],
  reasonIds: [],
  roomId,
  active: true,
});

function appointment(
  day: DayString,
  n: number,
  reasonId: Id,
  minutes: number,
  professionalId: Id | null,
): Appointment {
  const ref = String(n).padStart(4, '0');
  return {
    id: `sim-${ref}`,
    externalId: null,
    reference: `SIM-${ref}`,
    day,
    at: atMinutes(day, minutes),
    reasonId,
    professionalId,
    identity: {
      civility: n % 2 ? 'M.' : 'Mme',
      firstName: 'Consultant',
      lastName: `N${ref}`,
      birthDate: null,
    },
    status: 'scheduled',
  };
}

/** Named appointments later in the day: reason, count, the professionals who take them. */
const NAMED_MIX: [Id, number, Id[]][] = [
  ['eps-2', 6, ['luc', 'helene', 'pierre', 'amelie']],
  ['eip', 6, ['julien', 'marie', 'claire', 'anne', 'yann']],
  ['mbp', 4, ['sandrine', 'thomas']],
  ['tabac', 3, ['julien']],
  ['etp-individuel', 2, ['carole']],
  ['etp-collectif', 2, []],
];

/** The tender's centre (CCTP « Les acteurs »): 7 doctors, 7 nurses, 3 lab technicians, boxes, reception… */
export function tenderLikeScenario(day: DayString = SIM_DAY): Scenario {
  const centre = buildDemoCentre(day);
  const extraRooms: Room[] = [
    { id: 'cabinet-6', siteId: centre.site.id, label: 'Cabinet 6' },
    { id: 'cabinet-7', siteId: centre.site.id, label: 'Cabinet 7' },
    { id: 'soins-5', siteId: centre.site.id, label: 'Salle de soins 5' },
    { id: 'soins-6', siteId: centre.site.id, label: 'Salle de soins 6' },
    { id: 'soins-7', siteId: centre.site.id, label: 'Salle de soins 7' },
    { id: 'labo-3', siteId: centre.site.id, label: 'Laboratoire 3' },
  ];
  const extra = [
    pro('remi', 'medecin', 'cabinet-6'),
    pro('agathe', 'medecin', 'cabinet-7'),
    pro('yann', 'infirmier', 'soins-5'),
    pro('odile', 'infirmier', 'soins-6'),
    pro('bruno', 'infirmier', 'soins-7'),
    pro('mathis', 'preleveur', 'labo-3'),
  ];
  const config = configOf(centre, extra, extraRooms);
  const partTime: Record<Id, [number, number | null]> = {
    // Part-time: two doctors and two nurses in the morning only, one doctor in the afternoon only,
    // the dentist leaves at noon (steps added for him afterwards go back to reception, Q-ROUTE-6).
    remi: [7 * 60 + 30, 12 * 60 + 30],
    agathe: [13 * 60, null],
    olivier: [7 * 60 + 30, 12 * 60 + 30],
    odile: [7 * 60 + 30, 12 * 60 + 30],
    bruno: [7 * 60 + 30, 12 * 60 + 30],
    francois: [7 * 60 + 30, 12 * 60],
  };
  const shifts = config.professionals.map((p): Shift => {
    const [from, to] = partTime[p.id] ?? [7 * 60 + 30, null];
    return { professionalId: p.id, from, to };
  });
  return {
    name: 'Centre de l’appel d’offres',
    day,
    config,
    shifts,
    closes: 17 * 60,
    appointments: (random) => {
      const list: Appointment[] = [];
      // The morning wave: 45 EPS and 12 EPS Constances convened from 7:45 to 10:00.
      const wave = Array.from({ length: 57 }, (_, i) => (i % 5 === 2 ? 'eps-constances' : 'eps'));
      wave.forEach((reasonId, i) => {
        list.push(appointment(day, list.length + 1, reasonId, 7 * 60 + 45 + Math.floor(i / 4) * 10, null));
      });
      // Named appointments from 10:00 to 16:00.
      const named = NAMED_MIX.flatMap(([reasonId, n, pros]) =>
        Array.from({ length: n }, (_, i) => ({
          reasonId,
          pro: pros.length ? (pros[i % pros.length] as Id) : null,
        })),
      );
      named.forEach((a, i) => {
        const jitter = Math.floor(random(`named-slot-${i}`) * 3) * 10;
        list.push(appointment(day, list.length + 1, a.reasonId, 10 * 60 + i * 14 + jitter, a.pro));
      });
      return list;
    },
  };
}

/** The demo centre (`gfa serve --demo`): its 20 professionals all day and its 80 appointments. */
export function demoScenario(day: DayString = SIM_DAY): Scenario {
  const centre = buildDemoCentre(day);
  const config = configOf(centre, [], []);
  return {
    name: 'Centre de démonstration',
    day,
    config,
    shifts: config.professionals.map((p) => ({ professionalId: p.id, from: 7 * 60 + 30, to: null })),
    closes: 17 * 60,
    appointments: () => centre.appointments,
  };
}

/**
 * The scenario `factor` times bigger (npm run bench:engine): every
 * professional, room and appointment repeated, so each copy of the centre
 * has its own staff and consultants.
 */
export function scaledScenario(scenario: Scenario, factor: number): Scenario {
  const copies = Array.from({ length: factor }, (_, i) => i);
  const tag = (id: Id, i: number): Id => (i === 0 ? id : `${id}~${i}`);
  const { config } = scenario;
  return {
    ...scenario,
    name: `${scenario.name} ×${factor}`,
    config: {
      ...config,
      rooms: copies.flatMap((i) => config.rooms.map((r) => ({ ...r, id: tag(r.id, i) }))),
      professionals: copies.flatMap((i) =>
        config.professionals.map((p) => ({ ...p, id: tag(p.id, i), roomId: p.roomId && tag(p.roomId, i) })),
      ),
    },
    shifts: copies.flatMap((i) =>
      scenario.shifts.map((s) => ({ ...s, professionalId: tag(s.professionalId, i) })),
    ),
    appointments: (random) => {
      const day = scenario.appointments(random);
      return copies.flatMap((i) =>
        day.map((a) => ({
          ...a,
          id: tag(a.id, i),
          reference: i === 0 ? a.reference : `${a.reference}-${i}`,
          professionalId: a.professionalId && tag(a.professionalId, i),
        })),
      );
    },
  };
}
