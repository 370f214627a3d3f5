/**
 * TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s — what every
 * authenticator app reads from an otpauth QR code), with otplib rather than a
 * hand-written HMAC, and single-use recovery codes stored as argon2 hashes.
 */
import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { hashPassword, verifyPassword } from './secrets.js';

const ISSUER = 'GFA CES';
/** One step either side: a phone clock a little off still works, a code stays valid about 90 s at most. */
const TOLERANCE_S = 30;
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const RECOVERY_COUNT = 8;

export const newTotpSecret = (): string => generateSecret();

export const otpauthUri = (login: string, secret: string): string =>
  generateURI({ issuer: ISSUER, label: login, secret });

/** qrcode is loaded on the first enrolment only (~1 MB of heap otherwise kept for nothing). */
export const qrSvg = async (uri: string): Promise<string> =>
  (await import('qrcode')).default.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });

/** The RFC 6238 time step the code belongs to, or null when it is not valid now. */
export function totpStep(secret: string, code: string, now: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = verifySync({
      secret,
      token: code,
      epoch: Math.floor(now / 1000),
      epochTolerance: TOLERANCE_S,
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** Eight codes like "K7QM-2XPD" (40 bits each), shown once. */
export function newRecoveryCodes(): string[] {
  const part = (): string =>
    Array.from({ length: 4 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return Array.from({ length: RECOVERY_COUNT }, () => `${part()}-${part()}`);
}

export const hashRecoveryCodes = (codes: readonly string[]): Promise<string[]> =>
  Promise.all(codes.map((c) => hashPassword(normaliseRecovery(c))));

const normaliseRecovery = (code: string): string => code.replace('-', '').toUpperCase();

/** The hashes left once `code` is used, or null when it matches none. */
export async function useRecoveryCode(hashes: readonly string[], code: string): Promise<string[] | null> {
  if (!/^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/.test(code)) return null;
  for (const [index, hash] of hashes.entries())
    if (await verifyPassword(hash, normaliseRecovery(code))) return hashes.filter((_, i) => i !== index);
  return null;
}
