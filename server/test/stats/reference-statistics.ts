// The statistics computation as it was before the per-day rollups (commit 3aa3f82), frozen here as the oracle
// that the rollup-based computation must equal exactly. Not used by the product.
/**
 * The "éléments de pilotage" of the CCTP for a period: care counts and
 * durations per professional, per profession and for all; waiting times;
 * journey durations per visit reason; convened but not come; came but not
 * handled. Pure: computed from the visits (steps with their times) and the
 * journal, so the figures are identical before and after anonymisation.
 */
import type {
  CareRow,
  CategoryRow,
  CentreConfig,
  JournalEntry,
  ReasonRow,
  Statistics,
  StepInstance,
  Visit,
} from '@gfa/shared';
import { minutesBetween, round1, summarise } from '../../src/stats/percentiles.js';

export type { CareRow, CategoryRow, ReasonRow, Statistics };

/** Availability instants of a visit: arrival, end of each care, return from away. */
function availabilityTimes(visit: Visit, events: readonly JournalEntry[]): number[] {
  return events
    .filter(
      (e) =>
        e.visitId === visit.id && ['visit.checked_in', 'visit.care_finished', 'visit.back'].includes(e.type),
    )
    .map((e) => e.at)
    .sort((a, b) => a - b);
}

interface Care {
  readonly visit: Visit;
  readonly step: StepInstance;
  readonly careMinutes: number;
  readonly waitMinutes: number | null;
}

function caresOf(visits: readonly Visit[], events: readonly JournalEntry[]): Care[] {
  const byVisit = new Map<string, JournalEntry[]>();
  for (const e of events) {
    if (!e.visitId) continue;
    const list = byVisit.get(e.visitId);
    if (list) list.push(e);
    else byVisit.set(e.visitId, [e]);
  }
  return visits.flatMap((visit) => {
    const available = availabilityTimes(visit, byVisit.get(visit.id) ?? []);
    return visit.steps
      .filter((s) => s.status === 'done' && s.startedAt !== null && s.endedAt !== null && s.professionalId)
      .map((step) => {
        const readyAt = available.filter((t) => t <= (step.calledAt ?? 0)).at(-1);
        return {
          visit,
          step,
          careMinutes: minutesBetween(step.startedAt as number, step.endedAt as number),
          waitMinutes:
            readyAt === undefined || step.calledAt === null ? null : minutesBetween(readyAt, step.calledAt),
        };
      });
  });
}

const waits = (cares: readonly Care[]): number[] =>
  cares.flatMap((c) => (c.waitMinutes === null ? [] : [c.waitMinutes]));

function categoryOf(step: StepInstance, config: CentreConfig): string | null {
  if (step.target.kind === 'category') return step.target.categoryId;
  if (step.target.kind === 'appointment_professional') {
    return (
      config.professionals.find((p) => p.id === step.professionalId)?.categoryIds[0] ??
      step.target.fallbackCategoryId
    );
  }
  return config.professionals.find((p) => p.id === step.professionalId)?.categoryIds[0] ?? null;
}

const handled = (v: Visit): boolean => v.steps.some((s) => s.status === 'done');
const came = (v: Visit): boolean => v.arrivedAt !== null;
/** Convened: an appointment that still stood on the day (a withdrawn one does not count). */
const convened = (v: Visit): boolean => v.appointmentId !== null && v.state !== 'cancelled';

export function computeStatistics(
  period: { from: string; to: string },
  visits: readonly Visit[],
  events: readonly JournalEntry[],
  config: CentreConfig,
): Statistics {
  const cares = caresOf(visits, events);
  const group = <K extends string>(key: (c: Care) => K | null): Map<K, Care[]> => {
    const map = new Map<K, Care[]>();
    for (const c of cares) {
      const k = key(c);
      if (k === null) continue;
      const list = map.get(k);
      if (list) list.push(c);
      else map.set(k, [c]);
    }
    return map;
  };
  const journeys = (list: readonly Visit[]): number[] =>
    list
      .filter((v) => v.state === 'done' && v.arrivedAt !== null && v.endedAt !== null)
      .map((v) => minutesBetween(v.arrivedAt as number, v.endedAt as number));
  const byProfessional = [...group((c) => c.step.professionalId)].map(([professionalId, list]) => ({
    professionalId,
    name: config.professionals.find((p) => p.id === professionalId)?.displayName ?? professionalId,
    cares: list.length,
    care: summarise(list.map((c) => c.careMinutes)),
    wait: summarise(waits(list)),
  }));
  const byCategory = [...group((c) => categoryOf(c.step, config))].map(([categoryId, list]) => ({
    categoryId,
    label: config.categories.find((c) => c.id === categoryId)?.label ?? categoryId,
    cares: list.length,
    care: summarise(list.map((c) => c.careMinutes)),
    wait: summarise(waits(list)),
  }));
  const reasonIds = [...new Set(visits.map((v) => v.reasonId))];
  const byReason = reasonIds.map((reasonId) => {
    const list = visits.filter((v) => v.reasonId === reasonId);
    const reasonCares = cares.filter((c) => c.visit.reasonId === reasonId);
    return {
      reasonId,
      label: config.reasons.find((r) => r.id === reasonId)?.label ?? reasonId,
      convened: list.filter(convened).length,
      handled: list.filter(handled).length,
      notCome: list.filter((v) => !came(v) && convened(v)).length,
      cameNotHandled: list.filter((v) => came(v) && !handled(v)).length,
      journey: summarise(journeys(list)),
      wait: summarise(waits(reasonCares)),
    };
  });
  const sortBy = <T>(rows: T[], key: (r: T) => string): T[] =>
    rows.sort((a, b) => key(a).localeCompare(key(b), 'fr'));
  return {
    ...period,
    byProfessional: sortBy(byProfessional, (r) => r.name),
    byCategory: sortBy(byCategory, (r) => r.label),
    byReason: sortBy(byReason, (r) => r.label),
    all: {
      visits: visits.length,
      handled: visits.filter(handled).length,
      convenedNotCome: visits.filter((v) => !came(v) && convened(v)).length,
      cameNotHandled: visits.filter((v) => came(v) && !handled(v)).length,
      cares: cares.length,
      carePerProfessional: byProfessional.length ? round1(cares.length / byProfessional.length) : null,
      care: summarise(cares.map((c) => c.careMinutes)),
      wait: summarise(waits(cares)),
      journey: summarise(journeys(visits)),
    },
  };
}
