/**
 * Identity checks shared by the reception form and the engine, so that the
 * form proposes exactly the match the server would refuse as a duplicate.
 */
import type { DayString, Identity, Visit } from './model.js';

/** Oldest age accepted for a birth date typed at reception. */
export const MAX_AGE_YEARS = 120;

/** Case, accents, hyphens and spacing do not make two people different. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\s'’-]+/g, ' ')
    .trim();
}

/** Same folded last name, first name and birth date (a missing birth date never matches). */
export function sameIdentity(a: Identity, b: Identity): boolean {
  return (
    a.birthDate !== null &&
    a.birthDate === b.birthDate &&
    foldName(a.lastName) === foldName(b.lastName) &&
    foldName(a.firstName) === foldName(b.firstName)
  );
}

/** States in which a visit of today stands for the person: an appointment still to come, or in the building. */
export const LIVE_VISIT_STATES: readonly Visit['state'][] = [
  'expected',
  'no_show',
  'arrived',
  'waiting',
  'called',
  'in_care',
  'away',
];

/** Today's visit that already stands for this identity, if any. */
export function matchingVisit<V extends Visit>(identity: Identity, visits: readonly V[]): V | undefined {
  return visits.find((v) => LIVE_VISIT_STATES.includes(v.state) && sameIdentity(v.identity, identity));
}

/** Why a birth date typed at reception cannot be right (French), or null; `today` is the centre's day. */
export function birthDateProblem(birthDate: DayString, today: DayString): string | null {
  if (birthDate > today) return 'La date de naissance ne peut pas être dans le futur.';
  const [year, rest] = [Number(today.slice(0, 4)), today.slice(4)];
  if (birthDate < `${year - MAX_AGE_YEARS}${rest}`) {
    return `La date de naissance indique plus de ${MAX_AGE_YEARS} ans : vérifiez l’année.`;
  }
  return null;
}
