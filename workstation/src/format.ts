/** How the workstation writes times and dates for people (French); counts: `count` of `@gfa/shared`. */

/** "08:30", or "—" when unknown. */
export const clock = (ms: number | null): string =>
  ms === null ? '—' : new Date(ms).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });

/** "1961-04-12" → "12/04/1961", or "—". */
export const birthDate = (day: string | null): string => (day ? day.split('-').reverse().join('/') : '—');
