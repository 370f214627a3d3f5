/** Reading one CSV cell into a typed value, with a French message when it cannot be read. */
import type { Civility, ContactKind } from '@gfa/shared';

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };
const bad = <T>(message: string): Read<T> => ({ ok: false, message });
const good = <T>(value: T): Read<T> => ({ ok: true, value });

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Excel's day 0 (serials count days from 1899-12-30, its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A cell holding an Excel date serial (« 46357 », « 46357,354166 ») when the export lost the date format. */
const serial = (raw: string): number | null => {
  const match = /^(\d{1,6})(?:[.,](\d+))?$/.exec(raw);
  return match ? Number(`${match[1]}.${match[2] ?? 0}`) : null;
};

/** `dd/mm/yyyy` (French), ISO `yyyy-mm-dd` or an Excel serial → `yyyy-mm-dd`; a date-time cell gives its day. */
export function readDay(raw: string, what: string): Read<string> {
  const days = serial(raw);
  if (days !== null && days >= 1) {
    const date = new Date(EXCEL_EPOCH + Math.floor(days) * DAY_MS);
    return good(date.toISOString().slice(0, 10));
  }
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/.exec(raw);
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  const short = /^\d{1,2}[/.-]\d{1,2}[/.-](\d{2})(?!\d)/.exec(raw);
  if (!fr && !iso && short)
    return bad(
      `${what} avec l’année sur deux chiffres : « ${raw} ». Enregistrez les dates avec l’année complète (JJ/MM/AAAA) : « ${short[1]} » peut être 19${short[1]} ou 20${short[1]}.`,
    );
  const [y, m, d] = fr
    ? [Number(fr[3]), Number(fr[2]), Number(fr[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  if (!y || !validDay(y, m, d)) return bad(`${what} invalide : « ${quote(raw)} » (attendu JJ/MM/AAAA).`);
  return good(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/** `HH:MM`, `HHhMM`, `HH:MM:SS`, the time part of a date-time, or an Excel serial's fraction → minutes after midnight. */
export function readTime(raw: string): Read<number> {
  const days = serial(raw);
  if (days !== null && (days % 1 !== 0 || days === 0)) {
    const minutes = Math.round((days % 1) * 1440);
    if (minutes < 1440) return good(minutes);
  }
  const match = /(?:^|T|\s)(\d{1,2})[:h](\d{2})/.exec(raw);
  const h = Number(match?.[1]);
  const m = Number(match?.[2]);
  if (!match || h > 23 || m > 59) return bad(`Heure invalide : « ${quote(raw)} » (attendu HH:MM).`);
  return good(h * 60 + m);
}

/** A cell echoed in a message, cut short: a report line never carries a whole oversized cell. */
export const quote = (raw: string): string => (raw.length > 60 ? `${raw.slice(0, 60)}…` : raw);

export function readCivility(raw: string): Civility {
  const key = raw.toLowerCase().replace(/\./g, '').trim();
  if (['m', 'mr', 'monsieur'].includes(key)) return 'M.';
  if (['mme', 'madame', 'mlle', 'mademoiselle'].includes(key)) return 'Mme';
  return '';
}

/** Why an optional contact cell is refused (null = accepted), by the kind its field declares. */
export const CONTACT_CHECKS: Record<ContactKind, (raw: string) => string | null> = {
  text: () => null,
  email: (raw) =>
    /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw) ? null : `Adresse e-mail invalide : « ${quote(raw)} ».`,
  phone: (raw) =>
    /^\+?[\d .()-]{6,20}$/.test(raw) ? null : `Numéro de téléphone invalide : « ${quote(raw)} ».`,
};
