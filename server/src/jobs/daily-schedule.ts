/**
 * Jobs run at times of day (local to the centre): "HH:MM" lists are easier
 * for an administrator than cron expressions, and make the last and next
 * occurrences simple to compute for the catch-up, the scheduler and the
 * jobs screen. Every local day has each time exactly once: a time the
 * spring clock change skips (02:00–03:00) falls on the first instant after
 * the jump, and a time the autumn change repeats is its first occurrence.
 */
import type { DailyTime } from '@gfa/shared';

const hours = (time: DailyTime): number => Number(time.slice(0, 2));
const minutes = (time: DailyTime): number => Number(time.slice(3, 5));

/** Yesterday's, today's and tomorrow's occurrences, counted on the calendar (a DST day is not 24 hours). */
function occurrencesAround(times: readonly DailyTime[], now: number): number[] {
  const today = new Date(now);
  return [-1, 0, 1].flatMap((offset) =>
    times.map((time) =>
      new Date(
        today.getFullYear(),
        today.getMonth(),
        today.getDate() + offset,
        hours(time),
        minutes(time),
      ).getTime(),
    ),
  );
}

/** The latest scheduled time at or before `now` (a run after it is up to date). */
export function previousOccurrence(times: readonly DailyTime[], now: number): number | null {
  const past = occurrencesAround(times, now).filter((at) => at <= now);
  return past.length ? Math.max(...past) : null;
}

/** The next scheduled time after `now`. */
export function nextOccurrence(times: readonly DailyTime[], now: number): number | null {
  const future = occurrencesAround(times, now).filter((at) => at > now);
  return future.length ? Math.min(...future) : null;
}
