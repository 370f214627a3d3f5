/** The figures bench:day prints, aggregated over seeded days (same days for every dispatcher). */
import type { Id } from '@gfa/shared';
import type { DayOutcome, ProfessionalOutcome } from './day-simulator.js';

const MINUTE = 60_000;

export interface DispatcherFigures {
  readonly journeys: number;
  readonly meanJourney: number;
  readonly p95Journey: number;
  readonly meanBound: number;
  readonly ratio: number;
  /** Capacity lower bound on the mean journey (no dispatcher can do better on these days). */
  readonly meanCapacityBound: number;
  /** The hindsight reference (not a bound): what each category's throughput allows if moving between queues were free. */
  readonly meanHindsight: number;
  readonly afterClosing: number;
  readonly unended: number;
  readonly waitByCategory: ReadonlyMap<Id, number>;
  readonly waitByReason: ReadonlyMap<Id, number>;
  /** Per category: mean utilisation and its spread between professionals (max − min). */
  readonly utilisation: ReadonlyMap<Id, { mean: number; spread: number }>;
  /** Per category and shift (« medecin 7:30–12:30 »): the same, between professionals present the same hours. */
  readonly utilisationByShift: ReadonlyMap<string, { mean: number; spread: number }>;
  /** Where the excess (journey − zero-wait bound) goes: minutes waited per journey, by category… */
  readonly excessByCategory: ReadonlyMap<Id, number>;
  /** …and by the step's position in the journey (1: before the first care). */
  readonly excessByPosition: ReadonlyMap<number, number>;
  /** Mean excess per journey (journey − zero-wait bound). */
  readonly meanExcess: number;
  /** Mean number waiting per category at each half hour (minutes after midnight → category → mean). */
  readonly queueProfile: ReadonlyMap<number, ReadonlyMap<Id, number>>;
}

const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

function groupMean<T>(items: readonly T[], key: (t: T) => Id, value: (t: T) => number): Map<Id, number> {
  const groups = new Map<Id, number[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    list.push(value(item));
    groups.set(key(item), list);
  }
  return new Map([...groups].map(([k, v]) => [k, mean(v)]));
}

/** Mean utilisation and spread (max − min) of professionals grouped by a key. */
function utilisationBy(
  professionals: readonly ProfessionalOutcome[],
  key: (p: ProfessionalOutcome) => string,
): Map<string, { mean: number; spread: number }> {
  const perProfessional = groupMean(
    professionals,
    (p) => p.professionalId,
    (p) => p.busyMs / p.presentMs,
  );
  const result = new Map<string, { mean: number; spread: number }>();
  for (const group of new Set(professionals.map(key))) {
    const shares = [
      ...new Set(professionals.filter((p) => key(p) === group).map((p) => p.professionalId)),
    ].map((id) => perProfessional.get(id) ?? 0);
    result.set(group, { mean: mean(shares), spread: Math.max(...shares) - Math.min(...shares) });
  }
  return result;
}

/** Sum of a value per key, divided by n (minutes per journey). */
function perJourney<T, K>(
  items: readonly T[],
  key: (t: T) => K,
  value: (t: T) => number,
  n: number,
): Map<K, number> {
  const sums = new Map<K, number>();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0) + value(item));
  return new Map([...sums].map(([k, v]) => [k, v / Math.max(1, n)]));
}

function queueProfileOf(days: readonly DayOutcome[]): Map<number, Map<Id, number>> {
  const profile = new Map<number, Map<Id, number>>();
  for (const day of days) {
    const midnight = new Date(day.closesAt).setHours(0, 0, 0, 0);
    for (const sample of day.queues) {
      const minutes = Math.round((sample.at - midnight) / MINUTE);
      const row = profile.get(minutes) ?? new Map<Id, number>();
      for (const [categoryId, n] of sample.waiting)
        row.set(categoryId, (row.get(categoryId) ?? 0) + n / days.length);
      profile.set(minutes, row);
    }
  }
  return profile;
}

/** A per-day mean weighted by the day's visits. */
function perVisit(days: readonly DayOutcome[], value: (d: DayOutcome) => number): number {
  const visits = days.reduce((n, d) => n + d.visits.length, 0);
  return days.reduce((sum, d) => sum + value(d) * d.visits.length, 0) / Math.max(1, visits);
}

export function figuresOf(days: readonly DayOutcome[]): DispatcherFigures {
  const visits = days.flatMap((d) => d.visits.map((v) => ({ ...v, closesAt: d.closesAt })));
  const ended = visits.filter((v) => v.endedAt !== null);
  const journeys = ended.map((v) => ((v.endedAt as number) - v.arrivedAt) / MINUTE);
  const bounds = ended.map((v) => v.boundMs / MINUTE);
  const professionals = days.flatMap((d) => d.professionals).filter((p) => p.presentMs > 0);
  const waits = days.flatMap((d) => d.waits);
  return {
    journeys: ended.length,
    meanJourney: mean(journeys),
    p95Journey: quantile(journeys, 0.95),
    meanBound: mean(bounds),
    ratio: mean(journeys) / mean(bounds),
    meanCapacityBound: perVisit(days, (d) => d.capacityBoundMinutes),
    meanHindsight: perVisit(days, (d) => d.hindsightMinutes),
    afterClosing: ended.filter((v) => (v.endedAt as number) > v.closesAt).length / Math.max(1, ended.length),
    unended: visits.length - ended.length,
    waitByCategory: groupMean(
      days.flatMap((d) => d.waits),
      (w) => w.categoryId,
      (w) => w.minutes,
    ),
    waitByReason: groupMean(
      ended,
      (v) => v.reasonId,
      (v) => v.waitMs / MINUTE,
    ),
    utilisation: utilisationBy(professionals, (p) => p.categoryId),
    utilisationByShift: utilisationBy(professionals, (p) => `${p.categoryId} ${p.shift}`),
    excessByCategory: perJourney(
      waits,
      (w) => w.categoryId,
      (w) => w.minutes,
      ended.length,
    ),
    excessByPosition: perJourney(
      waits,
      (w) => w.position,
      (w) => w.minutes,
      ended.length,
    ),
    meanExcess: mean(ended.map((v) => v.waitMs / MINUTE)),
    queueProfile: queueProfileOf(days),
  };
}
