/**
 * A distribution of whole minutes as counts per value: what a period's figures need (mean, median, p90, min,
 * max) and what adds up across days, so a statistic over years is a merge of small histograms instead of a
 * walk over every care. The summary is exactly `summarise` of the values the histogram counts.
 */
import { round1, type Summary } from './percentiles.js';

export type Distribution = Map<number, number>;

export function addValue(d: Distribution, minutes: number, count = 1): void {
  d.set(minutes, (d.get(minutes) ?? 0) + count);
}

export function mergeInto(target: Distribution, source: Distribution): void {
  for (const [minutes, count] of source) addValue(target, minutes, count);
}

/** Nearest-rank percentile over the counts, as `percentile` does over the sorted values. */
function rank(sorted: readonly (readonly [number, number])[], total: number, p: number): number {
  const wanted = Math.max(0, Math.ceil(p * total) - 1);
  let seen = 0;
  for (const [minutes, count] of sorted) {
    seen += count;
    if (seen > wanted) return minutes;
  }
  return (sorted.at(-1) as readonly [number, number])[0];
}

export function summariseDistribution(d: Distribution): Summary {
  const sorted = [...d].filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0]);
  const count = sorted.reduce((s, [, n]) => s + n, 0);
  if (count === 0) return { count: 0, mean: null, median: null, p90: null, min: null, max: null };
  const sum = sorted.reduce((s, [minutes, n]) => s + minutes * n, 0);
  return {
    count,
    mean: round1(sum / count),
    median: rank(sorted, count, 0.5),
    p90: rank(sorted, count, 0.9),
    min: (sorted[0] as readonly [number, number])[0],
    max: (sorted.at(-1) as readonly [number, number])[0],
  };
}
