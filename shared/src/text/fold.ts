/**
 * The one fold of text for matching, on every screen and on the server:
 * any-ascii turns accents, ligatures and typographic marks into plain
 * letters (« Œ » → « OE », « ß » → « ss », « ’ » → « ' », « é » → « e »), so
 * what a person types matches what an agenda wrote however either was typed.
 */
import anyAscii from 'any-ascii';

/** Lower-case ASCII transliteration; callers keep or drop punctuation and spaces as their key needs. */
export const fold = (text: string): string => anyAscii(text).toLowerCase();
