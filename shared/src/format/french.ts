/**
 * Numbers and counts as French readers expect them: « 1 234,5 », « 0 personne »,
 * « 2 personnes » (Intl knows that 0 and 1 are singular in French), instead of
 * « personne(s) ».
 */
const numbers = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const rules = new Intl.PluralRules('fr-FR');

/** « 1 234,5 »; a figure that cannot be computed (no data) shows as « — ». */
export const formatNumber = (n: number | null): string => (n === null ? '—' : numbers.format(n));

/** The French form of a word for a count: `plural(n, 'envoyée', 'envoyées')`. */
export const plural = (n: number, one: string, other: string): string =>
  rules.select(n) === 'one' ? one : other;

/** A formatted count and its word: `count(3, 'personne', 'personnes')` → « 3 personnes ». */
export const count = (n: number, one: string, other: string): string =>
  `${formatNumber(n)} ${plural(n, one, other)}`;
