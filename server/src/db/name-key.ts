/**
 * Keys for matching what people type with what the agenda wrote. Both sides
 * go through the shared fold, so ligatures and typographic marks fold like accents:
 * « CŒUR » = « COEUR », « N’DIAYE » = « N'DIAYE » = « NDIAYE », « Lefèvre » = « LEFEVRE ».
 */
import { fold } from '@gfa/shared';

/** Last-name key of the kiosk look-up: letters and digits only, upper case ("N’Diaye-Lœb" → "NDIAYELOEB"). */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]/g, '')
    .toUpperCase();
}

/** Label key (reasons, professionals, column headings): lower case, punctuation as single spaces. */
export function labelKey(label: string): string {
  return fold(label)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
