/**
 * SHA-256 certificate fingerprints. mDNS TXT records, `gfa cert` and Node's
 * X509Certificate print "AB:CD:…"; an administrator may type lowercase hex
 * with or without colons. Every comparison goes through `normaliseFingerprint`.
 */
import { X509Certificate } from 'node:crypto';

/** "ab cd:EF…" → "AB:CD:EF:…", or null when it is not 32 bytes of hex. */
export function normaliseFingerprint(input: string): string | null {
  const hex = input.replace(/[\s:-]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return (hex.match(/../g) ?? []).join(':');
}

export function sameFingerprint(a: string, b: string): boolean {
  const left = normaliseFingerprint(a);
  return left !== null && left === normaliseFingerprint(b);
}

/** The SHA-256 fingerprint of the first certificate of a PEM text. */
export function fingerprintOfPem(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

/** True when the PEM holds exactly a certificate that can sign others (a CA). */
export function isCaCertificate(pem: string): boolean {
  return new X509Certificate(pem).ca;
}
