/** The centre's calendar: days and instants in the server's local time zone. */

/** The calendar day of an instant: one definition, shared with the screens. */
export { localDay } from '@gfa/shared';

/** The instant of a local day + minutes (the server's time zone is the centre's). */
export function localInstant(day: string, minutes: number): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, Math.floor(minutes / 60), minutes % 60).getTime();
}
