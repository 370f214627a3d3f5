/**
 * Q-FORECAST-9: the forecast's sampled forward runs. Cares vary around their
 * learned length; with several professionals or several queues, the first to
 * free up comes sooner than the soonest usual end, which one forward run with
 * usual lengths cannot see. So a few more runs draw each care's length from
 * the learned spread, and each visit's forecast is the median over the runs.
 * Pure: a draw is a quantile of the spread picked by a hash of the visit and
 * the step, spaced evenly over the runs (no randomness).
 */
import type { Id } from '@gfa/shared';

/** The sampled runs beside the one with usual lengths (Q-FORECAST-9): five runs in all. */
export const SAMPLED_RUNS = 4;

/** FNV-1a: a stable, well-spread number for a text. */
function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The length of a care in sampled run `run` (1..SAMPLED_RUNS): one of the
 * spread's quantiles scaled to the care's usual length, among those longer
 * than what it has already lasted (Q-FORECAST-7); past them all, the usual
 * length (it ends now at the latest).
 */
export function drawnLength(
  usual: number,
  elapsed: number,
  spread: readonly number[],
  run: number,
  visitId: Id,
  stepId: Id,
): number {
  const longer = spread.map((r) => r * usual).filter((m) => m > elapsed);
  if (longer.length === 0) return usual;
  const offset = Math.floor((run * longer.length) / (SAMPLED_RUNS + 1));
  return longer[(hashOf(`${visitId}|${stepId}`) + offset) % longer.length] as number;
}

/** The median of the runs' times, a missing one (null) counting as later than any. */
export function medianTime(times: readonly (number | null)[]): number | null {
  const sorted = times.map((t) => t ?? Number.POSITIVE_INFINITY).sort((a, b) => a - b);
  const middle = sorted[Math.floor(sorted.length / 2)] as number;
  return Number.isFinite(middle) ? middle : null;
}
