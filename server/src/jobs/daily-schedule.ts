/**
 * Jobs run at times of day (local to the centre): "HH:MM" lists are easier
 * for an administrator than cron expressions, and make the last and next
 * occurrences simple to compute for the catch-up and the jobs screen.
 */
import type { DailyTime } from '@gfa/shared';

const DAY = 24 * 3600_000;

const hours = (time: DailyTime): number => Number(time.slice(0, 2));
const minutes = (time: DailyTime): number => Number(time.slice(3, 5));

/** The node-cron expression of a daily time. */
export const cronOf = (time: DailyTime): string => `${minutes(time)} ${hours(time)} * * *`;

function occurrencesAround(times: readonly DailyTime[], now: number): number[] {
  return [-1, 0, 1].flatMap((offset) =>
    times.map((time) => {
      const at = new Date(now + offset * DAY);
      at.setHours(hours(time), minutes(time), 0, 0);
      return at.getTime();
    }),
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
