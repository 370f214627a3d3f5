/** How the workstation writes times, dates and counts for people (French). */

/** "08:30", or "—" when unknown. */
export const clock = (ms: number | null): string =>
  ms === null ? '—' : new Date(ms).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });

/** "1961-04-12" → "12/04/1961", or "—". */
export const birthDate = (day: string | null): string => (day ? day.split('-').reverse().join('/') : '—');

const rules = new Intl.PluralRules('fr-FR');

/** "1 consultant", "0 consultant", "3 consultants": French plural rules (0 and 1 are singular). */
export const count = (n: number, one: string, many: string): string =>
  `${n} ${rules.select(n) === 'one' ? one : many}`;
