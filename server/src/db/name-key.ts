/**
 * Keys for matching what people type with what the agenda wrote. Both sides
 * go through any-ascii, so ligatures and typographic marks fold like accents:
 * « CŒUR » = « COEUR », « N’DIAYE » = « N'DIAYE » = « NDIAYE », « Lefèvre » = « LEFEVRE ».
 */
import anyAscii from 'any-ascii';

/** Last-name key of the kiosk look-up: letters and digits only, upper case ("N’Diaye-Lœb" → "NDIAYELOEB"). */
export function nameKey(name: string): string {
  return anyAscii(name)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** Label key (reasons, professionals, column headings): lower case, punctuation as single spaces. */
export function labelKey(label: string): string {
  return anyAscii(label)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
