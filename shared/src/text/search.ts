/**
 * Accent- and case-free text matching, the same on every screen and on the
 * server: « Joël » = « JOEL », « Lefèvre-d'Été » = « lefevre-d'ete ».
 */

/** Letters NFD does not split into base letter + accent. */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l' };

/** Lower-case, accent-free, single-spaced, trimmed. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[œæßøđł]/g, (c) => LIGATURES[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * True when every word of the query starts a word of the text, in any order:
 * « joel martin », « martin joel » and « mar jo » all find « MARTIN Joël ».
 * An empty query matches everything.
 */
export function matchesWords(text: string, query: string): boolean {
  const words = foldText(text).split(/[\s'’-]+/);
  return foldText(query)
    .split(/[\s'’-]+/)
    .filter(Boolean)
    .every((q) => words.some((w) => w.startsWith(q)));
}
