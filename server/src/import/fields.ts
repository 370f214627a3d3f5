/** Reading one CSV cell into a typed value, with a French message when it cannot be read. */
import type { Civility } from '@gfa/shared';

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };
const bad = <T>(message: string): Read<T> => ({ ok: false, message });
const good = <T>(value: T): Read<T> => ({ ok: true, value });

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `dd/mm/yyyy` (French) or ISO `yyyy-mm-dd` → `yyyy-mm-dd`. */
export function readDay(raw: string, what: string): Read<string> {
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(raw);
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  const [y, m, d] = fr
    ? [Number(fr[3]), Number(fr[2]), Number(fr[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  if (!y || !validDay(y, m, d)) return bad(`${what} invalide : « ${raw} » (attendu JJ/MM/AAAA).`);
  return good(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/** `HH:MM`, `HHhMM`, `HH:MM:SS`, or the time part of an ISO date-time → minutes after midnight. */
export function readTime(raw: string): Read<number> {
  const match = /(?:^|T|\s)(\d{1,2})[:h](\d{2})/.exec(raw);
  const h = Number(match?.[1]);
  const m = Number(match?.[2]);
  if (!match || h > 23 || m > 59) return bad(`Heure invalide : « ${raw} » (attendu HH:MM).`);
  return good(h * 60 + m);
}

export function readCivility(raw: string): Civility {
  const key = raw.toLowerCase().replace(/\./g, '').trim();
  if (['m', 'mr', 'monsieur'].includes(key)) return 'M.';
  if (['mme', 'madame', 'mlle', 'mademoiselle'].includes(key)) return 'Mme';
  return '';
}

/** Case- and accent-insensitive key for matching labels ("Médecin" = "MEDECIN"). */
export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
