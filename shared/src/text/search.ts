/**
 * Accent- and case-free text matching, the same on every screen and on the
 * server: « Joël » = « JOEL », « Lefèvre-d'Été » = « lefevre-d'ete », « N’Diaye » = « n'diaye ».
 */
import { fold } from './fold.js';

/** Lower-case, accent-free, single-spaced, trimmed. */
export function foldText(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

/**
 * True when every word of the query starts a word of the text, in any order:
 * « joel martin », « martin joel » and « mar jo » all find « MARTIN Joël ».
 * Apostrophes and hyphens split words and may also be left out.
 * An empty query matches everything.
 */
export function matchesWords(text: string, query: string): boolean {
  const folded = foldText(text);
  // « N’Diaye » is found by « n'diaye », « diaye » and « ndiaye » alike (the kiosk's key drops the marks too).
  const words = [...folded.split(/[\s'-]+/), ...folded.split(' ').map((w) => w.replace(/['-]/g, ''))];
  return foldText(query)
    .split(/[\s'-]+/)
    .filter(Boolean)
    .every((q) => words.some((w) => w.startsWith(q)));
}
