/**
 * First contact with a server: fetch its CA, check it against what mDNS
 * announced (or let the administrator compare it with `gfa cert`), and prove
 * the server really holds a certificate from that CA before pinning it.
 */
import { CA_CERTIFICATE_PATH } from '../../src/api/route-path.js';
import { CertificateChangedError, fetchPinned, fetchUnpinned } from '../pinning/fetch-pinned.js';
import { fingerprintOfPem, normaliseFingerprint } from '../pinning/fingerprint.js';
import type { Pin } from '../store/shell-store.js';

export class AnnouncedFingerprintMismatchError extends Error {
  override readonly name = 'AnnouncedFingerprintMismatchError';
  constructor(
    readonly announced: string,
    readonly served: string,
  ) {
    super(
      'Le certificat envoyé par ce serveur ne correspond pas à celui qu’il annonce sur le réseau : ' +
        'appairage refusé. Prévenez l’administrateur.',
    );
  }
}

export class NotACertificateError extends Error {
  override readonly name = 'NotACertificateError';
  constructor() {
    super('Ce serveur n’a pas envoyé de certificat d’autorité : est-ce bien un serveur GFA ?');
  }
}

/**
 * `announced` is the TXT `fp` when the server was found by mDNS; with a typed
 * address it is absent and the caller shows `pin.fingerprint256` for the
 * administrator to compare before confirming.
 */
export async function fetchServerPin(origin: string, announced?: string): Promise<Pin> {
  const res = await fetchUnpinned(new URL(CA_CERTIFICATE_PATH, origin), {
    headers: { accept: 'text/plain' },
  });
  if (res.status !== 200 || !res.body.includes('BEGIN CERTIFICATE')) throw new NotACertificateError();
  let fingerprint256: string;
  try {
    fingerprint256 = fingerprintOfPem(res.body);
  } catch {
    throw new NotACertificateError();
  }
  if (announced !== undefined && normaliseFingerprint(announced) !== fingerprint256) {
    throw new AnnouncedFingerprintMismatchError(announced, fingerprint256);
  }
  const pin: Pin = { fingerprint256, caPem: res.body };
  // The unpinned answer could come from anyone: the same server must now pass the pinned check.
  try {
    await fetchPinned(new URL(CA_CERTIFICATE_PATH, origin), pin);
  } catch (error) {
    if (error instanceof CertificateChangedError && announced !== undefined) {
      throw new AnnouncedFingerprintMismatchError(announced, fingerprint256);
    }
    throw error;
  }
  return pin;
}
