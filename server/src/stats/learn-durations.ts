/**
 * Learns the care durations the forecast uses (Q-FORECAST-4) from finished
 * cares of recent days: per step and professional category, the mean of the
 * middle half (robust to the forgotten "finish" click and to the two-minute
 * care), and nothing — hence the template's estimate — until enough history.
 */
import { durationKey, NO_HISTORY, type DurationModel } from '../domain/index.js';

export interface CareDuration {
  readonly stepKey: string;
  readonly categoryId: string;
  readonly minutes: number;
}

/** Fewer finished cares than this for a step and category: the template's estimate stands. */
export const MIN_SAMPLES = 8;

/** Mean of the values between the first and third quartiles. */
export function interquartileMean(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const from = Math.floor(sorted.length / 4);
  const to = Math.max(from + 1, sorted.length - from);
  const middle = sorted.slice(from, to);
  return middle.reduce((sum, v) => sum + v, 0) / middle.length;
}

export function learnDurations(
  cares: readonly CareDuration[],
  base: DurationModel = NO_HISTORY,
): DurationModel {
  const byKey = new Map<string, number[]>();
  for (const c of cares) {
    if (!Number.isFinite(c.minutes) || c.minutes <= 0) continue;
    const key = durationKey(c.stepKey, c.categoryId);
    const list = byKey.get(key) ?? [];
    list.push(c.minutes);
    byKey.set(key, list);
  }
  const care: Record<string, number> = { ...base.care };
  for (const [key, minutes] of byKey) {
    if (minutes.length >= MIN_SAMPLES) care[key] = Math.round(interquartileMean(minutes) * 10) / 10;
  }
  return { ...base, care };
}
