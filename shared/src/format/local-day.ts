/**
 * Calendar days and wall-clock times of the centre. The server and the
 * workstations run in the centre's time zone, so local time is the centre's
 * (never the UTC day, which is yesterday's between midnight and 01:00 or 02:00).
 */
const pad = (n: number): string => String(n).padStart(2, '0');

/** The local calendar day of an instant, `YYYY-MM-DD`. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local wall-clock time of an instant, `HH:MM` or `HH:MM:SS`. */
export function localClock(ms: number, withSeconds = false): string {
  const d = new Date(ms);
  const clock = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return withSeconds ? `${clock}:${pad(d.getSeconds())}` : clock;
}

/** ISO 8601 local date-time without offset, `YYYY-MM-DD HH:MM:SS` (the form spreadsheets read as a date). */
export const localDateTime = (ms: number): string => `${localDay(ms)} ${localClock(ms, true)}`;
