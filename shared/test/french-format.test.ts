/** French counts and numbers for the screens, and the centre's day rather than the UTC one. */
process.env.TZ = 'Europe/Paris';

import { describe, expect, it } from 'vitest';
import { count, formatNumber, localClock, localDateTime, localDay, plural } from '../src/index.js';

/** Intl writes a narrow no-break space between thousands; shown here as a plain space. */
const plain = (s: string): string => s.replace(/[\u202f\u00a0]/g, ' ');

describe('French formatting', () => {
  it('0 and 1 are singular, 2 and more plural, as Intl.PluralRules says for French', () => {
    expect(count(0, 'personne envoyée', 'personnes envoyées')).toBe('0 personne envoyée');
    expect(count(1, 'personne envoyée', 'personnes envoyées')).toBe('1 personne envoyée');
    expect(count(3, 'personne envoyée', 'personnes envoyées')).toBe('3 personnes envoyées');
    expect(plural(1.5, 'heure', 'heures')).toBe('heure');
    expect(plain(count(12345, 'visite', 'visites'))).toBe('12 345 visites');
  });

  it('decimal comma, grouped thousands, two decimals at most, a dash when there is no figure', () => {
    expect(formatNumber(5.5)).toBe('5,5');
    expect(plain(formatNumber(1234.567))).toBe('1 234,57');
    expect(formatNumber(null)).toBe('—');
  });

  it('the local day at 00:30 in Paris is the new day, while UTC is still on the previous one', () => {
    const halfPastMidnight = Date.parse('2026-12-01T00:30:00+01:00');
    expect(new Date(halfPastMidnight).toISOString().slice(0, 10)).toBe('2026-11-30');
    expect(localDay(halfPastMidnight)).toBe('2026-12-01');
    expect(localClock(halfPastMidnight)).toBe('00:30');
    expect(localDateTime(Date.parse('2026-07-14T23:59:58+02:00'))).toBe('2026-07-14 23:59:58');
  });
});
