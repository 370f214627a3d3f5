/**
 * The statistics cube: what the period figures are computed from, summed over visits and days. One care cell per
 * (professional, visit reason, step target) with the care and wait distributions; one reason cell per visit reason
 * with the visit counts and the journey distribution. Built in memory from a day's visits and journal, or read
 * back from the per-day rollups SQLite keeps for the anonymised days; both add up the same way.
 */
import type { JournalEntry, StepInstance, Visit } from '@gfa/shared';
import { addValue, mergeInto, type Distribution } from './distribution.js';
import { minutesBetween } from './percentiles.js';
import { addGroupCounts, addSessionStep, groupCell, type GroupCell } from './group-sessions.js';

export interface CareKey {
  readonly professionalId: string;
  readonly reasonId: string;
  readonly targetKind: StepInstance['target']['kind'];
  /** The target's category (kind `category`) or its fallback category (kind `appointment_professional`). */
  readonly targetCategoryId: string | null;
}

export interface CareCell extends CareKey {
  readonly care: Distribution;
  readonly wait: Distribution;
}

export interface ReasonCell {
  readonly reasonId: string;
  visits: number;
  convened: number;
  handled: number;
  notCome: number;
  cameNotHandled: number;
  readonly journey: Distribution;
}

export interface StatisticsCube {
  readonly cares: Map<string, CareCell>;
  readonly reasons: Map<string, ReasonCell>;
  /** Group sessions per visit reason (`group-sessions.ts`). */
  readonly groups: Map<string, GroupCell>;
}

export const emptyCube = (): StatisticsCube => ({ cares: new Map(), reasons: new Map(), groups: new Map() });

const careKeyString = (k: CareKey): string =>
  JSON.stringify([k.professionalId, k.reasonId, k.targetKind, k.targetCategoryId]);

/** The key fields alone (a cell or a SQL row carries more). */
export const careKeyOf = (k: CareKey): CareKey => ({
  professionalId: k.professionalId,
  reasonId: k.reasonId,
  targetKind: k.targetKind,
  targetCategoryId: k.targetCategoryId,
});

export function careCell(cube: StatisticsCube, key: CareKey): CareCell {
  const id = careKeyString(key);
  let cell = cube.cares.get(id);
  if (!cell) {
    cell = { ...careKeyOf(key), care: new Map(), wait: new Map() };
    cube.cares.set(id, cell);
  }
  return cell;
}

export function reasonCell(cube: StatisticsCube, reasonId: string): ReasonCell {
  let cell = cube.reasons.get(reasonId);
  if (!cell) {
    cell = {
      reasonId,
      visits: 0,
      convened: 0,
      handled: 0,
      notCome: 0,
      cameNotHandled: 0,
      journey: new Map(),
    };
    cube.reasons.set(reasonId, cell);
  }
  return cell;
}

type VisitCounts = Pick<ReasonCell, 'visits' | 'convened' | 'handled' | 'notCome' | 'cameNotHandled'>;

export function addCounts(cell: ReasonCell, counts: VisitCounts): void {
  cell.visits += counts.visits;
  cell.convened += counts.convened;
  cell.handled += counts.handled;
  cell.notCome += counts.notCome;
  cell.cameNotHandled += counts.cameNotHandled;
}

const AVAILABILITY: readonly JournalEntry['type'][] = [
  'visit.checked_in',
  'visit.care_finished',
  'visit.back',
];

/** Availability instants of a visit: arrival, end of each care, return from away. */
const availabilityTimes = (events: readonly JournalEntry[]): number[] =>
  events
    .filter((e) => AVAILABILITY.includes(e.type))
    .map((e) => e.at)
    .sort((a, b) => a - b);

const targetCategory = (target: StepInstance['target']): string | null =>
  target.kind === 'category'
    ? target.categoryId
    : target.kind === 'appointment_professional'
      ? target.fallbackCategoryId
      : null;

const handled = (v: Visit): boolean => v.steps.some((s) => s.status === 'done');
const came = (v: Visit): boolean => v.arrivedAt !== null;
/** Convened: an appointment that still stood on the day (a withdrawn one does not count). */
const convened = (v: Visit): boolean => v.appointmentId !== null && v.state !== 'cancelled';

/**
 * Adds visits to the cube. A care counts when its step is done with a start, an end and a professional; its wait
 * runs from the visit's last availability (arrival, end of a care, return) up to the call.
 */
export function addVisits(
  cube: StatisticsCube,
  visits: readonly Visit[],
  events: readonly JournalEntry[],
): void {
  const byVisit = new Map<string, JournalEntry[]>();
  for (const e of events) {
    if (!e.visitId) continue;
    const list = byVisit.get(e.visitId);
    if (list) list.push(e);
    else byVisit.set(e.visitId, [e]);
  }
  const sessions = new Set<string>();
  for (const visit of visits) {
    const reason = reasonCell(cube, visit.reasonId);
    reason.visits += 1;
    if (convened(visit)) reason.convened += 1;
    if (handled(visit)) reason.handled += 1;
    if (!came(visit) && convened(visit)) reason.notCome += 1;
    if (came(visit) && !handled(visit)) reason.cameNotHandled += 1;
    if (visit.state === 'done' && visit.arrivedAt !== null && visit.endedAt !== null)
      addValue(reason.journey, minutesBetween(visit.arrivedAt, visit.endedAt));
    const available = availabilityTimes(byVisit.get(visit.id) ?? []);
    for (const step of visit.steps) {
      if (step.status !== 'done' || step.startedAt === null || step.endedAt === null || !step.professionalId)
        continue;
      const key: CareKey = {
        professionalId: step.professionalId,
        reasonId: visit.reasonId,
        targetKind: step.target.kind,
        targetCategoryId: targetCategory(step.target),
      };
      const cell = careCell(cube, key);
      const minutes = minutesBetween(step.startedAt, step.endedAt);
      if (!step.session) addValue(cell.care, minutes);
      // A session is one care per facilitator, not one per participant (Q-GROUP-*).
      else if (addSessionStep(cube.groups, visit.reasonId, step.session, minutes, sessions))
        for (const professionalId of step.session.facilitatorIds)
          addValue(careCell(cube, { ...key, professionalId }).care, minutes);
      const readyAt = available.filter((t) => t <= (step.calledAt ?? 0)).at(-1);
      if (readyAt !== undefined && step.calledAt !== null)
        addValue(cell.wait, minutesBetween(readyAt, step.calledAt));
    }
  }
}

/** Adds `source` into `target` (rolled-up days and days computed from their visits). */
export function mergeCube(target: StatisticsCube, source: StatisticsCube): void {
  for (const c of source.cares.values()) {
    const cell = careCell(target, c);
    mergeInto(cell.care, c.care);
    mergeInto(cell.wait, c.wait);
  }
  for (const r of source.reasons.values()) {
    const cell = reasonCell(target, r.reasonId);
    addCounts(cell, r);
    mergeInto(cell.journey, r.journey);
  }
  for (const g of source.groups.values()) addGroupCounts(groupCell(target.groups, g.reasonId), g);
}
