import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCEPT, REJECT, certificateVerdict, chainMatchesPin } from '../pinning/certificate-verify.js';
import { fingerprintOfPem } from '../pinning/fingerprint.js';
import { makeAuthority, type Authority } from './tls-fixtures.js';

let ours: Authority;
let stranger: Authority;
beforeAll(async () => {
  [ours, stranger] = await Promise.all([makeAuthority('Centre'), makeAuthority('Intrus')]);
});
const pinOf = (authority: Authority) => ({
  fingerprint256: fingerprintOfPem(authority.caPem),
  caPem: authority.caPem,
});

describe('Chromium certificate verdict', () => {
  // Read after the certificates were made (beforeAll): their validity starts at that second.
  let now: Date;
  beforeEach(() => {
    now = new Date();
  });

  it('accepts a leaf signed by the pinned CA, with or without the CA in the chain', () => {
    expect(chainMatchesPin([ours.leafPem], pinOf(ours), now)).toBe(true);
    expect(chainMatchesPin([ours.leafPem, ours.caPem], pinOf(ours), now)).toBe(true);
    const verdict = certificateVerdict(
      { hostname: '10.0.0.5', certificate: { data: ours.leafPem, issuerCert: { data: ours.caPem } } },
      { pin: pinOf(ours), host: '10.0.0.5' },
      now,
    );
    expect(verdict).toBe(ACCEPT);
  });

  it("refuses another CA's leaf, even presenting our CA as its issuer", () => {
    expect(chainMatchesPin([stranger.leafPem], pinOf(ours), now)).toBe(false);
    expect(chainMatchesPin([stranger.leafPem, ours.caPem], pinOf(ours), now)).toBe(false);
    expect(chainMatchesPin([stranger.leafPem, stranger.caPem], pinOf(ours), now)).toBe(false);
  });

  it('refuses an expired leaf, a pin whose PEM does not match its fingerprint, and other hosts', () => {
    expect(chainMatchesPin([ours.leafPem], pinOf(ours), new Date(Date.now() + 3 * 365 * 86_400_000))).toBe(
      false,
    );
    expect(
      chainMatchesPin(
        [ours.leafPem],
        { ...pinOf(ours), fingerprint256: pinOf(stranger).fingerprint256 },
        now,
      ),
    ).toBe(false);
    const request = { hostname: 'evil.example', certificate: { data: ours.leafPem } };
    expect(certificateVerdict(request, { pin: pinOf(ours), host: '10.0.0.5' }, now)).toBe(REJECT);
    expect(certificateVerdict(request, undefined, now)).toBe(REJECT);
  });

  it('accepts a self-signed server certificate that is itself pinned (servers before the CA)', () => {
    expect(chainMatchesPin([ours.caPem], pinOf(ours), now)).toBe(true);
  });
});
