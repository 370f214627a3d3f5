/** Durations in whole minutes, and the summary figures of a list of them: mean, median, p90, min, max. */
import type { Summary } from '@gfa/shared';

export type { Summary };

/** Nearest-rank percentile of sorted values (p in 0..1). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? null;
}

export const MINUTE = 60_000;

/** Whole minutes from one instant to another. */
export const minutesBetween = (from: number, to: number): number => Math.round((to - from) / MINUTE);

/** One decimal, as the figures are shown. */
export const round1 = (n: number): number => Math.round(n * 10) / 10;

export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.length ? round1(sorted.reduce((s, v) => s + v, 0) / sorted.length) : null;
  return {
    count: sorted.length,
    mean,
    median: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    min: sorted[0] ?? null,
    max: sorted.at(-1) ?? null,
  };
}
