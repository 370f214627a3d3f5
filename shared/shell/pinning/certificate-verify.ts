/**
 * The verdict for Chromium's certificate check in the shell windows
 * (`session.setCertificateVerifyProc`). The pinned CA is private, so
 * Chromium's own verdict is always "unknown issuer": the shell decides alone.
 * Accept only when the server's chain is signed by the pinned CA (or is it),
 * is currently valid, and the host is the pinned server; host names are not
 * matched, for the same DHCP reason as fetchPinned.
 */
import { X509Certificate } from 'node:crypto';
import type { Pin } from '../store/shell-store.js';
import { normaliseFingerprint } from './fingerprint.js';

/** Chromium's codes: 0 accept, -2 reject. */
export const ACCEPT = 0;
export const REJECT = -2;

/** Electron's `Certificate` as far as we need it: PEM data and its issuer chain. */
export interface ChainCertificate {
  readonly data: string;
  readonly issuerCert?: ChainCertificate | null;
}

export function chainPems(leaf: ChainCertificate): string[] {
  const pems: string[] = [];
  let cert: ChainCertificate | null | undefined = leaf;
  while (cert && pems.length < 10 && !pems.includes(cert.data)) {
    pems.push(cert.data);
    cert = cert.issuerCert;
  }
  return pems;
}

export function chainMatchesPin(pems: readonly string[], pin: Pin, now: Date): boolean {
  const pinned = normaliseFingerprint(pin.fingerprint256);
  let ca: X509Certificate;
  let chain: X509Certificate[];
  try {
    ca = new X509Certificate(pin.caPem);
    chain = pems.map((pem) => new X509Certificate(pem));
  } catch {
    return false;
  }
  const [leaf] = chain;
  if (!leaf || pinned === null || ca.fingerprint256 !== pinned) return false;
  if (now < new Date(leaf.validFrom) || now > new Date(leaf.validTo)) return false;
  // Walk up: each certificate issued and signed by the next, until one is the pinned CA or signed by it.
  for (let i = 0; i < chain.length; i += 1) {
    const cert = chain[i];
    if (!cert) break;
    if (cert.fingerprint256 === pinned) return true;
    if (cert.checkIssued(ca) && cert.verify(ca.publicKey)) return true;
    const issuer = chain[i + 1];
    if (!issuer || !cert.checkIssued(issuer) || !cert.verify(issuer.publicKey)) return false;
  }
  return false;
}

export function certificateVerdict(
  request: { readonly hostname: string; readonly certificate: ChainCertificate },
  pinned: { readonly pin: Pin; readonly host: string } | undefined,
  now: Date,
): typeof ACCEPT | typeof REJECT {
  if (!pinned || request.hostname.replace(/^\[|\]$/g, '') !== pinned.host.replace(/^\[|\]$/g, ''))
    return REJECT;
  return chainMatchesPin(chainPems(request.certificate), pinned.pin, now) ? ACCEPT : REJECT;
}
