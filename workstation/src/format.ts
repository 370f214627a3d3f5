/** How the workstation writes times and dates for people (French); counts: `count` of `@gfa/shared`. */

/** "08:30", or "—" when unknown. */
export const clock = (ms: number | null): string =>
  ms === null ? '—' : new Date(ms).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });

/** "1961-04-12" → "12/04/1961", or "—". */
export const birthDate = (day: string | null): string => (day ? day.split('-').reverse().join('/') : '—');

/** "10 h 40" (French typography for a time said aloud), or "—". */
export const hourLabel = (ms: number | null): string => (ms === null ? '—' : clock(ms).replace(':', ' h '));

/** "~12 min" from now to `at`, « moins d’1 min » when due (never « 0 min »). */
export const minutesUntil = (at: number, now: number): string => {
  const minutes = Math.round((at - now) / 60_000);
  return minutes < 1 ? 'moins d’1 min' : `~${minutes} min`;
};
