/** The centre's calendar: days and instants in the server's local time zone. */

/** The calendar day of an instant. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The instant of a local day + minutes (the server's time zone is the centre's). */
export function localInstant(day: string, minutes: number): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, Math.floor(minutes / 60), minutes % 60).getTime();
}
