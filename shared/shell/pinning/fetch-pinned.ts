/**
 * HTTPS requests from the shell's main process to the pinned server.
 * Trust comes from the pinned CA only (not the system store), and the host
 * name is NOT checked: DHCP may give the server another address, and the
 * certificate cannot name every address. Instead the chain must end at the
 * CA whose SHA-256 fingerprint is pinned.
 */
import { request } from 'node:https';
import type { PeerCertificate } from 'node:tls';
import type { Pin } from '../store/shell-store.js';
import { normaliseFingerprint } from './fingerprint.js';

export interface PinnedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST';
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

/** The server showed a certificate that does not chain to the pinned CA. */
export class CertificateChangedError extends Error {
  override readonly name = 'CertificateChangedError';
  constructor(readonly detail: string) {
    super(
      'Le certificat du serveur a changé : ce poste refuse de s’y connecter. ' +
        'Prévenez l’administrateur (commande « gfa cert ») avant de réappairer le poste.',
    );
  }
}

/** The certificate is not valid at this device's date: its clock, or a server that missed its renewal. */
export class CertificateDateError extends Error {
  override readonly name = 'CertificateDateError';
  constructor(readonly detail: string) {
    super(
      'Le certificat du serveur n’est pas valide à la date de ce poste : vérifiez l’horloge du poste, ' +
        'puis redémarrez le serveur GFA pour renouveler son certificat.',
    );
  }
}

/** The server could not be reached or did not answer in time. */
export class ServerUnreachableError extends Error {
  override readonly name = 'ServerUnreachableError';
  constructor(readonly detail: string) {
    super('Le serveur ne répond pas.');
  }
}

// OpenSSL verdicts meaning "this chain does not lead to the pinned CA".
const CHAIN_ERRORS = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
]);

/** The last certificate of the chain the server presented (its anchor). */
export function chainRoot(leaf: PeerCertificate): PeerCertificate {
  let cert = leaf as PeerCertificate & { issuerCertificate?: PeerCertificate };
  for (let depth = 0; depth < 10; depth += 1) {
    const issuer = cert.issuerCertificate as
      (PeerCertificate & { issuerCertificate?: PeerCertificate }) | undefined;
    if (!issuer || issuer === cert || issuer.fingerprint256 === cert.fingerprint256) break;
    cert = issuer;
  }
  return cert;
}

/** Replaces the host-name check: the chain's CA must be the pinned one. */
export function pinnedIdentityCheck(fingerprint256: string) {
  const pinned = normaliseFingerprint(fingerprint256);
  return (_host: string, cert: PeerCertificate): Error | undefined => {
    const root = chainRoot(cert);
    if (pinned !== null && normaliseFingerprint(root.fingerprint256 ?? '') === pinned) return undefined;
    return new CertificateChangedError(`CA ${root.fingerprint256 ?? '?'} ≠ épinglée ${fingerprint256}`);
  };
}

function send(url: URL, options: RequestOptions, tls: Record<string, unknown>): Promise<PinnedResponse> {
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? (body ? 'POST' : 'GET'),
        headers: {
          accept: 'application/json, text/plain',
          ...(body && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
          ...options.headers,
        },
        // No shared agent: a resumed TLS session would skip the identity check.
        agent: false,
        timeout: options.timeoutMs ?? 10_000,
        ...tls,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new ServerUnreachableError(`délai dépassé (${url.origin})`)));
    req.on('error', (error: Error & { code?: string }) => {
      if (error instanceof CertificateChangedError || error instanceof ServerUnreachableError) reject(error);
      else if (error.code && CHAIN_ERRORS.has(error.code)) reject(new CertificateChangedError(error.code));
      else if (error.code === 'CERT_NOT_YET_VALID' || error.code === 'CERT_HAS_EXPIRED') {
        reject(new CertificateDateError(error.code));
      } else reject(new ServerUnreachableError(error.code ?? error.message));
    });
    req.end(body);
  });
}

export function fetchPinned(
  url: string | URL,
  pin: Pin,
  options: RequestOptions = {},
): Promise<PinnedResponse> {
  return send(new URL(url), options, {
    ca: pin.caPem,
    rejectUnauthorized: true,
    checkServerIdentity: pinnedIdentityCheck(pin.fingerprint256),
  });
}

/**
 * The one request made before anything is pinned: fetching the server's CA.
 * It trusts nothing yet; the caller compares the CA's fingerprint with the
 * mDNS TXT `fp` (or shows it to the administrator) before pinning it.
 */
export function fetchUnpinned(url: string | URL, options: RequestOptions = {}): Promise<PinnedResponse> {
  return send(new URL(url), options, { rejectUnauthorized: false });
}
