/** Calendar arithmetic on local days written YYYY-MM-DD (no time zone involved: a day is a label). */

const toDate = (day: string): Date => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date): string => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + days);
  return toDay(d);
}

/** Every day from `from` to `to`, both included. */
export function daysFromTo(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** First day of the day's month. */
export const monthOf = (day: string): string => `${day.slice(0, 7)}-01`;

/** Last day of the month that starts on `month`. */
export function monthEnd(month: string): string {
  const d = toDate(month);
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return toDay(d);
}

/** Consecutive days grouped in runs: [[first, last], …]. */
export function runsOf(days: readonly string[]): [string, string][] {
  const runs: [string, string][] = [];
  for (const day of days) {
    const last = runs.at(-1);
    if (last && addDays(last[1], 1) === day) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}
