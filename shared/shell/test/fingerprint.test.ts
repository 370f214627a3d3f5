import { describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import {
  fingerprintOfPem,
  isCaCertificate,
  normaliseFingerprint,
  sameFingerprint,
} from '../pinning/fingerprint.js';
import { makeAuthority } from './tls-fixtures.js';

const upper = Array.from({ length: 32 }, (_, i) =>
  (i * 7 + 16).toString(16).toUpperCase().padStart(2, '0'),
).join(':');

describe('fingerprints', () => {
  it('normalises lowercase, spaced or colon-less hex to "AB:CD:…"', () => {
    const bare = upper.replaceAll(':', '').toLowerCase();
    expect(normaliseFingerprint(bare)).toBe(upper);
    expect(normaliseFingerprint(` ${upper.toLowerCase()} `)).toBe(upper);
    expect(normaliseFingerprint(upper.replaceAll(':', ' '))).toBe(upper);
    expect(sameFingerprint(bare, upper)).toBe(true);
  });

  it('rejects what is not a SHA-256 fingerprint', () => {
    expect(normaliseFingerprint('AB:CD')).toBeNull();
    expect(normaliseFingerprint(`${upper}:00`)).toBeNull();
    expect(normaliseFingerprint(upper.replace('1', 'G'))).toBeNull();
    expect(sameFingerprint('', '')).toBe(false);
  });

  it('reads the fingerprint of a PEM exactly as Node and the server print it', async () => {
    const authority = await makeAuthority('Empreinte');
    expect(fingerprintOfPem(authority.caPem)).toBe(new X509Certificate(authority.caPem).fingerprint256);
    expect(isCaCertificate(authority.caPem)).toBe(true);
    expect(isCaCertificate(authority.leafPem)).toBe(false);
  });
});
