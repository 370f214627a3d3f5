/**
 * Learns the care durations the forecast uses (Q-FORECAST-4) from finished
 * cares of recent days: per step of a reason's journey and professional
 * category, the mean of the middle half (robust to the forgotten "finish"
 * click and to the two-minute care), and nothing — hence the template's
 * estimate — until enough history.
 * Also the walk from the call to the start of care, how long each kind of
 * away lasts, and the away most consultants take after a step (Q-FORECAST-6).
 */
import type { AwayReason } from '@gfa/shared';
import { durationKey, NO_HISTORY, type DurationModel } from '../domain/index.js';

export interface CareDuration {
  /** The visit's reason: its journey is the step's template (Q-FORECAST-4). */
  readonly reasonId: string;
  readonly stepKey: string;
  readonly categoryId: string;
  readonly minutes: number;
  /** From the call to the start of care, when known. */
  readonly walkMinutes?: number;
  /** The away the consultant took right after this care, if any. */
  readonly awayAfter?: { readonly reason: AwayReason; readonly minutes: number } | null;
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
    const key = durationKey(c.reasonId, c.stepKey, c.categoryId);
    const list = byKey.get(key) ?? [];
    list.push(c.minutes);
    byKey.set(key, list);
  }
  const care: Record<string, number> = { ...base.care };
  for (const [key, minutes] of byKey) {
    if (minutes.length >= MIN_SAMPLES) care[key] = round(interquartileMean(minutes));
  }
  const walks = cares.flatMap((c) =>
    c.walkMinutes !== undefined && Number.isFinite(c.walkMinutes) && c.walkMinutes >= 0
      ? [c.walkMinutes]
      : [],
  );
  const walkMinutes = walks.length >= MIN_SAMPLES ? round(interquartileMean(walks)) : base.walkMinutes;
  const spread = spreadOf(byKey, care);
  return {
    ...base,
    care,
    walkMinutes,
    ...(spread && { spread }),
    awayMinutes: { ...base.awayMinutes, ...awayLengths(cares) },
    awayAfter: { ...base.awayAfter, ...usualAways(cares) },
  };
}

const round = (minutes: number): number => Math.round(minutes * 10) / 10;

/** Share of the consultants who came that arrived before a convened one is given up for the forecast. */
const ARRIVED_BY_GIVE_UP = 0.9;

/**
 * Q-FORECAST-8: from the lateness of the consultants who came (minutes after
 * their appointment, negative when early), the typical one (the middle-half
 * mean) and the one nine in ten did not exceed; nothing until enough of them.
 */
export function learnArrival(lateness: readonly number[]): Pick<DurationModel, 'arrival'> {
  const known = lateness.filter((m) => Number.isFinite(m)).sort((a, b) => a - b);
  if (known.length < MIN_SAMPLES) return {};
  const giveUp = known[Math.min(known.length - 1, Math.floor(ARRIVED_BY_GIVE_UP * known.length))] as number;
  return {
    arrival: { lateMinutes: round(interquartileMean(known)), giveUpMinutes: round(Math.max(0, giveUp)) },
  };
}

/** Quantiles kept of the spread of cares around their learned duration. */
const SPREAD_QUANTILES = 20;

/**
 * Q-FORECAST-7: each finished care's length over the learned duration of its
 * step and category, pooled over the learned ones, as evenly spaced quantiles.
 */
function spreadOf(
  byKey: ReadonlyMap<string, number[]>,
  care: Readonly<Record<string, number>>,
): number[] | null {
  const ratios: number[] = [];
  for (const [key, minutes] of byKey) {
    const usual = care[key];
    if (minutes.length >= MIN_SAMPLES && usual) for (const m of minutes) ratios.push(m / usual);
  }
  if (ratios.length < SPREAD_QUANTILES) return null;
  ratios.sort((a, b) => a - b);
  return Array.from({ length: SPREAD_QUANTILES }, (_, i) =>
    Number((ratios[Math.floor(((i + 0.5) / SPREAD_QUANTILES) * ratios.length)] as number).toFixed(3)),
  );
}

/** Q-FORECAST-3: how long each kind of away lasts, once there are enough of them (middle-half mean). */
function awayLengths(cares: readonly CareDuration[]): DurationModel['awayMinutes'] {
  const byReason = new Map<AwayReason, number[]>();
  for (const c of cares) {
    if (!c.awayAfter || !Number.isFinite(c.awayAfter.minutes) || c.awayAfter.minutes <= 0) continue;
    byReason.set(c.awayAfter.reason, [...(byReason.get(c.awayAfter.reason) ?? []), c.awayAfter.minutes]);
  }
  const result: Partial<Record<AwayReason, number>> = {};
  for (const [reason, minutes] of byReason)
    if (minutes.length >= MIN_SAMPLES) result[reason] = round(interquartileMean(minutes));
  return result;
}

/**
 * Q-FORECAST-6: after a step whose known outcomes (away or not, when the
 * journey went on) are mostly one kind of away, the forecast sends everyone
 * away for its usual time.
 */
function usualAways(cares: readonly CareDuration[]): NonNullable<DurationModel['awayAfter']> {
  const byStep = new Map<string, { known: number; aways: Map<AwayReason, number[]> }>();
  for (const c of cares) {
    if (c.awayAfter === undefined) continue;
    const entry = byStep.get(c.stepKey) ?? { known: 0, aways: new Map<AwayReason, number[]>() };
    entry.known += 1;
    if (c.awayAfter && Number.isFinite(c.awayAfter.minutes) && c.awayAfter.minutes > 0) {
      const list = entry.aways.get(c.awayAfter.reason) ?? [];
      list.push(c.awayAfter.minutes);
      entry.aways.set(c.awayAfter.reason, list);
    }
    byStep.set(c.stepKey, entry);
  }
  const result: Record<string, { reason: AwayReason; minutes: number }> = {};
  for (const [stepKey, { known, aways }] of byStep) {
    for (const [reason, minutes] of aways) {
      if (minutes.length >= MIN_SAMPLES && minutes.length * 2 > known)
        result[stepKey] = { reason, minutes: round(interquartileMean(minutes)) };
    }
  }
  return result;
}
