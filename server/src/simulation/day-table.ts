/** The figures bench:day prints, aggregated over seeded days (same days for every dispatcher). */
import type { Id } from '@gfa/shared';
import type { DayOutcome } from './day-simulator.js';

const MINUTE = 60_000;

export interface DispatcherFigures {
  readonly journeys: number;
  readonly meanJourney: number;
  readonly p95Journey: number;
  readonly meanBound: number;
  readonly ratio: number;
  /** Capacity lower bound on the mean journey (no dispatcher can do better on these days). */
  readonly meanCapacityBound: number;
  readonly afterClosing: number;
  readonly unended: number;
  readonly waitByCategory: ReadonlyMap<Id, number>;
  readonly waitByReason: ReadonlyMap<Id, number>;
  /** Per category: mean utilisation and its spread between professionals (max − min). */
  readonly utilisation: ReadonlyMap<Id, { mean: number; spread: number }>;
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

export function figuresOf(days: readonly DayOutcome[]): DispatcherFigures {
  const visits = days.flatMap((d) => d.visits.map((v) => ({ ...v, closesAt: d.closesAt })));
  const ended = visits.filter((v) => v.endedAt !== null);
  const journeys = ended.map((v) => ((v.endedAt as number) - v.arrivedAt) / MINUTE);
  const bounds = ended.map((v) => v.boundMs / MINUTE);
  const professionals = days.flatMap((d) => d.professionals).filter((p) => p.presentMs > 0);
  const perProfessional = groupMean(
    professionals,
    (p) => p.professionalId,
    (p) => p.busyMs / p.presentMs,
  );
  const utilisation = new Map<Id, { mean: number; spread: number }>();
  for (const categoryId of new Set(professionals.map((p) => p.categoryId))) {
    const shares = [
      ...new Set(professionals.filter((p) => p.categoryId === categoryId).map((p) => p.professionalId)),
    ].map((id) => perProfessional.get(id) ?? 0);
    utilisation.set(categoryId, { mean: mean(shares), spread: Math.max(...shares) - Math.min(...shares) });
  }
  return {
    journeys: ended.length,
    meanJourney: mean(journeys),
    p95Journey: quantile(journeys, 0.95),
    meanBound: mean(bounds),
    ratio: mean(journeys) / mean(bounds),
    meanCapacityBound:
      days.reduce((sum, d) => sum + d.capacityBoundMinutes * d.visits.length, 0) /
      Math.max(
        1,
        days.reduce((n, d) => n + d.visits.length, 0),
      ),
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
    utilisation,
  };
}
